import { parse } from "graphql";
import { ValidDocuments } from "./valid-documents";

describe("ValidDocuments", () => {
  const doc = (q: string) => parse(q);

  it("gives back the same document for the same text, so the compiled query is reused", () => {
    const cache = new ValidDocuments();
    const d = doc("{ a }");
    cache.set("{ a }", d);
    expect(cache.get("{ a }")).toBe(d);
    expect(cache.get("{ b }")).toBeUndefined();
  });

  it("drops the least recently used document beyond its count", () => {
    const cache = new ValidDocuments(2);
    cache.set("{ a }", doc("{ a }"));
    cache.set("{ b }", doc("{ b }"));
    cache.get("{ a }"); // a is now the most recently used
    cache.set("{ c }", doc("{ c }"));
    expect([cache.get("{ a }"), cache.get("{ b }"), cache.get("{ c }")].map(Boolean)).toEqual([true, false, true]);
    expect(cache.size).toBe(2);
  });

  it("drops documents beyond its total text, the oldest first", () => {
    const cache = new ValidDocuments(100, 12);
    cache.set("{ aaaa }", doc("{ aaaa }")); // 8 characters
    cache.set("{ bbbb }", doc("{ bbbb }")); // 16 in all: over 12
    expect(cache.get("{ aaaa }")).toBeUndefined();
    expect(cache.get("{ bbbb }")).toBeDefined();
  });
});
