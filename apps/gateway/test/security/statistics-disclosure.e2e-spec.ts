import { addDays, addMonths } from "@arbetsliv/core/values";
import { recoverBySubtraction, testDatabaseKind, type PublishedTable } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";

jest.setTimeout(300_000);

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Small cells in statistics identify people (issue 13, item 12). With only `relationsvald:stats` a
 * one-day window used to show "PROTECTED_HOUSING started: 1" and nights per provider per day. Against
 * the built gateway in production mode on the demo data: a stats-only caller gets whole months only,
 * every count of persons from 1 to 2 suppressed, and no suppressed cell can be computed from the
 * totals or another breakdown of the same answer; the board's `:stats:exact` scope still sees the
 * 2021 tables exactly, and each such read is access-logged.
 */
const COUNTS = [
  "placements",
  "started",
  "ended",
  "clients",
  "children",
  "persons",
  "acuteStarted",
  "acutePastTwoNights",
];
const NIGHTS = ["nights", "personNights"];
const FIGURES = `type ${[...COUNTS, ...NIGHTS].join(" ")} averageLength acuteShareOverTwoNights suppressed`;
const PLACEMENTS = `query($from: Date!, $to: Date!) { placementStatistics(from: $from, to: $to) { byType { ${FIGURES} } total { ${FIGURES} } disclosure { exact minimumCount wholeMonthsOnly } } }`;

function placementTable(stats: any): PublishedTable {
  const rows: [string, any][] = [...stats.byType.map((r: any): [string, any] => [r.type, r]), ["TOTAL", stats.total]];
  const values: PublishedTable["values"] = {};
  for (const [name, row] of rows) for (const f of [...COUNTS, ...NIGHTS]) values[`${name}.${f}`] = row[f];
  const sums: PublishedTable["sums"] = [...COUNTS, ...NIGHTS].map((f) => [
    `TOTAL.${f}`,
    stats.byType.map((r: any) => `${r.type}.${f}`),
  ]);
  for (const [name] of rows) sums.push([`${name}.persons`, [`${name}.clients`, `${name}.children`]]);
  return { values, sums };
}

describe(`statistics disclosure control, production gateway process on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let stats: string;
  let exact: string;
  const figures = { months: 0, hiddenCells: 0, singleProtectedHousingStarts: 0 };

  beforeAll(async () => {
    gw = await GatewayProcess.start({ demoSeed: true });
    stats = await gw.token(
      ["relationsvald:stats", "synpunkter:stats", "ekonomiskt-bistand:stats", "donationsfonder:stats", "iop:stats"],
      "stats-integrator",
    );
    exact = await gw.token(
      [
        "relationsvald:stats:exact",
        "synpunkter:stats:exact",
        "ekonomiskt-bistand:stats:exact",
        "donationsfonder:stats:exact",
      ],
      "board-secretary",
    );
  });
  afterAll(async () => {
    await gw?.stop();
    console.warn(
      `[figures] statistics disclosure: ${figures.months} relationsvåld months checked, ${figures.hiddenCells} cells suppressed, ${figures.singleProtectedHousingStarts} months with one protected-housing start (all hidden, none recoverable)`,
    );
  });

  async function gql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return res.json();
  }

  it("refuses a one-day window (and any part of a month) to a stats-only caller, naming the field and the rule", async () => {
    const oneDay = { from: "2021-03-05", to: "2021-03-05" };
    for (const query of [
      PLACEMENTS,
      `query($from: Date!, $to: Date!) { placementCostReport(from: $from, to: $to) { rows { providerName chargedNights } } }`,
      `query($from: Date!, $to: Date!) { feedbackStatistics(from: $from, to: $to) { received } }`,
      `query($from: Date!, $to: Date!) { assistanceIndicators(from: $from, to: $to) { householdsAtEnd } }`,
      `query($from: Date!, $to: Date!) { assistancePayoutsByPaymentDate(from: $from, to: $to) { amount } }`,
      `query($from: Date!, $to: Date!) { donationPayoutsByPaymentDate(from: $from, to: $to) { amount } }`,
    ]) {
      const r = await gql(stats, query, oneDay);
      expect(r.data ?? null).toBeNull();
      expect(r.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
      const partial = await gql(stats, query, { from: "2021-03-01", to: "2021-03-05" });
      expect(partial.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to", rule: "whole-months" });
    }
    // An IOP partnership's placement costs (agreements need iop:read) with a one-day window: refused the same way.
    const costs = await gql(
      await gw.token(["iop:read", "relationsvald:stats"], "iop-reader"),
      `{ iopAgreements(first: 50) { nodes { placementCosts(from: "2022-03-05", to: "2022-03-05") { total } } } }`,
    );
    expect(costs.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from", rule: "whole-months" });
  });

  it("hides a month's single protected-housing start, and no total or other breakdown gives it away", async () => {
    for (let i = 0; i < 24; i++) {
      const from = addMonths("2021-01-01", i);
      const to = addDays(addMonths(from, 1), -1);
      const controlled = (await gql(stats, PLACEMENTS, { from, to })).data.placementStatistics;
      const truth = (await gql(exact, PLACEMENTS, { from, to })).data.placementStatistics;
      expect(controlled.disclosure).toEqual({ exact: false, minimumCount: 3, wholeMonthsOnly: true });
      const table = placementTable(controlled);
      for (const [name, v] of Object.entries(placementTable(truth).values)) {
        if (COUNTS.includes(name.split(".")[1]) && v !== null && v > 0 && v < 3)
          expect({ name, shown: table.values[name] }).toEqual({ name, shown: null });
        if (table.values[name] !== null) expect({ name, v: table.values[name] }).toEqual({ name, v });
      }
      expect({ from, recovered: recoverBySubtraction(table) }).toEqual({ from, recovered: {} });
      const ph = controlled.byType.find((r: any) => r.type === "PROTECTED_HOUSING");
      if (truth.byType.find((r: any) => r.type === "PROTECTED_HOUSING").started === 1) {
        figures.singleProtectedHousingStarts++;
        expect([ph.started, ph.suppressed.includes("started")]).toEqual([null, true]);
      }
      figures.months++;
      figures.hiddenCells += Object.values(table.values).filter((v) => v === null).length;
    }
    expect(figures.singleProtectedHousingStarts).toBeGreaterThan(0);
  });

  it("controls the other domains' statistics the same way (synpunkter, ekonomiskt bistånd, donationsfonder, an IOP partnership's placement costs)", async () => {
    const feedback = (
      await gql(
        stats,
        `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received byBusinessArea { businessArea { name } complaint suggestion total mostCommonKinds suppressed } } }`,
      )
    ).data.feedbackStatistics;
    expect(feedback.received).toBe(12);
    const jobb = feedback.byBusinessArea.find((a: any) => a.businessArea.name === "Jobb Borås");
    expect([jobb.complaint, jobb.suggestion, jobb.total, jobb.mostCommonKinds]).toEqual([null, null, null, []]);

    const donations = (
      await gql(
        stats,
        `{ donationReport(from: "2021-01-01", to: "2021-12-31") { amountDistributed rounds { personsReached rejectedByReason { reason count suppressed } } } }`,
      )
    ).data.donationReport;
    expect(donations.amountDistributed).toBe("469718.00");
    expect(donations.rounds[0].rejectedByReason.find((x: any) => x.reason === "BEFORE_WINDOW")).toEqual({
      reason: "BEFORE_WINDOW",
      count: null,
      suppressed: ["count"],
    });

    const indicators = (
      await gql(
        stats,
        `{ assistanceIndicators(from: "2021-12-01", to: "2021-12-31") { householdsAtEnd disclosure { exact minimumCount wholeMonthsOnly } } }`,
      )
    ).data.assistanceIndicators;
    expect(indicators).toEqual({
      householdsAtEnd: 719,
      disclosure: { exact: false, minimumCount: 3, wholeMonthsOnly: true },
    });

    const agreements = await gql(
      await gw.token(["iop:read", "relationsvald:stats"], "iop-reader"),
      `{ iopAgreements(first: 5) { nodes { placementCosts(from: "2022-01-01", to: "2022-12-31") { placementCost serviceFee total suppressed lines { month amount chargedNights } disclosure { exact } } } } }`,
    );
    expect(agreements.errors).toBeUndefined();
    const partnerships = agreements.data.iopAgreements.nodes;
    const withLines = partnerships.map((n: any) => n.placementCosts).filter((c: any) => c.lines.length > 0);
    expect(withLines.length).toBeGreaterThan(0);
    for (const c of withLines) {
      expect(c.disclosure.exact).toBe(false);
      const kr = (v: string | null) => (v === null ? null : Math.round(Number(v) * 100));
      const values: PublishedTable["values"] = { pc: kr(c.placementCost), fee: kr(c.serviceFee), total: kr(c.total) };
      c.lines.forEach((l: any, i: number) => (values[`l${i}`] = kr(l.amount)));
      expect(
        recoverBySubtraction({
          values,
          sums: [
            ["total", ["pc", "fee"]],
            ["pc", c.lines.map((_: unknown, i: number) => `l${i}`)],
          ],
        }),
      ).toEqual({});
    }
  });

  it("gives the board's exact scope the 2021 tables exactly, and access-logs each such read", async () => {
    const REPORTED: Record<string, [number, number]> = {
      PROTECTED_HOUSING: [42, 25],
      INTERNAL_OUTPATIENT: [19, 20],
      EXTERNAL_OUTPATIENT: [4, 4],
      EMERGENCY_HOUSING: [7, 3],
      SOCIAL_CONTRACT: [3, 0],
      FAMILY_HOME: [0, 1],
    };
    const years = (
      await gql(
        exact,
        `{ placementStatisticsByYear(fromYear: 2020, toYear: 2021) { byType { type placements } disclosure { exact } } }`,
      )
    ).data.placementStatisticsByYear;
    for (const [type, [in2021, in2020]] of Object.entries(REPORTED)) {
      expect([
        type,
        years[1].byType.find((r: any) => r.type === type).placements,
        years[0].byType.find((r: any) => r.type === type).placements,
      ]).toEqual([type, in2021, in2020]);
    }
    expect(years[1].disclosure.exact).toBe(true);
    // The same table without the exact scope hides FAMILY_HOME 2020 (1) and its complement.
    const controlled = (
      await gql(stats, `{ placementStatisticsByYear(fromYear: 2020, toYear: 2020) { byType { type placements } } }`)
    ).data.placementStatisticsByYear[0];
    expect(controlled.byType.find((r: any) => r.type === "FAMILY_HOME").placements).toBeNull();

    const feedback = (
      await gql(
        exact,
        `{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { kinds { praise question suggestion complaint total } handledInTime duplicates } }`,
      )
    ).data.feedbackStatistics;
    expect(feedback).toEqual({
      kinds: { praise: 0, question: 1, suggestion: 2, complaint: 9, total: 12 },
      handledInTime: 11,
      duplicates: 1,
    });
    const donations = (
      await gql(exact, `{ donationReport(from: "2021-01-01", to: "2021-12-31") { rounds { term personsReached } } }`)
    ).data.donationReport;
    expect(donations.rounds.map((r: any) => [r.term, r.personsReached])).toEqual([
      ["SPRING", 348],
      ["AUTUMN", 381],
    ]);

    const auditor = await gw.token(["audit:read"], "auditor");
    const log = await gql(
      auditor,
      `{ accessLog(first: 100, filter: { actor: "board-secretary", recordType: "ExactStatistics" }) { nodes { operation domain recordType recordIds } } }`,
    );
    const exactReads = (log.data?.accessLog?.nodes ?? []).filter((n: any) => n.recordType === "ExactStatistics");
    expect(exactReads.map((n: any) => n.operation)).toEqual(
      expect.arrayContaining([
        "Query.placementStatistics",
        "Query.placementStatisticsByYear",
        "Query.feedbackStatistics",
        "Query.donationReport",
      ]),
    );
    expect(exactReads.find((n: any) => n.operation === "Query.placementStatisticsByYear")).toMatchObject({
      domain: "relationsvald",
      recordIds: ["2020..2021"],
    });
  });
});
