import { averageAndMedian, mergeHistogram, splitPeriod } from "./statistics.service";

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
