import { chunks } from "./chunks";

describe("chunks", () => {
  it("splits into consecutive chunks of at most the size, in order", () => {
    const rows = Array.from({ length: 1201 }, (_, i) => i);
    const out = chunks(rows);
    expect(out.map((c) => c.length)).toEqual([500, 500, 201]);
    expect(out.flat()).toEqual(rows);
    expect(chunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(chunks([])).toEqual([]);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });
});
