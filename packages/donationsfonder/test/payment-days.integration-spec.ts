import { AccessLogEntry } from "@arbetsliv/core";
import { TestApp, recoverBySubtraction, testDatabaseKind, type PublishedTable } from "@arbetsliv/core/testing";
import { donationsfonderModule, seedDemo } from "../src";
import { Fund } from "../src/fund/fund.entity";
import { PayoutPayment } from "../src/payout/payout-payment.entity";
import { Payout } from "../src/payout/payout.entity";
import { Round } from "../src/round/round.entity";
import { REPORT } from "./fixture";

const STATS = "donationsfonder:stats";
const STATS_EXACT = "donationsfonder:stats:exact";

const Q = `query($from: Date!, $to: Date!) { donationPayoutsByPaymentDate(from: $from, to: $to) {
  from to amount payouts suppressed disclosure { exact minimumCount wholeMonthsOnly }
  days { paymentDate fundId fundCode fundName roundId roundName amount payouts suppressed } } }`;

interface Row {
  paymentDate: string;
  fundId: string;
  fundCode: string;
  fundName: string;
  roundId: string | null;
  roundName: string | null;
  amount: string | null;
  payouts: number | null;
  suppressed: string[];
}

const ore = (kr: string) => Math.round(Number(kr) * 100);
/** The day two payments of the spring 2021 round are moved to: paid a week late. */
const LATE_DAY = "2021-05-19";

describe(`donation payouts by payment date on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let moved: { fundId: number; plannedDay: string };

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    await seedDemo(app.ds);
    // Two payouts of one fund in the spring 2021 round paid a week after the rest: a small day.
    const spring = await app.ds.getRepository(Round).findOneByOrFail({ year: 2021, term: "SPRING" as Round["term"] });
    const payouts = await app.ds.getRepository(Payout).find({ where: { roundId: spring.id }, order: { id: "ASC" } });
    const perFund = new Map<number, Payout[]>();
    for (const p of payouts) perFund.set(p.fundId, [...(perFund.get(p.fundId) ?? []), p]);
    const [fundId, fundPayouts] = [...perFund].find(([, ps]) => ps.length >= 10)!;
    const payments = app.ds.getRepository(PayoutPayment);
    for (const p of fundPayouts.slice(0, 2)) await payments.update({ payoutId: p.id }, { paidOn: LATE_DAY });
    moved = { fundId, plannedDay: spring.plannedPayoutDate };
  });
  afterAll(() => app.close());

  /** The reference: every payment and payout read back and grouped in JavaScript. */
  async function fromRecords(from: string, to: string) {
    const payments = await app.ds.getRepository(PayoutPayment).find();
    const payouts = new Map((await app.ds.getRepository(Payout).find()).map((p) => [p.id, p]));
    const funds = new Map((await app.ds.getRepository(Fund).find()).map((f) => [f.id, f]));
    const rows = new Map<string, { paymentDate: string; fundId: number; amount: number; payouts: number }>();
    for (const pay of payments.filter((x) => x.paidOn >= from && x.paidOn <= to)) {
      const p = payouts.get(pay.payoutId)!;
      const key = `${pay.paidOn}:${String(p.fundId).padStart(6, "0")}`;
      const row = rows.get(key) ?? { paymentDate: pay.paidOn, fundId: p.fundId, amount: 0, payouts: 0 };
      row.amount += p.amount;
      row.payouts += 1;
      rows.set(key, row);
    }
    return [...rows]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, r]) => ({ ...r, fundCode: funds.get(r.fundId)!.code }));
  }

  it("gives each day paid and fund the amount and payouts the records give, adding up to donationReport's paid amounts", async () => {
    const vars = { from: "2021-01-01", to: "2021-12-31" };
    const r = (await app.ok(Q, { scopes: [STATS_EXACT], subject: "ekonomi", variables: vars }))
      .donationPayoutsByPaymentDate;
    const expected = await fromRecords(vars.from, vars.to);
    expect(
      r.days.map((d: Row) => ({
        paymentDate: d.paymentDate,
        fundId: Number(d.fundId),
        amount: ore(d.amount!),
        payouts: d.payouts,
        fundCode: d.fundCode,
      })),
    ).toEqual(expected);
    expect(r.days.some((d: Row) => d.paymentDate === LATE_DAY)).toBe(true);
    expect([r.amount, r.suppressed]).toEqual(["469718.00", []]);
    expect(r.payouts).toBe(expected.reduce((s, d) => s + d.payouts, 0));
    // Per round and fund, the days add up to donationReport's amountPaid.
    const report = (await app.ok(REPORT, { scopes: [STATS_EXACT], variables: vars })).donationReport;
    for (const round of report.rounds)
      for (const f of round.funds) {
        const days = r.days.filter((d: Row) => d.roundName === round.name && d.fundCode === f.fundCode);
        expect({
          round: round.name,
          f: f.fundCode,
          paid: days.reduce((s: number, d: Row) => s + ore(d.amount!), 0),
        }).toEqual({ round: round.name, f: f.fundCode, paid: ore(f.amountPaid) });
      }
    const log = await app.ds
      .getRepository(AccessLogEntry)
      .find({ where: { operation: "Query.donationPayoutsByPaymentDate", actor: "ekonomi" } });
    expect(log.map((e) => e.recordType)).toEqual(["ExactStatistics"]);
  });

  it("without the exact scope hides a day and fund of two payouts with a complement in the fund, so no total gives it away", async () => {
    const vars = { from: "2021-05-01", to: "2021-05-31" };
    const r = (await app.ok(Q, { scopes: [STATS], variables: vars })).donationPayoutsByPaymentDate;
    const exact = (await app.ok(Q, { scopes: [STATS_EXACT], variables: vars })).donationPayoutsByPaymentDate;
    expect(r.disclosure).toEqual({ exact: false, minimumCount: 3, wholeMonthsOnly: true });
    const late = r.days.find((d: Row) => d.paymentDate === LATE_DAY);
    expect(late).toMatchObject({ amount: null, payouts: null, fundId: String(moved.fundId) });
    expect(late.suppressed).toEqual(expect.arrayContaining(["amount", "payouts"]));
    const planned = r.days.find((d: Row) => d.paymentDate === moved.plannedDay && d.fundId === String(moved.fundId));
    expect(planned.amount).toBeNull(); // the fund's sum is public (donationReport): its other day is hidden too
    // An attacker knowing every fund's paid sum and adding up what is shown learns no hidden cell.
    const values: PublishedTable["values"] = { total: r.amount === null ? null : ore(r.amount), payouts: r.payouts };
    const sums: PublishedTable["sums"] = [];
    const fundIds = [...new Set(r.days.map((d: Row) => d.fundId))] as string[];
    for (const f of fundIds)
      values[`f${f}`] = exact.days
        .filter((d: Row) => d.fundId === f)
        .reduce((s: number, d: Row) => s + ore(d.amount!), 0);
    r.days.forEach((d: Row, i: number) => {
      values[`a${i}`] = d.amount === null ? null : ore(d.amount);
      values[`p${i}`] = d.payouts;
    });
    for (const f of fundIds)
      sums.push([`f${f}`, r.days.flatMap((d: Row, i: number) => (d.fundId === f ? [`a${i}`] : []))]);
    sums.push(["total", r.days.map((_: Row, i: number) => `a${i}`)]);
    sums.push(["payouts", r.days.map((_: Row, i: number) => `p${i}`)]);
    expect(recoverBySubtraction({ values, sums })).toEqual({});
    r.days.forEach((d: Row, i: number) => {
      for (const k of ["amount", "payouts"] as const)
        if (d[k] !== null) expect({ i, k, v: d[k] }).toEqual({ i, k, v: exact.days[i][k] });
    });
  });

  it("without the exact scope answers whole calendar months only, naming the field and rule", async () => {
    const r = await app.call(Q, { scopes: [STATS], variables: { from: LATE_DAY, to: LATE_DAY } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
    const exact = await app.ok(Q, { scopes: [STATS_EXACT], variables: { from: LATE_DAY, to: LATE_DAY } });
    expect(exact.donationPayoutsByPaymentDate.days.map((d: Row) => d.payouts)).toEqual([2]);
  });

  it("refuses a caller without a donationsfonder statistics or read scope", async () => {
    const vars = { from: "2021-05-01", to: "2021-05-31" };
    for (const scopes of [["donationsfonder:write"], ["donationsfonder:admin"], ["ekonomiskt-bistand:stats"]])
      expect((await app.call(Q, { scopes, variables: vars })).errorCodes).toEqual(["FORBIDDEN"]);
  });

  it("rejects a reversed period and one longer than 24 months, naming `to` and the rule", async () => {
    const reversed = await app.call(Q, { scopes: [STATS], variables: { from: "2021-06-01", to: "2021-05-31" } });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "order" });
    const long = await app.call(Q, { scopes: [STATS], variables: { from: "2020-01-01", to: "2022-01-31" } });
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "period" });
    expect(
      (await app.call(Q, { scopes: [STATS], variables: { from: "2020-01-01", to: "2021-12-31" } })).errors,
    ).toBeUndefined();
  });
});
