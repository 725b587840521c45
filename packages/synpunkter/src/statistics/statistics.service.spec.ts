import { controlledPolicy } from "@arbetsliv/core";
import {
  averageAndMedian,
  controlFeedbackStatistics,
  mergeHistogram,
  monthsInPeriod,
  roundToTenthHalfUp,
  splitPeriod,
} from "./statistics.service";
import type { FeedbackStatistics } from "./statistics.types";

describe("handling-time average and median from a histogram", () => {
  it("gives the middle value for an odd count and the mean of the two middle ones for an even count", () => {
    expect(
      averageAndMedian([
        { days: 1, count: 1 },
        { days: 3, count: 1 },
        { days: 10, count: 1 },
      ]),
    ).toEqual({ average: 4.7, median: 3 });
    expect(
      averageAndMedian([
        { days: 2, count: 2 },
        { days: 6, count: 2 },
      ]),
    ).toEqual({ average: 4, median: 4 });
  });
  it("rounds the average to one decimal, half up, at every .x5 boundary", () => {
    // 1, 1, 1, 2 days: 1.25 → 1.3 (half up), the median not rounded (1).
    expect(
      averageAndMedian([
        { days: 1, count: 3 },
        { days: 2, count: 1 },
      ]),
    ).toEqual({ average: 1.3, median: 1 });
    // 23/20 = 1.15 → 1.2 and 49/20 = 2.45 → 2.5 (halves go up, also where 1.15 · 10 is not exact in binary);
    // 31/25 = 1.24 → 1.2 and 39/25 = 1.56 → 1.6 (not a half: to the nearest).
    expect([roundToTenthHalfUp(23, 20), roundToTenthHalfUp(49, 20), roundToTenthHalfUp(31, 25)]).toEqual([
      1.2, 2.5, 1.2,
    ]);
    expect([roundToTenthHalfUp(39, 25), roundToTenthHalfUp(0, 7), roundToTenthHalfUp(21, 2)]).toEqual([1.6, 0, 10.5]);
    // Every half from 0.05 to 99.95 goes up: (2k+1)/20 → (k+1)/10.
    for (let k = 0; k < 1000; k++) expect(roundToTenthHalfUp(2 * k + 1, 20)).toBe((k + 1) / 10);
  });
  it("has no average or median without closed items", () => {
    expect(averageAndMedian([])).toEqual({ average: null, median: null });
  });
});

describe("a period split into whole months and edge days", () => {
  it.each([
    ["2021-01-01", "2021-12-31", { months: { from: "2021-01", to: "2021-12" }, edges: [] }],
    [
      "2021-01-15",
      "2021-03-10",
      {
        months: { from: "2021-02", to: "2021-02" },
        edges: [
          ["2021-01-15", "2021-01-31"],
          ["2021-03-01", "2021-03-10"],
        ],
      },
    ],
    [
      "2021-01-31",
      "2021-03-01",
      {
        months: { from: "2021-02", to: "2021-02" },
        edges: [
          ["2021-01-31", "2021-01-31"],
          ["2021-03-01", "2021-03-01"],
        ],
      },
    ],
    ["2024-02-01", "2024-02-29", { months: { from: "2024-02", to: "2024-02" }, edges: [] }],
    ["2024-02-01", "2024-02-28", { months: null, edges: [["2024-02-01", "2024-02-28"]] }],
    ["2021-01-15", "2021-02-10", { months: null, edges: [["2021-01-15", "2021-02-10"]] }],
    ["2021-03-05", "2021-03-05", { months: null, edges: [["2021-03-05", "2021-03-05"]] }],
    [
      "2020-12-31",
      "2022-01-01",
      {
        months: { from: "2021-01", to: "2021-12" },
        edges: [
          ["2020-12-31", "2020-12-31"],
          ["2022-01-01", "2022-01-01"],
        ],
      },
    ],
  ])("%s – %s", (from, to, expected) => {
    expect(splitPeriod(from, to)).toEqual(expected);
  });
});

describe("merging handling-day histograms", () => {
  it("adds equal days and sorts by days", () => {
    expect(
      mergeHistogram([
        { days: 5, count: 2 },
        { days: 1, count: 1 },
        { days: 5, count: 3 },
        { days: 0, count: 4 },
      ]),
    ).toEqual([
      { days: 0, count: 4 },
      { days: 1, count: 1 },
      { days: 5, count: 5 },
    ]);
  });
});

describe("the months of the per-month table", () => {
  const m = (month: string) => ({ month });
  it("keeps only months inside the period, also when it starts and ends mid-year, in order", () => {
    const months = ["2021-12", "2021-02", "2021-03", "2021-08", "2021-09", "2022-01"].map(m);
    expect(monthsInPeriod(months, "2021-03-01", "2021-08-31").map((x) => x.month)).toEqual(["2021-03", "2021-08"]);
    // A partial month at an edge is a month of the period.
    expect(monthsInPeriod(months, "2021-02-15", "2021-09-10").map((x) => x.month)).toEqual([
      "2021-02",
      "2021-03",
      "2021-08",
      "2021-09",
    ]);
    expect(monthsInPeriod(months, "2021-01-01", "2021-12-31").map((x) => x.month)).toEqual([
      "2021-02",
      "2021-03",
      "2021-08",
      "2021-09",
      "2021-12",
    ]);
  });

  it("protects the unshown count of closings after the period like a cell: a 1 cannot be computed", () => {
    // Five received in March, all closed: four in March, one after the period (closed − months = 1).
    const stats = (): Omit<FeedbackStatistics, "disclosure"> => ({
      from: "2021-03-01",
      to: "2021-03-31",
      received: 5,
      closed: 5,
      notClosed: 0,
      handledInTime: 5,
      handledLate: 0,
      openOverdue: 0,
      forwarded: 0,
      improvements: 0,
      duplicates: 0,
      reopened: 0,
      wantedReply: 0,
      repliedToWhoWanted: 0,
      averageHandlingDays: 3,
      medianHandlingDays: 3,
      kinds: { praise: 0, question: 0, suggestion: 0, complaint: 5, total: 5, suppressed: [] },
      byBusinessArea: [],
      byCriterion: [],
      byMonth: [{ month: "2021-03", received: 5, closed: 4, suppressed: [] }],
      suppressed: [],
    });
    const controlled = controlFeedbackStatistics(stats(), controlledPolicy());
    const [closed, inMarch] = [controlled.closed, controlled.byMonth[0].closed];
    expect(closed === null || inMarch === null).toBe(true);
    // All closed in the period: nothing to protect, nothing hidden.
    const allIn = stats();
    allIn.byMonth[0].closed = 5;
    expect(controlFeedbackStatistics(allIn, controlledPolicy())).toMatchObject({ closed: 5, byMonth: [{ closed: 5 }] });
  });
});
