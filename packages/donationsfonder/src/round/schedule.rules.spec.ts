import { RoundTerm } from "../shared/enums";
import { appliesTo, assertScheduleEntry, overlaps, roundDates, type ScheduleEntry } from "./schedule.rules";

const annual: ScheduleEntry = {
  fromYear: 2022,
  toYear: null,
  term: RoundTerm.ANNUAL,
  applicationOpens: "03-01",
  applicationCloses: "03-31",
  decision: "05-19",
  payout: "06-15",
};

describe("round schedule", () => {
  it("gives a year's dates: applications in March, decision in May, payout in June", () => {
    expect(roundDates(annual, 2023)).toEqual({
      applicationOpens: "2023-03-01",
      applicationCloses: "2023-03-31",
      plannedDecisionDate: "2023-05-19",
      plannedPayoutDate: "2023-06-15",
    });
  });

  it("applies to its range of years", () => {
    expect(appliesTo(annual, 2021)).toBe(false);
    expect(appliesTo(annual, 2040)).toBe(true);
    expect(appliesTo({ fromYear: 2016, toYear: 2021 }, 2021)).toBe(true);
  });

  it("detects overlapping entries for the same term only", () => {
    expect(overlaps(annual, { ...annual, fromYear: 2030, toYear: 2031 })).toBe(true);
    expect(overlaps(annual, { ...annual, fromYear: 2016, toYear: 2021 })).toBe(false);
    expect(overlaps(annual, { ...annual, term: RoundTerm.SPRING })).toBe(false);
  });

  it("rejects impossible days and dates out of order, naming the field", () => {
    expect(() => assertScheduleEntry({ ...annual, applicationCloses: "02-29" })).toThrow(/input\.applicationCloses/);
    expect(() => assertScheduleEntry({ ...annual, applicationOpens: "13-01" })).toThrow(/input\.applicationOpens/);
    expect(() => assertScheduleEntry({ ...annual, decision: "03-15" })).toThrow(/input\.decision/);
    expect(() => assertScheduleEntry({ ...annual, payout: "05-01" })).toThrow(/input\.payout/);
    expect(() => assertScheduleEntry({ ...annual, toYear: 2020 })).toThrow(/input\.toYear/);
    expect(() => assertScheduleEntry(annual)).not.toThrow();
  });
});
