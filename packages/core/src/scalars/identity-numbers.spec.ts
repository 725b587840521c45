import {
  ageOn,
  luhnCheckDigit,
  maskPersonnummer,
  parseOrganisationsnummer,
  parsePersonnummer,
} from "./identity-numbers";

const today = new Date("2026-11-23T12:00:00Z");

describe("personnummer", () => {
  it("accepts 10 and 12 digits, with and without separator, and normalises to 12", () => {
    for (const input of ["811218-9876", "8112189876", "198112189876", "19811218-9876"]) {
      expect(parsePersonnummer(input, today).normalized).toBe("198112189876");
    }
  });

  it("reads + as 100 years or older", () => {
    expect(parsePersonnummer("121212+1212", today).normalized).toBe("191212121212");
    expect(parsePersonnummer("121212-1212", today).normalized).toBe("201212121212");
  });

  it("accepts a samordningsnummer (day + 60) and gives the real birth date", () => {
    const p = parsePersonnummer("701063-2391", today);
    expect(p.coordinationNumber).toBe(true);
    expect(p.birthDate).toBe("1970-10-03");
    expect(p.normalized).toBe("197010632391");
  });

  it.each([
    ["811218-9875", "checksum"],
    ["811318-9876", "date"],
    ["810230-1234", "date"],
    ["81121-9876", "format"],
    ["19811218+9876", "format"],
    ["abc", "format"],
  ])("rejects %s (%s)", (input, rule) => {
    expect(() => parsePersonnummer(input, today)).toThrow(expect.objectContaining({ rule }));
  });

  it("computes the Luhn digit with weights 2,1", () => {
    expect(luhnCheckDigit("811218987")).toBe(6);
  });

  it("masks numbers for logs", () => {
    expect(maskPersonnummer("person 19811218-9876 read")).toBe("person 19811218-**** read");
    expect(maskPersonnummer("811218-9876, 8112189876 and 811218 9876")).toBe(
      "811218-****, 811218-**** and 811218-****",
    );
    expect(maskPersonnummer("id 3f1bf2e5-02ed-4476-8566-dd4fc70e2123")).toBe("id 3f1bf2e5-02ed-4476-8566-dd4fc70e2123");
  });

  it("computes age on a date", () => {
    expect(ageOn("2015-03-01", "2021-02-28")).toBe(5);
    expect(ageOn("2015-03-01", "2021-03-01")).toBe(6);
  });
});

describe("organisationsnummer", () => {
  it("accepts Kvinnojouren's number 864501-5200", () => {
    expect(parseOrganisationsnummer("864501-5200")).toBe("8645015200");
  });
  it("accepts a municipality (212000-1561, Borås Stad)", () => {
    expect(parseOrganisationsnummer("2120001561")).toBe("2120001561");
  });
  it("rejects a third digit below 2 and a wrong check digit", () => {
    expect(() => parseOrganisationsnummer("811218-9876")).toThrow(
      expect.objectContaining({ rule: "organisation-group" }),
    );
    expect(() => parseOrganisationsnummer("864501-5201")).toThrow(expect.objectContaining({ rule: "checksum" }));
  });
});
