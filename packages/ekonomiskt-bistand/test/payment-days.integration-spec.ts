import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, recoverBySubtraction, testDatabaseKind, type PublishedTable } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule, rebuildAssistanceSummaries } from "../src";
import { Payout } from "../src/decision/payout.entity";
import { ApplicationStatus, HousingType, PayoutType } from "../src/enums";
import { Household } from "../src/household/household.entity";
import { saveGrantedMonth } from "./helpers";

const READ = "ekonomiskt-bistand:read";
const STATS = "ekonomiskt-bistand:stats";
const STATS_EXACT = "ekonomiskt-bistand:stats:exact";

const Q = `query($from: Date!, $to: Date!) { assistancePayoutsByPaymentDate(from: $from, to: $to) {
  from to amount payouts households suppressed disclosure { exact minimumCount wholeMonthsOnly }
  days { paymentDate amount payouts households suppressed } } }`;
const INDICATORS = `query($from: Date!, $to: Date!) { assistanceIndicators(from: $from, to: $to) { grossPaid months { month grossPaid } } }`;

interface Day {
  paymentDate: string;
  amount: string | null;
  payouts: number | null;
  households: number | null;
  suppressed: string[];
}

/** "1234.56" kronor → öre. */
const ore = (kr: string) => Math.round(Number(kr) * 100);

/**
 * A household paid once for `month` on `paymentDate` (öre, with odd öre so exactness shows).
 * Written past PayoutService, as the other statistics tests do; the summaries are rebuilt after.
 */
async function paid(app: TestApp, serial: number, month: string, paymentDate: string, amount: number): Promise<Payout> {
  return app.ds.transaction(async (m) => {
    const household = await m.save(
      m.create(Household, {
        street: `Dagsgatan ${serial}`,
        postalCode: "50330",
        city: "Borås",
        housingType: HousingType.RENTAL,
        monthlyRent: 500000,
        protectedIdentity: false,
        createdAt: new Date(),
      }),
    );
    const d = await saveGrantedMonth(m, household.id, month, amount, { status: ApplicationStatus.PAID });
    return m.save(
      m.create(Payout, {
        householdId: household.id,
        decisionId: d.id,
        month,
        type: PayoutType.ORIGINAL,
        amount,
        paymentDate,
        recipient: "x",
        onceKey: d.id,
        correctsPayoutId: null,
        reason: null,
        createdBy: "t",
        createdAt: new Date(),
      }),
    );
  });
}

describe(`payouts by payment date on ${testDatabaseKind()}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    let serial = 0;
    // January: 10 households on the 5th, 4 on the 20th, 2 on the 27th (a small day); February: 5 on the 5th.
    for (let i = 0; i < 10; i++) await paid(app, ++serial, "2021-01", "2021-01-05", 512_345 + i * 101);
    const twentieth: Payout[] = [];
    for (let i = 0; i < 4; i++) twentieth.push(await paid(app, ++serial, "2021-01", "2021-01-20", 423_417 + i * 7));
    for (let i = 0; i < 2; i++) await paid(app, ++serial, "2021-01", "2021-01-27", 1_899_999 + i);
    for (let i = 0; i < 5; i++) await paid(app, ++serial, "2021-02", "2021-02-05", 600_001 + i * 3);
    // A correction on the 20th of a payout made that day: one more entry, no more households, a negative amount.
    const first = twentieth[0];
    await app.ds.getRepository(Payout).insert({
      householdId: first.householdId,
      decisionId: first.decisionId,
      month: "2021-01",
      type: PayoutType.CORRECTION,
      amount: -12_345,
      paymentDate: "2021-01-20",
      recipient: "x",
      onceKey: null,
      correctsPayoutId: first.id,
      reason: "för mycket",
      createdBy: "t",
      createdAt: new Date(),
    });
    await rebuildAssistanceSummaries(app.ds.manager);
  });
  afterAll(() => app.close());

  /** The reference: every payout row read back and grouped in JavaScript. */
  async function fromRecords(from: string, to: string) {
    const rows = await app.ds.getRepository(Payout).find();
    const days = new Map<string, { amount: number; payouts: number; households: Set<number> }>();
    for (const p of rows.filter((r) => r.paymentDate >= from && r.paymentDate <= to)) {
      const d = days.get(p.paymentDate) ?? { amount: 0, payouts: 0, households: new Set<number>() };
      d.amount += p.amount;
      d.payouts += 1;
      d.households.add(p.householdId);
      days.set(p.paymentDate, d);
    }
    return [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([paymentDate, d]) => ({
        paymentDate,
        amount: d.amount,
        payouts: d.payouts,
        households: d.households.size,
      }));
  }

  it("gives every payment date's amount (öre exact, corrections included), payouts and households as the records do, and logs the exact read", async () => {
    const vars = { from: "2021-01-01", to: "2021-02-28" };
    const r = (await app.ok(Q, { scopes: [STATS_EXACT], subject: "nämndsekreterare", variables: vars }))
      .assistancePayoutsByPaymentDate;
    const expected = await fromRecords(vars.from, vars.to);
    expect(expected.map((d) => d.paymentDate)).toEqual(["2021-01-05", "2021-01-20", "2021-01-27", "2021-02-05"]);
    expect(
      r.days.map((d: Day) => ({
        paymentDate: d.paymentDate,
        amount: ore(d.amount as string),
        payouts: d.payouts,
        households: d.households,
      })),
    ).toEqual(expected);
    expect(r.days[1]).toMatchObject({ payouts: 5, households: 4 }); // the correction is an entry, not a household
    expect(ore(r.amount)).toBe(expected.reduce((s, d) => s + d.amount, 0));
    expect([r.payouts, r.households, r.suppressed]).toEqual([22, 21, []]);
    expect(r.disclosure).toEqual({ exact: true, minimumCount: 1, wholeMonthsOnly: false });
    // The days of each month add up to the indicators' grossPaid for it.
    const ind = (await app.ok(INDICATORS, { scopes: [STATS_EXACT], variables: vars })).assistanceIndicators;
    for (const m of ind.months as { month: string; grossPaid: string }[]) {
      const days = expected.filter((d) => d.paymentDate.startsWith(m.month));
      expect({ month: m.month, sum: days.reduce((s, d) => s + d.amount, 0) }).toEqual({
        month: m.month,
        sum: ore(m.grossPaid),
      });
    }
    expect(ore(ind.grossPaid)).toBe(ore(r.amount));
    const log = await app.ds
      .getRepository(AccessLogEntry)
      .find({ where: { operation: "Query.assistancePayoutsByPaymentDate", actor: "nämndsekreterare" } });
    expect(log.map((e) => e.recordType)).toEqual(["ExactStatistics"]);
  });

  it("answers a single day to the exact scope, and nothing for a period without payouts", async () => {
    const day = (await app.ok(Q, { scopes: [STATS_EXACT], variables: { from: "2021-01-27", to: "2021-01-27" } }))
      .assistancePayoutsByPaymentDate;
    expect(day.days.map((d: Day) => [d.paymentDate, d.households])).toEqual([["2021-01-27", 2]]);
    const none = (await app.ok(Q, { scopes: [STATS], variables: { from: "2020-01-01", to: "2020-12-31" } }))
      .assistancePayoutsByPaymentDate;
    expect([none.days, none.amount, none.payouts, none.households]).toEqual([[], "0.00", 0, 0]);
  });

  it("without the exact scope hides a day of fewer than 3 households with a complement, so no total gives it away", async () => {
    const vars = { from: "2021-01-01", to: "2021-02-28" };
    const r = (await app.ok(Q, { scopes: [STATS], variables: vars })).assistancePayoutsByPaymentDate;
    const exact = (await app.ok(Q, { scopes: [STATS_EXACT], variables: vars })).assistancePayoutsByPaymentDate;
    expect(r.disclosure).toEqual({ exact: false, minimumCount: 3, wholeMonthsOnly: true });
    const small = r.days.find((d: Day) => d.paymentDate === "2021-01-27");
    expect(small).toMatchObject({ amount: null, payouts: null, households: null });
    expect(small.suppressed).toEqual(expect.arrayContaining(["amount", "payouts", "households"]));
    // January's sum is public (the indicators' grossPaid): another January day's amount is hidden with it.
    const janHidden = r.days.filter((d: Day) => d.paymentDate.startsWith("2021-01") && d.amount === null);
    expect(janHidden.length).toBeGreaterThanOrEqual(2);
    // February (one day of 5 households) and the period's amount stay shown, equal to the exact figures.
    const feb = r.days.find((d: Day) => d.paymentDate === "2021-02-05");
    expect(feb).toEqual(exact.days.find((d: Day) => d.paymentDate === "2021-02-05"));
    expect(r.amount).toBe(exact.amount);
    // An attacker who knows every month's grossPaid and adds up what is shown learns no hidden cell.
    const ind = (await app.ok(INDICATORS, { scopes: [STATS], variables: vars })).assistanceIndicators;
    const values: PublishedTable["values"] = { total: r.amount === null ? null : ore(r.amount), payouts: r.payouts };
    const sums: PublishedTable["sums"] = [];
    for (const m of ind.months as { month: string; grossPaid: string | null }[]) {
      values[`m${m.month}`] = m.grossPaid === null ? null : ore(m.grossPaid);
    }
    r.days.forEach((d: Day, i: number) => {
      values[`a${i}`] = d.amount === null ? null : ore(d.amount);
      values[`p${i}`] = d.payouts;
    });
    for (const m of ind.months as { month: string }[])
      sums.push([
        `m${m.month}`,
        r.days.flatMap((d: Day, i: number) => (d.paymentDate.startsWith(m.month) ? [`a${i}`] : [])),
      ]);
    sums.push(["total", r.days.map((_: Day, i: number) => `a${i}`)]);
    sums.push(["payouts", r.days.map((_: Day, i: number) => `p${i}`)]);
    expect(recoverBySubtraction({ values, sums })).toEqual({});
    // Every figure shown is the exact one.
    r.days.forEach((d: Day, i: number) => {
      for (const k of ["amount", "payouts", "households"] as const)
        if (d[k] !== null)
          expect({ day: d.paymentDate, k, v: d[k] }).toEqual({ day: d.paymentDate, k, v: exact.days[i][k] });
    });
  });

  it("without the exact scope answers whole calendar months only, naming the field and rule", async () => {
    const r = await app.call(Q, { scopes: [STATS], variables: { from: "2021-01-05", to: "2021-01-31" } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
    const end = await app.call(Q, { scopes: [READ], variables: { from: "2021-01-01", to: "2021-01-27" } });
    expect(end.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "whole-months" });
  });

  it("refuses a caller without an ekonomiskt-bistand statistics or read scope", async () => {
    const vars = { from: "2021-01-01", to: "2021-01-31" };
    for (const scopes of [["ekonomiskt-bistand:write"], ["relationsvald:stats"], []])
      expect((await app.call(Q, { scopes, variables: vars })).errorCodes).toEqual(["FORBIDDEN"]);
  });

  it("rejects a reversed period and one longer than 24 months, naming `to` and the rule", async () => {
    const reversed = await app.call(Q, { scopes: [STATS_EXACT], variables: { from: "2021-02-01", to: "2021-01-31" } });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "order" });
    const long = await app.call(Q, { scopes: [STATS], variables: { from: "2020-01-01", to: "2022-01-31" } });
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "period" });
    expect(long.errors?.[0].message).toMatch(/24 months/);
    const twoYears = await app.call(Q, { scopes: [STATS], variables: { from: "2020-01-01", to: "2021-12-31" } });
    expect(twoYears.errors).toBeUndefined();
  });
});
