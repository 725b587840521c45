import { apportion, REPORT, spellsOf, targetCurve, wageSubsidyCurve } from "./demo-model";

describe("demo model", () => {
  it("steers households per month to the report's yearly mean and December value", () => {
    const curve = targetCurve();
    for (const [i, year] of [2019, 2020, 2021].entries()) {
      const months = curve.slice(12 * (i + 1), 12 * (i + 2));
      expect(months.reduce((s, v) => s + v, 0) / 12).toBe(REPORT.householdsAvg[year]);
      expect(months[11]).toBe(REPORT.householdsDec[year]);
    }
    expect(wageSubsidyCurve()[47]).toBe(53);
  });

  it("apportions a total exactly over weights", () => {
    expect(apportion(2940042, [1, 2, 3, 0.5])).toEqual([452314, 904628, 1356943, 226157]);
    expect(apportion(10, [1, 1, 1]).reduce((s, v) => s + v, 0)).toBe(10);
  });

  it("splits paid months into spells", () => {
    expect(spellsOf([1, 2, 3, 7, 8, 12])).toEqual([
      [1, 3],
      [7, 8],
      [12, 12],
    ]);
  });
});
