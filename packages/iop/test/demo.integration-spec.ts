import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { iopModule, partnershipsByOrganisationsnummer } from "../src";

/** The 2021 report's facts, computed from the demo records by the module's queries. */
describe(`iop demo data and report figures on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([iopModule]);
    await iopModule.seedDemo!(app.ds);
  });
  afterAll(() => app.close());

  const stats = { scopes: ["iop:stats"] };
  const read = { scopes: ["iop:read"] };

  it("has seven partnerships in force on 2021-06-30 (six on the committee's budget, one on Socialt hållbart Borås)", async () => {
    const data = await app.ok(
      `query { iopPartnershipCount(on: "2021-06-30") { inForce byFundingBudget { fundingBudgetCode partnerships } } }`,
      stats,
    );
    expect(data.iopPartnershipCount).toEqual({
      inForce: 7,
      byFundingBudget: [
        { fundingBudgetCode: "ALN", partnerships: 6 },
        { fundingBudgetCode: "SHB", partnerships: 1 },
      ],
    });
    const list = await app.ok(
      `query { iopAgreements(filter: { inForceOn: "2021-06-30" }, first: 20) { totalCount nodes { title partner { name } } } }`,
      read,
    );
    expect(list.iopAgreements.totalCount).toBe(7);
    expect(list.iopAgreements.nodes.map((n: { title: string }) => n.title).sort()).toEqual(
      [
        "En arena för alla",
        "Funkis till jobb",
        "IOP med Föreningen Guldkanten",
        "IOP med Kvinnojouren (2021)",
        "Jobb Tillsammans",
        "Norrby för Norrby",
        "Spira",
      ].sort(),
    );
  });

  it("ends Jobb Tillsammans and Norrby för Norrby in 2021, replaces Kvinnojouren's agreement, and winds Spira down in Q1 2022", async () => {
    const query = `query($from: Date!, $to: Date!) { iopAgreementEvents(from: $from, to: $to, first: 50) {
      nodes { kind date agreement { title } successor { number } } } }`;
    const y2021 = await app.ok(query, { ...read, variables: { from: "2021-01-01", to: "2021-12-31" } });
    const ending = y2021.iopAgreementEvents.nodes.filter(
      (e: { kind: string }) => e.kind === "ENDS" || e.kind === "REPLACED",
    );
    expect(ending).toEqual([
      { kind: "ENDS", date: "2021-12-31", agreement: { title: "Jobb Tillsammans" }, successor: null },
      { kind: "ENDS", date: "2021-12-31", agreement: { title: "Norrby för Norrby" }, successor: null },
      {
        kind: "REPLACED",
        date: "2021-12-31",
        agreement: { title: "IOP med Kvinnojouren (2021)" },
        successor: { number: "IOP nr 2" },
      },
    ]);
    const q1 = await app.ok(query, { ...read, variables: { from: "2022-01-01", to: "2022-03-31" } });
    expect(
      q1.iopAgreementEvents.nodes.map((e: { kind: string; date: string; agreement: { title: string } }) => [
        e.kind,
        e.date,
        e.agreement.title,
      ]),
    ).toEqual([
      ["WINDS_DOWN", "2022-01-01", "Spira"],
      ["STARTS", "2022-01-01", "Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Borås"],
      ["ENDS", "2022-03-31", "Spira"],
    ]);

    const changes = await app.ok(
      `query { a: iopPartnershipChanges(from: "2021-01-01", to: "2021-12-31") { started ended replaced windingDown }
               b: iopPartnershipChanges(from: "2022-01-01", to: "2022-12-31") { started ended replaced windingDown } }`,
      stats,
    );
    expect(changes.a).toEqual({ started: 7, ended: 2, replaced: 1, windingDown: 0 });
    expect(changes.b).toEqual({ started: 1, ended: 1, replaced: 0, windingDown: 1 });
  });

  it("gives Kvinnojouren's notice deadline 2024-03-31 and flags the board decision in time", async () => {
    const data = await app.ok(
      `query { iopNoticeDeadlines(asOf: "2022-01-01", boardLeadDays: 60) { totalCount nodes {
         termEnd noticeDeadline renewedUntil decisionNeededBy daysLeft agreement { number partner { organisationsnummer } } } } }`,
      read,
    );
    expect(data.iopNoticeDeadlines).toEqual({
      totalCount: 1,
      nodes: [
        {
          termEnd: "2024-12-31",
          noticeDeadline: "2024-03-31",
          renewedUntil: "2025-12-31",
          decisionNeededBy: "2024-01-31",
          daysLeft: 820,
          agreement: { number: "IOP nr 2", partner: { organisationsnummer: "864501-5200" } },
        },
      ],
    });
    const needed = `query($before: Date!) { iopBoardDecisionsNeeded(before: $before, asOf: "2023-06-01") { nodes { agreement { number } decisionNeededBy } } }`;
    expect(
      (await app.ok(needed, { ...read, variables: { before: "2024-01-31" } })).iopBoardDecisionsNeeded.nodes,
    ).toEqual([{ agreement: { number: "IOP nr 2" }, decisionNeededBy: "2024-01-31" }]);
    expect(
      (await app.ok(needed, { ...read, variables: { before: "2024-01-30" } })).iopBoardDecisionsNeeded.nodes,
    ).toEqual([]);
  });

  it("keeps both facts of § 125 and the signed agreement, and projects the renewals", async () => {
    const data = await app.ok(
      `query { iopAgreements(filter: { organisationsnummer: "864501-5200", status: ACTIVE }) { nodes {
         startDate endDate renewalTermMonths noticeMonths annualServiceFee predecessor { title }
         boardDecisions { kind reference statedPeriodStart statedPeriodEnd statedRenewalMonths statedAnnualFee }
         amendments { title total amounts { year amount } boardDecision { kind } }
         renewalProjection(from: "2024-01-01", years: 3) { index renewal start end noticeDeadline }
         nextNotice(asOf: "2024-04-01") { noticeDeadline termEnd } } } }`,
      read,
    );
    const a = data.iopAgreements.nodes[0];
    expect(a).toMatchObject({
      startDate: "2022-01-01",
      endDate: "2024-12-31",
      renewalTermMonths: 12,
      noticeMonths: 9,
      annualServiceFee: "550000.00",
    });
    expect(a.predecessor).toEqual({ title: "IOP med Kvinnojouren (2021)" });
    expect(a.boardDecisions[0]).toEqual({
      kind: "APPROVAL",
      reference: "ALN 2021-00102 § 125, 2021-10-14",
      statedPeriodStart: "2022-01-01",
      statedPeriodEnd: "2022-12-31",
      statedRenewalMonths: 12,
      statedAnnualFee: "550000.00",
    });
    expect(a.amendments).toEqual([
      {
        title: "Komplettering — servicetjänst",
        total: "150000.00",
        amounts: [{ year: 2022, amount: "150000.00" }],
        boardDecision: { kind: "AMENDMENT" },
      },
    ]);
    expect(a.renewalProjection).toEqual([
      { index: 0, renewal: false, start: "2022-01-01", end: "2024-12-31", noticeDeadline: "2024-03-31" },
      { index: 1, renewal: true, start: "2025-01-01", end: "2025-12-31", noticeDeadline: "2025-03-31" },
      { index: 2, renewal: true, start: "2026-01-01", end: "2026-12-31", noticeDeadline: "2026-03-31" },
    ]);
    expect(a.nextNotice).toEqual({ noticeDeadline: "2025-03-31", termEnd: "2025-12-31" });
  });

  it("computes cost per partnership and per funding budget in SQL: 550 tkr a year plus 150 tkr for 2022", async () => {
    const data = await app.ok(
      `query { iopCostsPerPartnership(fromYear: 2021, toYear: 2023) { agreementNumber year inForce serviceFee amendments otherInvoices total }
               iopCostsPerFundingBudget(fromYear: 2021, toYear: 2022) { fundingBudgetCode year partnerships serviceFee amendments total } }`,
      stats,
    );
    const iop2 = data.iopCostsPerPartnership.filter(
      (r: { agreementNumber: string | null }) => r.agreementNumber === "IOP nr 2",
    );
    expect(iop2).toEqual([
      {
        agreementNumber: "IOP nr 2",
        year: 2022,
        inForce: true,
        serviceFee: "550000.00",
        amendments: "150000.00",
        otherInvoices: "0.00",
        total: "700000.00",
      },
      {
        agreementNumber: "IOP nr 2",
        year: 2023,
        inForce: true,
        serviceFee: "550000.00",
        amendments: "0.00",
        otherInvoices: "0.00",
        total: "550000.00",
      },
    ]);
    expect(data.iopCostsPerPartnership.filter((r: { year: number }) => r.year === 2021)).toHaveLength(7);
    expect(data.iopCostsPerFundingBudget).toEqual([
      { fundingBudgetCode: "ALN", year: 2021, partnerships: 6, serviceFee: "0.00", amendments: "0.00", total: "0.00" },
      { fundingBudgetCode: "SHB", year: 2021, partnerships: 1, serviceFee: "0.00", amendments: "0.00", total: "0.00" },
      {
        fundingBudgetCode: "ALN",
        year: 2022,
        partnerships: 4,
        serviceFee: "550000.00",
        amendments: "150000.00",
        total: "700000.00",
      },
      { fundingBudgetCode: "SHB", year: 2022, partnerships: 1, serviceFee: "0.00", amendments: "0.00", total: "0.00" },
    ]);
  });

  it("followed every 2021 IOP up with the template and found no deviations", async () => {
    const data = await app.ok(
      `query { iopFollowUpStatistics(year: 2021) { evaluations agreementsEvaluated deviations openDeviations } }`,
      stats,
    );
    expect(data.iopFollowUpStatistics).toEqual({
      evaluations: 7,
      agreementsEvaluated: 7,
      deviations: 0,
      openDeviations: 0,
    });
    const due = await app.ok(
      `query { iopFollowUpsDue(asOf: "2022-07-01") { nodes { agreement { number } periodStart periodEnd daysOverdue } } }`,
      read,
    );
    expect(due.iopFollowUpsDue.nodes).toEqual([
      { agreement: { number: "IOP nr 2" }, periodStart: "2022-01-01", periodEnd: "2022-06-30", daysOverdue: 1 },
    ]);
    const missing = await app.ok(
      `query { iopMissingReports(year: 2022) { totalCount nodes { kind agreement { number } } } }`,
      read,
    );
    expect(missing.iopMissingReports.nodes.map((n: { kind: string }) => n.kind)).toEqual([
      "ACTIVITY_REPORT",
      "ACTIVITY_PLAN",
      "QUALITY_APPENDIX",
    ]);
  });

  it("seeds only once (a restart with DEMO_SEED leaves the data as it is)", async () => {
    const count = async () => (await app.ok(`query { iopAgreements { totalCount } }`, read)).iopAgreements.totalCount;
    const before = await count();
    await iopModule.seedDemo!(app.ds);
    expect(await count()).toBe(before);
  });

  it("lets the gateway find partnerships by organisationsnummer in one batch", async () => {
    const result = await partnershipsByOrganisationsnummer(app.ds, ["864501-5200", "8999001012", "556036-0793"]);
    expect(result.map((list) => list.map((a) => a.title))).toEqual([
      ["Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Borås", "IOP med Kvinnojouren (2021)"],
      ["En arena för alla", "Jobb Tillsammans"], // same start: newest registered first
      [],
    ]);
  });
});
