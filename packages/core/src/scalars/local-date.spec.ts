import { addDays, addMonths, daysBetween, isLocalDate, todayLocalDate } from "./local-date";

describe("local dates", () => {
  it("knows real dates, leap years included", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2023-02-29")).toBe(false);
    expect(isLocalDate("2021-13-01")).toBe(false);
  });
  it("refuses years no record can mean", () => {
    expect(isLocalDate("1849-12-31")).toBe(false);
    expect(isLocalDate("9999-12-31")).toBe(false);
    expect(isLocalDate("2199-12-31")).toBe(true);
  });
  it("adds months clamped to month end", () => {
    expect(addMonths("2021-01-31", 1)).toBe("2021-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-12-31", -9)).toBe("2024-03-31");
  });
  it("counts days across a month and a leap day", () => {
    expect(daysBetween("2021-01-01", "2021-01-04")).toBe(3);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDays("2021-12-31", 1)).toBe("2022-01-01");
  });

  it("today is the clock's UTC day, also across midnight (the day's text is kept only within its day)", () => {
    jest.useFakeTimers();
    try {
      for (const at of [
        "2026-12-06T23:59:59.999Z",
        "2026-12-07T00:00:00.000Z",
        "1969-12-31T23:59:59.999Z",
        "2024-02-29T12:00:00Z",
      ]) {
        jest.setSystemTime(new Date(at));
        expect(todayLocalDate()).toBe(at.slice(0, 10));
        expect(todayLocalDate()).toBe(todayLocalDate(new Date()));
      }
    } finally {
      jest.useRealTimers();
    }
  });
});
