import fc from "fast-check";
import { addDays } from "@arbetsliv/core/values";
import {
  acuteFreeNights,
  acuteRanPastTwoNights,
  costLines,
  nightsBetween,
  placementCost,
  placementNights,
  proRata,
  staysOverlap,
  type AcuteCover,
  type CostedStay,
  type FeeRate,
} from "./placement-days.rules";

const kr = (n: number) => n * 100;
const year2021 = { from: "2021-01-01", to: "2021-12-31" };
const fee = (validFrom: string, validTo: string | null, kronor: number): FeeRate => ({
  validFrom,
  validTo,
  dailyFeeOre: kr(kronor),
});
const stay = (startDate: string, endDate: string | null, personCount = 1, acute = false): CostedStay => ({
  startDate,
  endDate,
  personCount,
  acute,
});
const iop: AcuteCover = { validFrom: "2022-01-01", validTo: "2022-12-31", acuteFreeNights: 2 };

describe("placement days count nights", () => {
  it("a stay from the 1st to the 4th is 3 dygn", () => {
    expect(nightsBetween("2021-03-01", "2021-03-04")).toBe(3);
    expect(placementNights(stay("2021-03-01", "2021-03-04"), year2021)).toBe(3);
  });

  it("arriving and leaving the same day is no night", () => {
    expect(placementNights(stay("2021-03-01", "2021-03-01"), year2021)).toBe(0);
  });

  it("clips to the period: the night of 31 December belongs to December", () => {
    const s = stay("2020-12-30", "2021-01-03");
    expect(placementNights(s, { from: "2020-12-01", to: "2020-12-31" })).toBe(2);
    expect(placementNights(s, { from: "2021-01-01", to: "2021-01-31" })).toBe(2);
  });

  it("counts an ongoing placement up to and including the period end", () => {
    expect(placementNights(stay("2021-12-20", null), year2021)).toBe(12);
    expect(placementNights(stay("2022-01-05", null), year2021)).toBe(0);
  });

  it("counts 29 nights in February of a leap year", () => {
    expect(placementNights(stay("2020-02-01", "2020-03-01"), { from: "2020-01-01", to: "2020-12-31" })).toBe(29);
    expect(placementNights(stay("2021-02-01", "2021-03-01"), year2021)).toBe(28);
  });

  it("splitting a period in two never changes the total (property)", () => {
    const dates = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2020-01-01", n));
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 400 }),
        dates,
        fc.integer({ min: 0, max: 300 }),
        (start, len, from, span) => {
          const s = stay(start, addDays(start, len));
          const to = addDays(from, span + 1);
          const mid = addDays(from, Math.floor(span / 2));
          const whole = placementNights(s, { from, to });
          const parts = placementNights(s, { from, to: mid }) + placementNights(s, { from: addDays(mid, 1), to });
          expect(parts).toBe(whole);
        },
      ),
    );
  });
});

describe("overlap", () => {
  it("a move-out date may be the next start date", () => {
    expect(staysOverlap(stay("2021-01-01", "2021-01-10"), stay("2021-01-10", null))).toBe(false);
    expect(staysOverlap(stay("2021-01-01", "2021-01-10"), stay("2021-01-09", null))).toBe(true);
  });

  it("an ongoing stay overlaps everything after its start", () => {
    expect(staysOverlap(stay("2021-01-01", null), stay("2025-01-01", "2025-01-02"))).toBe(true);
  });
});

describe("costs", () => {
  it("is nights × persons × daily fee", () => {
    expect(placementCost(stay("2021-03-01", "2021-03-04", 3), [fee("2021-01-01", null, 1500)], [], year2021)).toBe(
      kr(3 * 3 * 1500),
    );
  });

  it("splits a placement crossing month boundaries into monthly lines", () => {
    const lines = costLines(stay("2021-01-30", "2021-03-02", 2), [fee("2021-01-01", null, 1000)], [], year2021);
    expect(lines.map((l) => [l.month, l.firstNight, l.lastNight, l.nights, l.amountOre])).toEqual([
      ["2021-01", "2021-01-30", "2021-01-31", 2, kr(2 * 2 * 1000)],
      ["2021-02", "2021-02-01", "2021-02-28", 28, kr(28 * 2 * 1000)],
      ["2021-03", "2021-03-01", "2021-03-01", 1, kr(1 * 2 * 1000)],
    ]);
  });

  it("uses the fee in force on each night when the fee changes mid-placement", () => {
    const fees = [fee("2021-01-01", "2021-06-30", 2400), fee("2021-07-01", null, 2600)];
    const lines = costLines(stay("2021-06-28", "2021-07-03"), fees, [], year2021);
    expect(lines.map((l) => [l.month, l.nights, l.dailyFeeOre, l.amountOre])).toEqual([
      ["2021-06", 3, kr(2400), kr(3 * 2400)],
      ["2021-07", 2, kr(2600), kr(2 * 2600)],
    ]);
  });

  it("splits inside a month when the fee changes on the 15th", () => {
    const fees = [fee("2021-01-01", "2021-03-14", 1000), fee("2021-03-15", null, 1100)];
    const lines = costLines(stay("2021-03-10", "2021-03-20", 1), fees, [], year2021);
    expect(lines.map((l) => [l.firstNight, l.lastNight, l.amountOre])).toEqual([
      ["2021-03-10", "2021-03-14", kr(5 * 1000)],
      ["2021-03-15", "2021-03-19", kr(5 * 1100)],
    ]);
  });

  it("charges the leap day", () => {
    const s = stay("2024-02-27", "2024-03-02", 1);
    const lines = costLines(s, [fee("2024-01-01", null, 1000)], [], { from: "2024-01-01", to: "2024-12-31" });
    expect(lines.map((l) => [l.month, l.nights])).toEqual([
      ["2024-02", 3],
      ["2024-03", 1],
    ]);
  });

  it("marks nights without a fee in force with a null fee and no amount", () => {
    const lines = costLines(stay("2021-01-01", "2021-01-05"), [fee("2021-01-03", null, 900)], [], year2021);
    expect(lines.map((l) => [l.nights, l.dailyFeeOre, l.amountOre])).toEqual([
      [2, null, 0],
      [2, kr(900), kr(1800)],
    ]);
  });

  it("counts an ongoing placement up to the period end", () => {
    const cost = placementCost(stay("2021-12-30", null, 2), [fee("2021-01-01", null, 1000)], [], year2021);
    expect(cost).toBe(kr(2 * 2 * 1000));
  });
});

describe("the partner rule: an acute placement's first two days are covered by the service fee", () => {
  const fees = [fee("2022-01-01", null, 1400)];
  const p2022 = { from: "2022-01-01", to: "2022-12-31" };

  it("costs nothing for an acute stay of two nights", () => {
    expect(placementCost(stay("2022-03-01", "2022-03-03", 3, true), fees, [iop], p2022)).toBe(0);
  });

  it("charges the daily fee per person from the third night", () => {
    const lines = costLines(stay("2022-03-01", "2022-03-06", 2, true), fees, [iop], p2022);
    expect(lines.map((l) => [l.firstNight, l.nights, l.coveredByServiceFee, l.amountOre])).toEqual([
      ["2022-03-01", 2, true, 0],
      ["2022-03-03", 3, false, kr(3 * 2 * 1400)],
    ]);
  });

  it("covers the two nights across a month boundary", () => {
    const lines = costLines(stay("2022-03-31", "2022-04-03", 1, true), fees, [iop], p2022);
    expect(lines.map((l) => [l.month, l.nights, l.coveredByServiceFee, l.amountOre])).toEqual([
      ["2022-03", 1, true, 0],
      ["2022-04", 1, true, 0],
      ["2022-04", 1, false, kr(1400)],
    ]);
  });

  it("does not apply to a placement that did not start acute, or before the agreement", () => {
    expect(placementCost(stay("2022-03-01", "2022-03-03", 1, false), fees, [iop], p2022)).toBe(kr(2 * 1400));
    const early = stay("2021-12-31", "2022-01-02", 1, true);
    expect(acuteFreeNights(early, [iop])).toBe(0);
    expect(placementCost(early, [fee("2021-01-01", null, 1400)], [iop], { from: "2021-01-01", to: "2022-12-31" })).toBe(
      kr(2 * 1400),
    );
  });

  it("tells whether an acute placement ran past two nights", () => {
    expect(acuteRanPastTwoNights(stay("2022-03-01", "2022-03-03"), "2022-12-31")).toBe(false);
    expect(acuteRanPastTwoNights(stay("2022-03-01", "2022-03-04"), "2022-12-31")).toBe(true);
    expect(acuteRanPastTwoNights(stay("2022-12-30", null), "2022-12-31")).toBe(false);
    expect(acuteRanPastTwoNights(stay("2022-12-29", null), "2022-12-31")).toBe(true);
  });

  it("never charges more than the same stay without the rule (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (offset, len, persons) => {
          const start = addDays("2022-01-01", offset);
          const s = stay(start, addDays(start, len), persons, true);
          const withRule = placementCost(s, fees, [iop], p2022);
          const without = placementCost(s, fees, [], p2022);
          expect(without - withRule).toBe(Math.min(len, 2) * persons * kr(1400));
        },
      ),
    );
  });
});

describe("pro rata of fixed amounts", () => {
  it("spreads a yearly amount over the days of the period", () => {
    expect(proRata(kr(550_000), "2022-01-01", "2022-12-31", { from: "2022-01-01", to: "2022-12-31" })).toBe(
      kr(550_000),
    );
    expect(proRata(kr(365_000), "2022-01-01", "2022-12-31", { from: "2022-02-01", to: "2022-02-28" })).toBe(kr(28_000));
    expect(proRata(kr(550_000), "2022-01-01", "2022-12-31", { from: "2021-01-01", to: "2021-12-31" })).toBe(0);
  });

  it("rounds to whole öre", () => {
    expect(proRata(100, "2021-01-01", "2021-01-03", { from: "2021-01-01", to: "2021-01-01" })).toBe(33);
    expect(proRata(200, "2021-01-01", "2021-01-03", { from: "2021-01-01", to: "2021-01-01" })).toBe(67);
  });

  it("gives monthly shares that add up to the amount exactly", () => {
    const months = Array.from({ length: 12 }, (_, i) => {
      const from = `2022-${String(i + 1).padStart(2, "0")}-01`;
      return { from, to: addDays(i === 11 ? "2023-01-01" : `2022-${String(i + 2).padStart(2, "0")}-01`, -1) };
    });
    const shares = months.map((m) => proRata(15_000_005, "2022-01-01", "2022-12-31", m));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(15_000_005);
    expect(shares[1]).toBe(Math.round((15_000_005 * (31 + 28)) / 365) - Math.round((15_000_005 * 31) / 365));
  });
});
