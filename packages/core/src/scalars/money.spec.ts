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
});
