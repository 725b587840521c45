import { amendmentTotal } from "./money.rules";

describe("an amendment's total", () => {
  it("sums its yearly amounts in öre, exactly", () => {
    expect(amendmentTotal([{ amount: 12_500_000 }, { amount: 7_333_333 }, { amount: 1 }])).toBe(19_833_334);
  });

  it("is zero without amounts", () => {
    expect(amendmentTotal([])).toBe(0);
  });
});
