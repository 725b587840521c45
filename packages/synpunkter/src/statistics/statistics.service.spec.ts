import { averageAndMedian } from "./statistics.service";

describe("handling-time average and median from a histogram", () => {
  it("gives the middle value for an odd count and the mean of the two middle ones for an even count", () => {
    expect(averageAndMedian([{ days: 1, count: 1 }, { days: 3, count: 1 }, { days: 10, count: 1 }])).toEqual({ average: 4.7, median: 3 });
    expect(averageAndMedian([{ days: 2, count: 2 }, { days: 6, count: 2 }])).toEqual({ average: 4, median: 4 });
  });
  it("has no average or median without closed items", () => {
    expect(averageAndMedian([])).toEqual({ average: null, median: null });
  });
});
