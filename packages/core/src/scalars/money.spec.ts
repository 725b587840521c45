import fc from "fast-check";
import { kronorToOre, oreToKronor } from "./money";

describe("money", () => {
  it("parses kronor strings exactly", () => {
    expect(kronorToOre("3532")).toBe(353200);
    expect(kronorToOre("0.1")).toBe(10);
    expect(kronorToOre("243250000.05")).toBe(24325000005);
    expect(kronorToOre("-150,5")).toBe(-15050);
    expect(kronorToOre(1860)).toBe(186000);
  });
  it.each(["1.005", "12e3", "", "1 0x", "NaN", "0.1.2"])("rejects %p", (bad) => {
    expect(() => kronorToOre(bad)).toThrow(/kronor/);
  });
  it("round-trips every amount in öre", () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ore) => kronorToOre(oreToKronor(ore)) === ore));
  });

  it("writes any whole number of öre exactly, beyond 2^53 too (sums of odd data never fail to serialise)", () => {
    expect(oreToKronor(9_007_199_254_740_993n)).toBe("90071992547409.93");
    expect(oreToKronor("10000000000461990")).toBe("100000000004619.90");
    expect(oreToKronor("-462000.0000")).toBe("-4620.00");
    // database text of up to 15 digits takes the number path: the same text as the exact one
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (ore) => {
        expect(oreToKronor(String(ore))).toBe(oreToKronor(ore));
        expect(oreToKronor(`00${ore < 0n ? -ore : ore}`)).toBe(oreToKronor(ore < 0n ? -ore : ore));
      }),
    );
    expect(oreToKronor(2 ** 60)).toBe("11529215046068469.76");
    expect(oreToKronor(-5)).toBe("-0.05");
  });
  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, "1.5", "abc", ""])(
    "refuses %p, which is not whole öre",
    (bad) => {
      expect(() => oreToKronor(bad as number)).toThrow(/not whole öre/);
    },
  );
});
