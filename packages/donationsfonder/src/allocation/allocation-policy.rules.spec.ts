import fc from "fast-check";
import { AllocationPolicy, RemainderRule } from "../shared/enums";
import { allocateFund, equalLevel, type Claim } from "./allocation-policy.rules";

const claim = (applicationId: number, asked: number, receivedDate = "2022-03-10"): Claim => ({
  applicationId,
  asked,
  receivedDate,
});
const EQUAL_DIST = {
  policy: AllocationPolicy.EQUAL,
  remainderRule: RemainderRule.DISTRIBUTE_IN_ORDER,
  maxPerApplication: null,
};
const EQUAL_KEEP = { ...EQUAL_DIST, remainderRule: RemainderRule.KEEP_IN_FUND };
const NEED_DIST = {
  policy: AllocationPolicy.NEED_BASED,
  remainderRule: RemainderRule.DISTRIBUTE_IN_ORDER,
  maxPerApplication: null,
};
const amounts = (lines: { applicationId: number; amount: number }[]) =>
  Object.fromEntries(lines.map((l) => [l.applicationId, l.amount]));
const sum = (lines: { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);

describe("EQUAL allocation", () => {
  it("gives everyone the same share when the fund is short", () => {
    const lines = allocateFund("F", 3000, [claim(1, 2000), claim(2, 2000), claim(3, 2000)], EQUAL_DIST);
    expect(amounts(lines)).toEqual({ 1: 1000, 2: 1000, 3: 1000 });
  });

  it("hands the fund's remainder out one krona each in application order", () => {
    // 1000 kr among 3 → 333 each, 1 kr left: goes to the earliest application (received first, not lowest id)
    const lines = allocateFund(
      "F",
      1000,
      [claim(1, 500, "2022-03-20"), claim(2, 500, "2022-03-05"), claim(3, 500, "2022-03-12")],
      EQUAL_DIST,
    );
    expect(amounts(lines)).toEqual({ 1: 333, 2: 334, 3: 333 });
    expect(sum(lines)).toBe(1000);
    expect(lines.find((l) => l.applicationId === 2)!.explanation).toMatch(/\+ 1 kr of the remainder/);
  });

  it("keeps the remainder in the fund under KEEP_IN_FUND", () => {
    const lines = allocateFund("F", 1000, [claim(1, 500), claim(2, 500), claim(3, 500)], EQUAL_KEEP);
    expect(amounts(lines)).toEqual({ 1: 333, 2: 333, 3: 333 });
  });

  it("never gives more than asked; what a small claim leaves goes to the others", () => {
    const lines = allocateFund("F", 3000, [claim(1, 400), claim(2, 5000), claim(3, 5000)], EQUAL_DIST);
    expect(amounts(lines)).toEqual({ 1: 400, 2: 1300, 3: 1300 });
  });

  it("gives everyone what they asked when the fund covers it, and keeps the rest", () => {
    const lines = allocateFund("F", 10_000, [claim(1, 400), claim(2, 900)], EQUAL_DIST);
    expect(amounts(lines)).toEqual({ 1: 400, 2: 900 });
  });

  it("applies the round's cap to everyone", () => {
    const lines = allocateFund("F", 10_000, [claim(1, 400), claim(2, 5000)], {
      ...EQUAL_DIST,
      maxPerApplication: 1500,
    });
    expect(amounts(lines)).toEqual({ 1: 400, 2: 1500 });
    expect(lines[1].explanation).toMatch(/capped at the round's maximum 1 500 kr/);
  });

  it("splits a fund too small for everyone in whole kronor without exceeding it", () => {
    // 2 kr among 3: the equal share is 0, the two kronor go to the two earliest applications
    const lines = allocateFund("F", 2, [claim(1, 700), claim(2, 700), claim(3, 700)], EQUAL_DIST);
    expect(amounts(lines)).toEqual({ 1: 1, 2: 1, 3: 0 });
    const kept = allocateFund("F", 2, [claim(1, 700), claim(2, 700), claim(3, 700)], EQUAL_KEEP);
    expect(sum(kept)).toBe(0);
  });

  it("computes the water level", () => {
    expect(equalLevel(100, [10, 50, 50])).toBe(45);
    expect(equalLevel(100, [10, 20])).toBe(20);
    expect(equalLevel(0, [10])).toBe(0);
  });
});

describe("NEED_BASED allocation", () => {
  it("gives every claim in full when the fund covers them", () => {
    const lines = allocateFund("F", 5000, [claim(1, 1200), claim(2, 3000)], NEED_DIST);
    expect(amounts(lines)).toEqual({ 1: 1200, 2: 3000 });
  });

  it("scales claims alike when the fund is short, remainder by largest fraction", () => {
    // claims 1000, 2000, 4000 (total 7000) against 1000: 142.86, 285.71, 571.43 → 142, 285, 571 (+2 kr)
    const lines = allocateFund("F", 1000, [claim(1, 1000), claim(2, 2000), claim(3, 4000)], NEED_DIST);
    expect(amounts(lines)).toEqual({ 1: 143, 2: 286, 3: 571 });
    expect(sum(lines)).toBe(1000);
  });

  it("caps each claim before scaling", () => {
    const lines = allocateFund("F", 3000, [claim(1, 1000), claim(2, 9000)], { ...NEED_DIST, maxPerApplication: 2000 });
    expect(amounts(lines)).toEqual({ 1: 1000, 2: 2000 });
  });
});

describe("allocation properties", () => {
  const claimsArb = fc.uniqueArray(
    fc.record({
      applicationId: fc.integer({ min: 1, max: 100_000 }),
      asked: fc.integer({ min: 0, max: 50_000 }),
      receivedDate: fc.constantFrom("2022-03-01", "2022-03-02", "2022-03-15", "2022-03-31"),
    }),
    { selector: (c) => c.applicationId, maxLength: 60 },
  );
  const configArb = fc.record({
    policy: fc.constantFrom(AllocationPolicy.EQUAL, AllocationPolicy.NEED_BASED),
    remainderRule: fc.constantFrom(RemainderRule.DISTRIBUTE_IN_ORDER, RemainderRule.KEEP_IN_FUND),
    maxPerApplication: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  });
  const availableArb = fc.integer({ min: 0, max: 2_000_000 });

  it("never exceeds the fund; each amount is whole kronor between 0 and the (capped) claim", () => {
    fc.assert(
      fc.property(availableArb, claimsArb, configArb, (available, claims, config) => {
        const lines = allocateFund("F", available, claims, config);
        expect(lines).toHaveLength(claims.length);
        expect(sum(lines)).toBeLessThanOrEqual(available);
        for (const line of lines) {
          const c = claims.find((x) => x.applicationId === line.applicationId)!;
          const limit = config.maxPerApplication === null ? c.asked : Math.min(c.asked, config.maxPerApplication);
          expect(Number.isInteger(line.amount)).toBe(true);
          expect(line.amount).toBeGreaterThanOrEqual(0);
          expect(line.amount).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it("is deterministic: the input order does not matter", () => {
    fc.assert(
      fc.property(availableArb, claimsArb, configArb, (available, claims, config) => {
        const a = amounts(allocateFund("F", available, claims, config));
        const b = amounts(allocateFund("F", available, [...claims].reverse(), config));
        expect(b).toEqual(a);
      }),
    );
  });

  it("distributes the whole fund when the claims exceed it and the remainder is handed out", () => {
    fc.assert(
      fc.property(
        availableArb,
        claimsArb,
        fc.constantFrom(AllocationPolicy.EQUAL, AllocationPolicy.NEED_BASED),
        (available, claims, policy) => {
          const lines = allocateFund("F", available, claims, {
            policy,
            remainderRule: RemainderRule.DISTRIBUTE_IN_ORDER,
            maxPerApplication: null,
          });
          const asked = claims.reduce((s, c) => s + c.asked, 0);
          expect(sum(lines)).toBe(Math.min(available, asked));
        },
      ),
    );
  });

  it("EQUAL treats everyone alike: amounts differ by at most 1 kr among those not limited by their claim", () => {
    fc.assert(
      fc.property(availableArb, claimsArb, (available, claims) => {
        const lines = allocateFund("F", available, claims, EQUAL_DIST);
        const uncapped = lines.filter((l) => l.amount < claims.find((c) => c.applicationId === l.applicationId)!.asked);
        if (uncapped.length) {
          const values = uncapped.map((l) => l.amount);
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
          // nobody limited by their claim gets more than anyone uncapped, but for the one krona of the
          // rounding remainder that the remainder rule may give them (1 kr for two claims of 1 kr: 1 + 0)
          const fullyPaid = lines.filter((l) => !uncapped.includes(l));
          for (const f of fullyPaid) expect(f.amount).toBeLessThanOrEqual(Math.max(...values) + 1);
        }
      }),
    );
  });

  it("rejects amounts that are not whole kronor", () => {
    expect(() => allocateFund("F", 10.5, [claim(1, 5)], EQUAL_DIST)).toThrow(RangeError);
    expect(() => allocateFund("F", 10, [claim(1, -5)], EQUAL_DIST)).toThrow(RangeError);
  });
});
