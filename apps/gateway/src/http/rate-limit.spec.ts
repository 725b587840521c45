import { MemoryRateLimitStore } from "./rate-limit";

/** The sliding window's guarantee, on explicit clocks: at most `limit` in any window-long interval. */
describe("MemoryRateLimitStore (sliding window)", () => {
  it("refuses the edge burst a fixed window allows, and says how long to wait", () => {
    const store = new MemoryRateLimitStore(60, 60_000);
    expect(store.hit("a", 0)).toBe(0);
    for (let i = 0; i < 59; i++) expect(store.hit("a", 59_900)).toBe(0);
    const wait = store.hit("a", 60_100); // a fixed window from the first request would start afresh here
    expect(wait).toBeGreaterThan(0);
    expect(store.hit("a", 60_100 + wait)).toBe(0); // honest: at that moment one request fits again
  });

  it("holds for any schedule: no window-long interval has more than the limit", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 20; round++) {
      const store = new MemoryRateLimitStore(10, 1_000, 10);
      const accepted: number[] = [];
      let now = 0;
      for (let i = 0; i < 2_000; i++) {
        now += Math.floor(random() < 0.1 ? random() * 400 : random() * 20);
        if (store.hit("k", now) === 0) accepted.push(now);
      }
      for (let i = 0; i < accepted.length; i++) {
        const inWindow = accepted.filter((t) => t >= accepted[i] && t < accepted[i] + 1_000).length;
        expect(inWindow).toBeLessThanOrEqual(10);
      }
      expect(accepted.length).toBeGreaterThan(10);
    }
  });
});
