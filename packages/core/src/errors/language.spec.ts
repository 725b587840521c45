import { negotiateLanguage, parseLanguage } from "./language";

describe("negotiateLanguage (Accept-Language)", () => {
  const cases: [string | undefined, "en" | "sv", "en" | "sv"][] = [
    [undefined, "en", "en"],
    [undefined, "sv", "sv"],
    ["", "en", "en"],
    ["sv", "en", "sv"],
    ["sv-SE", "en", "sv"],
    ["sv-FI", "en", "sv"],
    ["SV-se", "en", "sv"],
    ["en", "sv", "en"],
    ["en-GB", "sv", "en"],
    ["sv-SE,sv;q=0.9,en;q=0.8", "en", "sv"],
    ["en-US,en;q=0.9,sv;q=0.8", "sv", "en"],
    ["de-DE,en;q=0.5,sv;q=0.7", "en", "sv"],
    ["de-DE, sv ; q=0.2", "en", "sv"],
    ["*", "en", "en"],
    ["*", "sv", "sv"],
    ["fi-FI,de;q=0.5", "en", "en"],
    ["fi-FI,de;q=0.5", "sv", "sv"],
    ["sv;q=0", "sv", "en"],
    ["sv;q=0,en;q=0.1", "en", "en"],
    ["en;q=0.5,sv;q=0.5", "sv", "en"], // a tie: the earlier
    ["sv;q=abc,en;q=0.3", "en", "en"], // a malformed q refuses its range
    ["svenska", "en", "en"],
  ];

  it.each(cases)("%p with default %p → %p", (header, fallback, expected) => {
    expect(negotiateLanguage(header, fallback)).toBe(expected);
  });

  it("reads a header given as a list, and the same header twice alike", () => {
    expect(negotiateLanguage(["de", "sv;q=0.8"], "en")).toBe("sv");
    expect(negotiateLanguage("sv-SE", "en")).toBe("sv");
    expect(negotiateLanguage("sv-SE", "en")).toBe("sv");
    expect(negotiateLanguage("fi", "en")).toBe("en");
    expect(negotiateLanguage("fi", "sv")).toBe("sv"); // the cached answer is per default
  });

  it("parses the configured default", () => {
    expect(parseLanguage("sv")).toBe("sv");
    expect(parseLanguage(" EN ")).toBe("en");
    expect(parseLanguage("swedish")).toBeUndefined();
  });
});
