import { runRetention } from "@arbetsliv/core";
import { SeededRandom } from "@arbetsliv/core/testing";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { AssistanceStatistics, ekonomisktBistandModule, rebuildAssistanceSummaries } from "../src";
import { Application } from "../src/application/application.entity";
import { Decision } from "../src/decision/decision.entity";
import {
  ApplicationChannel,
  ApplicationStatus,
  ApplicationType,
  DecisionOutcome,
  HousingType,
  MemberRole,
} from "../src/enums";
import { HouseholdMember } from "../src/household/household-member.entity";
import { Household } from "../src/household/household.entity";
import { addMonthsTo, lastDayOf, monthRange } from "../src/shared/month";
import { makePersonnummer, saveGrantedMonth } from "./helpers";

/*
 * The summary rows kept on write must always equal a fresh rebuild from the payouts, and the
 * indicators read from them must equal what the payouts give directly. Households, applications
 * and decisions are set up as records; every payout and correction goes through the GraphQL
 * mutations (in shuffled order, partly concurrent), then gallring runs over them.
 */

const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];
const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { created payout { id } } }`;
const CORRECT = `mutation($input: CorrectAssistancePayoutInput!) { correctAssistancePayout(input: $input) { id } }`;
const MONTHS = monthRange("2020-01", "2022-03");

/** What the test did, in plain JavaScript: the reference the database figures are checked against. */
interface Entry {
  householdId: number;
  month: string;
  amount: number;
  paymentDate: string;
}

function expectedFigures(entries: Entry[], childrenOf: Map<number, number>, from: string, to: string) {
  const net = new Map<string, number>();
  for (const e of entries)
    net.set(`${e.householdId}|${e.month}`, (net.get(`${e.householdId}|${e.month}`) ?? 0) + e.amount);
  const paid = (h: number, m: string) => (net.get(`${h}|${m}`) ?? 0) > 0;
  const households = [...new Set(entries.map((e) => e.householdId))];
  const months = monthRange(from.slice(0, 7), to.slice(0, 7));
  const end = months[months.length - 1];
  const longTerm = (m: string) =>
    households.filter(
      (h) => Array.from({ length: 12 }, (_, i) => addMonthsTo(m, -i)).filter((x) => paid(h, x)).length >= 11,
    ).length;
  const grossOf = (m: string) =>
    entries
      .filter((e) => e.paymentDate.slice(0, 7) === m && e.paymentDate >= from && e.paymentDate <= to)
      .reduce((s, e) => s + e.amount, 0);
  return {
    months: months.map((month) => ({
      month,
      households: households.filter((h) => paid(h, month)).length,
      longTermHouseholds: longTerm(month),
      grossPaid: grossOf(month),
    })),
    childrenInAssistedHouseholds: households
      .filter((h) => paid(h, end))
      .reduce((s, h) => s + (childrenOf.get(h) ?? 0), 0),
  };
}

async function summaryRows(app: TestApp) {
  const q = async (sql: string) =>
    ((await app.ds.manager.query(sql)) as Record<string, unknown>[]).map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k === "month" || k === "paymentDate" ? String(v).slice(0, 10) : Number(v),
        ]),
      ),
    );
  return {
    paidMonths: await q("SELECT householdId, month, netAmount FROM eb_paid_month ORDER BY householdId, month"),
    // A month row of zeros is the same as no row (kept rows may fall back to zero; the rebuild writes none).
    monthFigures: await q(
      "SELECT month, households, longTermHouseholds FROM eb_month_figures WHERE households <> 0 OR longTermHouseholds <> 0 ORDER BY month",
    ),
    paymentDays: await q(
      `SELECT ${testDatabaseKind() === "mysql" ? "DATE_FORMAT(paymentDate, '%Y-%m-%d')" : "paymentDate"} AS paymentDate, amount FROM eb_payment_day ORDER BY paymentDate`,
    ),
  };
}

describe(`summary rows kept on write on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const entries: Entry[] = [];
  const childrenOf = new Map<number, number>();
  const originals = new Map<
    string,
    { payoutId: string; householdId: number; month: string; net: number; paymentDate: string }
  >();

  const pay = async (decisionId: number, paymentDate: string) => {
    const r = await app.ok(PAY, {
      scopes: CASEWORKER,
      variables: { input: { decisionId: String(decisionId), paymentDate } },
    });
    expect(r.payAssistanceDecision.created).toBe(true);
    return r.payAssistanceDecision.payout.id as string;
  };
  const correct = async (key: string, amount: number, paymentDate: string) => {
    const o = originals.get(key)!;
    await app.ok(CORRECT, {
      scopes: CASEWORKER,
      variables: {
        input: { payoutId: o.payoutId, amount: (amount / 100).toFixed(2), reason: "Rättelse", paymentDate },
      },
    });
    o.net += amount;
    entries.push({ householdId: o.householdId, month: o.month, amount, paymentDate });
  };

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    const random = new SeededRandom(8);
    // 14 households; patterns chosen around the long-term edges (11 of 12 months), the rest random.
    const patterns: ((i: number) => boolean)[] = [
      () => true, // every month
      (i) => i !== 17, // all but one month
      (i) => i >= 12 && i <= 22 && i !== 16, // 10 months of 2021: never long-term
      (i) => i >= 6 && i <= 17, // exactly 12 months across the year boundary
      (i) => i % 6 !== 0, // a gap every sixth month
      (i) => i >= 10 && i <= 20, // exactly 11 consecutive months
    ];
    const plan: { decisionId: number; householdId: number; month: string; amount: number; paymentDate: string }[] = [];
    await app.ds.transaction(async (m) => {
      for (let h = 0; h < 14; h++) {
        const household = await m.save(
          m.create(Household, {
            street: `Summagatan ${h}`,
            postalCode: "50330",
            city: "Borås",
            housingType: HousingType.RENTAL,
            monthlyRent: 600000,
            protectedIdentity: false,
            createdAt: new Date("2019-12-01T00:00:00Z"),
          }),
        );
        await m.save(
          m.create(HouseholdMember, {
            householdId: household.id,
            role: MemberRole.APPLICANT,
            personnummer: makePersonnummer("1980-03-03", 500 + h),
            name: `Sökande ${h}`,
            birthDate: "1980-03-03",
            lunchAtPreschool: false,
            inUpperSecondary: false,
            includedInNorm: true,
            joinedOn: "2019-12-01",
            leftOn: null,
          }),
        );
        const children = h % 3;
        for (let c = 0; c < children; c++) {
          await m.save(
            m.create(HouseholdMember, {
              householdId: household.id,
              role: MemberRole.CHILD,
              personnummer: makePersonnummer(`201${c}-05-05`, 600 + h * 3 + c),
              name: `Barn ${h}`,
              birthDate: `201${c}-05-05`,
              lunchAtPreschool: false,
              inUpperSecondary: false,
              includedInNorm: true,
              joinedOn: "2019-12-01",
              leftOn: null,
            }),
          );
        }
        childrenOf.set(household.id, children);
        const pattern = patterns[h] ?? (() => random.chance(0.75));
        for (const [i, month] of MONTHS.entries()) {
          if (!pattern(i)) continue;
          const a = await m.save(
            m.create(Application, {
              householdId: household.id,
              month,
              type: ApplicationType.RENEWAL,
              channel: ApplicationChannel.PAPER,
              status: ApplicationStatus.DECIDED,
              receivedDate: `${addMonthsTo(month, -1)}-10`,
              ordinaryKey: `${household.id}:${month}`,
              statusNote: null,
              claimsRevision: 1,
              registeredBy: "t",
              createdAt: new Date(),
            }),
          );
          const amount = random.int(3000, 12000) * 100 + random.int(0, 99);
          const d = await m.save(
            m.create(Decision, {
              applicationId: a.id,
              householdId: household.id,
              month,
              calculationId: null,
              outcome: DecisionOutcome.GRANTED,
              amount,
              reasons: "Bifall",
              legalBasis: "SoL 4 kap. 1 §",
              decidedBy: "t",
              decidedOn: `${addMonthsTo(month, -1)}-20`,
            }),
          );
          // Paid late in the month before, or early in the month itself: costs by payment date straddle the months.
          const paymentDate = random.chance(0.5)
            ? `${addMonthsTo(month, -1)}-${random.int(25, 28)}`
            : `${month}-0${random.int(1, 9)}`;
          plan.push({ decisionId: d.id, householdId: household.id, month, amount, paymentDate });
        }
      }
    });

    // Pay in shuffled order (later months before earlier ones), eight at a time.
    const order = plan
      .map((p) => ({ p, k: random.next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.p);
    for (let i = 0; i < order.length; i += 8) {
      const batch = order.slice(i, i + 8);
      const ids = await Promise.all(batch.map((p) => pay(p.decisionId, p.paymentDate)));
      batch.forEach((p, j) => {
        originals.set(`${p.householdId}|${p.month}`, {
          payoutId: ids[j],
          householdId: p.householdId,
          month: p.month,
          net: p.amount,
          paymentDate: p.paymentDate,
        });
        entries.push({ householdId: p.householdId, month: p.month, amount: p.amount, paymentDate: p.paymentDate });
      });
    }

    // Corrections: to zero (the month stops counting), partly down, and back up again (it counts again).
    const keys = [...originals.keys()];
    for (const key of keys) {
      const o = originals.get(key)!;
      const later = (days: number) => {
        const d = new Date(`${o.paymentDate}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        return d.toISOString().slice(0, 10);
      };
      const roll = random.next();
      if (roll < 0.12) await correct(key, -o.net, later(12));
      else if (roll < 0.2) await correct(key, -random.int(1, 50) * 100, later(3));
      else if (roll < 0.26) {
        await correct(key, -o.net, later(5));
        await correct(key, random.int(1, 40) * 100, later(40));
      }
    }
  }, 120_000);
  afterAll(() => app.close());

  const PERIODS: [string, string][] = [
    ["2021-01-01", "2021-12-31"],
    ["2020-01-01", "2022-03-31"],
    ["2019-06-01", "2022-12-31"], // wider than the records
    ["2020-03-15", "2021-02-10"], // partial months at both ends: costs by the exact dates
    ["2021-06-30", "2021-07-01"],
    ["2020-12-27", "2020-12-27"], // one day
    ["2021-11-05", "2021-11-28"],
  ];

  async function expectFiguresMatchRecords() {
    for (const [from, to] of PERIODS) {
      const stats = new AssistanceStatistics(app.ds, from, to);
      const expected = expectedFigures(entries, childrenOf, from, to);
      const monthly = await stats.monthly();
      expect({
        period: `${from}..${to}`,
        months: monthly.map(({ month, households, longTermHouseholds, grossPaid }) => ({
          month,
          households,
          longTermHouseholds,
          grossPaid,
        })),
      }).toEqual({
        period: `${from}..${to}`,
        months: expected.months,
      });
      expect(await stats.childrenInAssistedHouseholds()).toBe(expected.childrenInAssistedHouseholds);
      expect(await stats.grossPaid()).toBe(expected.months.reduce((s, m) => s + m.grossPaid, 0));
    }
  }

  it("exercised what it should: paid months toggled by corrections, long-term households on both sides of the edge", async () => {
    const net = new Map<string, number>();
    for (const e of entries)
      net.set(`${e.householdId}|${e.month}`, (net.get(`${e.householdId}|${e.month}`) ?? 0) + e.amount);
    expect([...originals.values()].some((o) => o.net === 0)).toBe(true);
    expect(entries.filter((e) => e.amount < 0).length).toBeGreaterThan(20);
    const dec2021 = expectedFigures(entries, childrenOf, "2021-12-01", "2021-12-31").months[0];
    expect(dec2021.longTermHouseholds).toBeGreaterThan(0);
    expect(dec2021.longTermHouseholds).toBeLessThan(dec2021.households);
  });

  // Before any rebuild: these read the rows kept on write.
  it("gives the indicators the payouts give directly, for whole and partial periods", async () => {
    await expectFiguresMatchRecords();
  });

  it("keeps the summary rows equal to a fresh rebuild from the payouts", async () => {
    const kept = await summaryRows(app);
    expect(kept.paidMonths.length).toBe(new Set(entries.map((e) => `${e.householdId}|${e.month}`)).size);
    await app.ds.transaction((m) => rebuildAssistanceSummaries(m));
    expect(await summaryRows(app)).toEqual(kept);
  });

  it("still does after gallring ran over every household", async () => {
    const before = await summaryRows(app);
    const report = await runRetention(app.ds, [ekonomisktBistandModule], {
      today: "2032-06-01",
      actor: "gallring",
      dryRun: false,
    });
    expect(report.actions.find((a) => a.recordType === "Household")!.recordIds).toHaveLength(14);
    expect(await summaryRows(app)).toEqual(before);
    await expectFiguresMatchRecords();
    await app.ds.transaction((m) => rebuildAssistanceSummaries(m));
    expect(await summaryRows(app)).toEqual(before);
  });

  it("a gallrad household takes no more payouts, and the figures stand", async () => {
    const o = [...originals.values()][0];
    const r = await app.call(CORRECT, {
      scopes: CASEWORKER,
      variables: {
        input: { payoutId: o.payoutId, amount: "-1", reason: "Rättelse", paymentDate: lastDayOf("2032-06") },
      },
    });
    expect(r.errorCodes).toEqual(["CONFLICT"]);
    await expectFiguresMatchRecords();
  });
});

describe(`long-term households step by step on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const decisions = new Map<string, number>();
  const payouts = new Map<string, string>();

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await app.ds.transaction(async (m) => {
      for (const name of ["A", "B"]) {
        const household = await m.save(
          m.create(Household, {
            street: `Steg ${name}`,
            postalCode: "50330",
            city: "Borås",
            housingType: HousingType.RENTAL,
            monthlyRent: 500000,
            protectedIdentity: false,
            createdAt: new Date("2020-01-01T00:00:00Z"),
          }),
        );
        await m.save(
          m.create(HouseholdMember, {
            householdId: household.id,
            role: MemberRole.APPLICANT,
            personnummer: makePersonnummer("1970-01-01", name === "A" ? 901 : 902),
            name: `Sökande ${name}`,
            birthDate: "1970-01-01",
            lunchAtPreschool: false,
            inUpperSecondary: false,
            includedInNorm: true,
            joinedOn: "2020-01-01",
            leftOn: null,
          }),
        );
        for (const month of monthRange("2021-01", "2021-12")) {
          const d = await saveGrantedMonth(m, household.id, month, 500000);
          decisions.set(`${name}|${month}`, d.id);
        }
      }
    });
  });
  afterAll(() => app.close());

  const pay = async (name: string, month: string) => {
    const r = await app.ok(PAY, {
      scopes: CASEWORKER,
      variables: { input: { decisionId: String(decisions.get(`${name}|${month}`)), paymentDate: `${month}-05` } },
    });
    payouts.set(`${name}|${month}`, r.payAssistanceDecision.payout.id);
  };
  const correct = (name: string, month: string, amount: string) =>
    app.ok(CORRECT, {
      scopes: CASEWORKER,
      variables: {
        input: { payoutId: payouts.get(`${name}|${month}`), amount, reason: "Rättelse", paymentDate: `${month}-20` },
      },
    });
  /** [households, longTermHouseholds] for October 2021 … January 2022. */
  const figures = async () =>
    (await new AssistanceStatistics(app.ds, "2021-10-01", "2022-01-31").monthly()).map((m) => [
      m.households,
      m.longTermHouseholds,
    ]);

  it("counts a household paid in 11 of 12 months, and stops when a month is corrected to zero", async () => {
    for (const month of monthRange("2021-01", "2021-11")) await pay("A", month);
    // A: 11 months January–November: long-term in November and December (11 of the 12 months ending there), not in January 2022.
    expect(await figures()).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    await correct("A", "2021-06", "-5000");
    expect(await figures()).toEqual([
      [1, 0],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
    await correct("A", "2021-06", "100");
    expect(await figures()).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it("counts months paid out of order: the month that completes a window may come last", async () => {
    for (const month of [
      "2021-12",
      "2021-10",
      "2021-09",
      "2021-08",
      "2021-07",
      "2021-06",
      "2021-05",
      "2021-04",
      "2021-03",
      "2021-02",
    ])
      await pay("B", month);
    // B: February–October and December (10 months): not long-term anywhere yet.
    expect(await figures()).toEqual([
      [2, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    await pay("B", "2021-11");
    // Now February–December: 11 of the 12 months ending December and ending January (the window ending November has 10).
    expect(await figures()).toEqual([
      [2, 0],
      [2, 1],
      [1, 2],
      [0, 1],
    ]);
    const stats = new AssistanceStatistics(app.ds, "2021-01-01", "2021-12-31");
    expect([
      await stats.householdsAtEnd(),
      await stats.longTermHouseholds(),
      await stats.averageHouseholdsPerMonth(),
    ]).toEqual([1, 2, Math.round((22 / 12) * 10) / 10]);
    expect(await stats.grossPaid()).toBe(22 * 500000 - 500000 + 10000);
  });

  it("lets only one of two concurrent corrections through when together they would take the month below zero", async () => {
    await pay("B", "2021-01");
    const input = (day: string) => ({
      input: { payoutId: payouts.get("B|2021-01"), amount: "-3000", reason: "Rättelse", paymentDate: `2021-01-${day}` },
    });
    const results = await Promise.all([
      app.call(CORRECT, { scopes: CASEWORKER, variables: input("20") }),
      app.call(CORRECT, { scopes: CASEWORKER, variables: input("21") }),
    ]);
    expect(results.map((r) => (r.errors?.[0]?.extensions?.field as string | undefined) ?? "ok").sort()).toEqual([
      "input.amount",
      "ok",
    ]);
    const [january] = await new AssistanceStatistics(app.ds, "2021-01-01", "2021-01-31").monthly();
    expect([january.households, january.grossPaid]).toEqual([2, 2 * 500000 - 300000]);
  });
});
