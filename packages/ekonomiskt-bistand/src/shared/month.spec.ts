import { monthlyBudget } from "../statistics/statistics.service";
import { addMonthsTo, lastDayOf, monthRange, roundHalfUpDiv } from "./month";
import { formatKronor } from "@arbetsliv/core/values";

describe("months and öre", () => {
  it("does month arithmetic across years and leap days", () => {
    expect(addMonthsTo("2021-01", -1)).toBe("2020-12");
    expect(addMonthsTo("2019-11", 14)).toBe("2021-01");
    expect(lastDayOf("2020-02")).toBe("2020-02-29");
    expect(monthRange("2020-11", "2021-02")).toEqual(["2020-11", "2020-12", "2021-01", "2021-02"]);
  });

  it("rounds divisions half up to whole öre", () => {
    expect(roundHalfUpDiv(142000, 3)).toBe(47333); // 473,333… kr
    expect(roundHalfUpDiv(5, 2)).toBe(3);
    expect(roundHalfUpDiv(186000, 5)).toBe(37200);
  });

  it("formats kronor the Swedish way", () => {
    expect(formatKronor(353200)).toBe("3 532 kr");
    expect(formatKronor(47333)).toBe("473,33 kr");
    expect(formatKronor(-150)).toBe("−1,50 kr");
  });

  it("splits a yearly budget into months that add up exactly", () => {
    const months = Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, "0")}`);
    expect(months.reduce((s, m) => s + monthlyBudget(5550000001, m), 0)).toBe(5550000001);
  });
});
