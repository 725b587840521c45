import fc from "fast-check";
import { clientText, createLogger } from "./logger";

/** The logger never throws and always writes one bounded JSON line, whatever the fields hold. */
function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger("debug", (line) => lines.push(line)) };
}

describe("logger", () => {
  it("writes one bounded, parseable line for any field values", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(
          fc.string(),
          fc.anything({
            withBigInt: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
            withNullPrototype: true,
          }),
        ),
        (message, fields) => {
          const { lines, logger } = capture();
          logger.log("info", message, fields);
          expect(lines).toHaveLength(1);
          expect(lines[0].length).toBeLessThan(20_000);
          expect(JSON.parse(lines[0])).toMatchObject({ level: "info" });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives what JSON.stringify cannot: depth, cycles, bigint, throwing getters and toJSON", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const cyclic: Record<string, unknown> = { name: "cycle" };
    cyclic.self = cyclic;
    const hostile = {
      get boom(): never {
        throw new Error("getter");
      },
      toJSON() {
        throw new Error("toJSON");
      },
    };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error("ownKeys"); } }); // prettier-ignore
    const { lines, logger } = capture();
    for (const value of [
      deep,
      cyclic,
      hostile,
      proxy,
      10n ** 30n,
      Symbol("s"),
      () => 1,
      new Date(NaN),
      "x".repeat(1_000_000),
      Object.create(null),
    ]) {
      expect(() => logger.log("error", "request", { value, operation: value })).not.toThrow();
    }
    expect(lines).toHaveLength(10);
    for (const line of lines) {
      expect(line.length).toBeLessThan(20_000);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    expect(JSON.parse(lines[4]).value).toBe("1000000000000000000000000000000");
  });

  it("masks identity numbers, keeps its own time, level and message, and swallows a failing writer", () => {
    const { lines, logger } = capture();
    logger.log("warn", "saw 19121212-1212", {
      message: "spoofed",
      level: "debug",
      error: new Error("for 191212-1212"),
    });
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: "warn", message: "saw 19121212-****" });
    expect(entry.error).toContain("191212-****");
    const broken = createLogger("info", () => {
      throw new Error("EPIPE");
    });
    expect(() => broken.log("info", "x")).not.toThrow();
  });

  it("keeps client text only as a string of at most the given length", () => {
    expect(clientText([[["deep"]]])).toBeUndefined();
    expect(clientText({ a: 1 })).toBeUndefined();
    expect(clientText(42)).toBeUndefined();
    expect(clientText("Named")).toBe("Named");
    expect(clientText("x".repeat(500))).toBe(`${"x".repeat(100)}…`);
  });
});
