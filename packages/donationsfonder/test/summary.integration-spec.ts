import { runRetention, subjectKey } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { Allocation, Application, donationsfonderModule, rebuildDonationSummaries } from "../src";
import { ADMIN, READ, REPORT, WRITE, application, register, setUpRound, people, type RoundFixture } from "./fixture";
import { comparable, reportFromRecords } from "./report-oracle";

const ALLOCATE = `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status version } }`;
const ADJUST = `mutation($input: AdjustDonationAllocationInput!) { adjustDonationAllocation(input: $input) { id amount version } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $input: DonationBoardDecisionInput!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: $input) { status } }`;
const PAY = `mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id } }`;
const ELIGIBLE = `query($id: ID!) { donationApplications(roundId: $id, status: ELIGIBLE, first: 100) { nodes { personnummer allocation { id amount version } } } }`;
const PAYOUTS = `query($id: ID!) { donationPayouts(roundId: $id, first: 100) { nodes { id amount } } }`;
const GLASSES_FUND = {
  code: "T_GLASSES",
  name: "Glasögonfonden",
  statutes: "Glasögon",
  publishedOrder: 2,
  residentRequired: true,
  incomeLimitBasePercent: 250,
  incomeLimitPerExtraPercent: 75,
  capital: "1000000",
  active: true,
};

/**
 * The summary rows kept on write against the records: after every kind of mutation (registration,
 * refusal, correction, allocation, re-allocation after a statutes change, adjustment, decision,
 * payment, gallring) the maintained rows equal a fresh rebuild and the report equals the figures
 * computed straight from the records.
 */
describe(`donation report summary rows kept on write on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let a: RoundFixture;
  let b: RoundFixture;
  let x2023: string;

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    a = await setUpRound(app, 2024, { elderly: 5000, glasses: 1000, general: 2000 });
  });
  afterAll(() => app.close());

  type StatusRow = { roundId: number; status: string; reason: string; applications: number };
  type FundRow = {
    roundId: number;
    fundId: number;
    applications: number;
    granted: number;
    allocated: number;
    paid: number;
  };
  type ReachRow = { roundId: number; previousRoundId: number; persons: number };
  const summaryRows = async (): Promise<{ statuses: StatusRow[]; funds: FundRow[]; reach: ReachRow[] }> => ({
    reach: (
      await app.ds.query(
        "SELECT roundId, previousRoundId, persons FROM donation_reach_summary ORDER BY roundId, previousRoundId",
      )
    ).map((r: Record<string, unknown>) => ({
      roundId: Number(r.roundId),
      previousRoundId: Number(r.previousRoundId),
      persons: Number(r.persons),
    })),
    statuses: (
      await app.ds.query(
        "SELECT roundId, status, reason, applications FROM donation_round_status_summary ORDER BY roundId, status, reason",
      )
    ).map((r: Record<string, unknown>) => ({
      roundId: Number(r.roundId),
      status: r.status,
      reason: r.reason,
      applications: Number(r.applications),
    })),
    funds: (
      await app.ds.query(
        "SELECT roundId, fundId, applications, granted, allocated, paid FROM donation_round_fund_summary ORDER BY roundId, fundId",
      )
    ).map((r: Record<string, unknown>) => ({
      roundId: Number(r.roundId),
      fundId: Number(r.fundId),
      applications: Number(r.applications),
      granted: Number(r.granted),
      allocated: Number(r.allocated),
      paid: Number(r.paid),
    })),
  });
  const report = async (from: string, to: string) =>
    (await app.ok(REPORT, { scopes: ["donationsfonder:stats:exact"], variables: { from, to } })).donationReport;

  /** Maintained rows = a rebuild from the records, and the report = the figures straight from the records, for these periods. */
  async function expectConsistent(periods: [string, string][] = [["2023-01-01", "2026-12-31"]]) {
    const maintained = await summaryRows();
    await inTransaction(app.ds, (m) => rebuildDonationSummaries(m));
    expect(maintained).toEqual(await summaryRows());
    for (const [from, to] of periods)
      expect(comparable(await report(from, to))).toEqual(await reportFromRecords(app.ds, from, to));
    return maintained;
  }
  const fundRow = (
    rows: Awaited<ReturnType<typeof summaryRows>>,
    fx: RoundFixture,
    fund: keyof RoundFixture["funds"],
  ) => rows.funds.find((r) => r.roundId === Number(fx.roundId) && r.fundId === Number(fx.funds[fund]));

  it("counts registrations, refusals and corrections", async () => {
    const first = await register(app, application(a.roundId, people.anna, { receivedDate: "2024-03-05" }));
    await register(app, application(a.roundId, people.bertil, { receivedDate: "2024-03-10" }));
    const cecilia = await register(app, application(a.roundId, people.cecilia, { receivedDate: "2024-03-12" }));
    await register(app, application(a.roundId, people.david, { receivedDate: "2024-04-02" })); // LATE
    await register(app, application(a.roundId, people.anna, { receivedDate: "2024-03-20" })); // DUPLICATE
    await register(app, application(a.roundId, people.ivar, { receivedDate: "2024-02-20" })); // BEFORE_WINDOW
    await register(
      app,
      application(a.roundId, people.erik, {
        receivedDate: "2024-03-15",
        purposes: ["DENTAL_CARE"],
        amountRequested: "3000",
      }),
    );
    await register(app, application(a.roundId, people.frida, { receivedDate: "2024-03-16", resident: false }));
    await register(
      app,
      application(a.roundId, people.gustav, { receivedDate: "2024-03-17", purposes: ["RENT_OR_DEBT"] }),
    );
    await register(
      app,
      application(a.roundId, people.helga, {
        receivedDate: "2024-03-18",
        purposes: ["CLOTHES"],
        amountRequested: "1500",
      }),
    );
    await app.ok(
      `mutation($id: ID!, $v: Int!, $input: UpdateDonationApplicationInput!) { updateDonationApplication(id: $id, expectedVersion: $v, input: $input) { version } }`,
      { ...WRITE, variables: { id: cecilia.id, v: cecilia.version, input: { amountRequested: "2000" } } },
    );
    expect(first.status).toBe("RECEIVED");
    const rows = await expectConsistent();
    expect(rows.statuses).toEqual([
      { roundId: Number(a.roundId), status: "RECEIVED", reason: "", applications: 7 },
      { roundId: Number(a.roundId), status: "REFUSED", reason: "BEFORE_WINDOW", applications: 1 },
      { roundId: Number(a.roundId), status: "REFUSED", reason: "DUPLICATE", applications: 1 },
      { roundId: Number(a.roundId), status: "REFUSED", reason: "LATE", applications: 1 },
    ]);
    expect(rows.funds).toEqual([]);
    const r = (await report("2024-01-01", "2024-12-31")).rounds[0];
    expect(r).toMatchObject({ applications: 10, refused: 3, awaitingAssessment: 7, granted: 0, personsReached: 0 });
  });

  it("moves the figures with an allocation and with a re-allocation after a statutes change", async () => {
    const first = await app.ok(ALLOCATE, { ...WRITE, variables: { id: a.roundId, v: a.version } });
    a.version = first.allocateDonationRound.version;
    let rows = await expectConsistent();
    // anna, bertil, cecilia: glasses 334/333/333; erik: 65+ fund 3 000; helga: clothes from the general fund 1 500
    expect(fundRow(rows, a, "elderly")).toMatchObject({ applications: 1, granted: 1, allocated: 300000, paid: 0 });
    expect(fundRow(rows, a, "glasses")).toMatchObject({ applications: 3, granted: 3, allocated: 100000, paid: 0 });
    expect(fundRow(rows, a, "general")).toMatchObject({ applications: 1, granted: 1, allocated: 150000, paid: 0 });

    // The glasses fund now pays for clothes only: the glasses applications find no fund, helga draws from it instead of the general fund.
    const funds = await app.ok(`{ donationFunds { id code version } }`, ADMIN);
    const glasses = funds.donationFunds.find((f: { code: string }) => f.code === "T_GLASSES");
    await app.ok(
      `mutation($id: ID!, $v: Int!, $input: DonationFundInput!) { updateDonationFund(id: $id, expectedVersion: $v, input: $input) { version } }`,
      {
        ...ADMIN,
        variables: { id: glasses.id, v: glasses.version, input: { ...GLASSES_FUND, purposes: ["CLOTHES"] } },
      },
    );
    const again = await app.ok(ALLOCATE, { ...WRITE, variables: { id: a.roundId, v: a.version } });
    a.version = again.allocateDonationRound.version;
    rows = await expectConsistent();
    expect(fundRow(rows, a, "glasses")).toMatchObject({ applications: 1, granted: 1, allocated: 100000 }); // helga, capped by the 1 000 kr
    expect(fundRow(rows, a, "general")).toBeUndefined();
    expect(rows.statuses.filter((s) => s.roundId === Number(a.roundId) && s.status !== "REFUSED")).toEqual([
      { roundId: Number(a.roundId), status: "ELIGIBLE", reason: "", applications: 2 },
      { roundId: Number(a.roundId), status: "INELIGIBLE", reason: "NOT_RESIDENT", applications: 1 },
      { roundId: Number(a.roundId), status: "INELIGIBLE", reason: "PURPOSE_NOT_COVERED", applications: 4 },
    ]);

    // Back to glasses, allocated once more.
    const now = await app.ok(`{ donationFunds { id code version } }`, ADMIN);
    const g = now.donationFunds.find((f: { code: string }) => f.code === "T_GLASSES");
    await app.ok(
      `mutation($id: ID!, $v: Int!, $input: DonationFundInput!) { updateDonationFund(id: $id, expectedVersion: $v, input: $input) { version } }`,
      {
        ...ADMIN,
        variables: { id: g.id, v: g.version, input: { ...GLASSES_FUND, purposes: ["GLASSES"] } },
      },
    );
    const third = await app.ok(ALLOCATE, { ...WRITE, variables: { id: a.roundId, v: a.version } });
    a.version = third.allocateDonationRound.version;
    rows = await expectConsistent();
    expect(fundRow(rows, a, "glasses")).toMatchObject({ applications: 3, granted: 3, allocated: 100000 });
    expect(fundRow(rows, a, "general")).toMatchObject({ applications: 1, granted: 1, allocated: 150000 });
  });

  it("moves the figures with adjustments (to nothing and up), not with refused ones", async () => {
    const list = await app.ok(ELIGIBLE, { ...READ, variables: { id: a.roundId } });
    const of = (p: string) =>
      list.donationApplications.nodes.find((n: { personnummer: string }) => n.personnummer.replace("-", "") === p)
        .allocation;
    const bertil = of(people.bertil);
    const cecilia = of(people.cecilia);
    await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: bertil.id,
          amount: "0",
          reason: "Fick glasögon via regionen",
          expectedVersion: bertil.version,
        },
      },
    });
    await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: cecilia.id,
          amount: "500",
          reason: "Dyrare glas enligt kvitto",
          expectedVersion: cecilia.version,
        },
      },
    });
    const refused = await app.call(ADJUST, {
      ...WRITE,
      variables: {
        input: { allocationId: cecilia.id, amount: "900", reason: "Ännu dyrare", expectedVersion: cecilia.version + 1 },
      },
    });
    expect(refused.errorCodes).toEqual(["BAD_USER_INPUT"]);
    const rows = await expectConsistent();
    expect(fundRow(rows, a, "glasses")).toMatchObject({ applications: 3, granted: 2, allocated: 33400 + 50000 });
  });

  it("keeps paid amounts per fund, once per payout, and persons only after the decision", async () => {
    const before = await report("2024-01-01", "2024-12-31");
    expect(before.rounds[0]).toMatchObject({
      status: "ALLOCATED",
      granted: 4,
      personsReached: 0,
      amountDistributed: "0.00",
    });
    await app.ok(DECIDE, {
      ...WRITE,
      variables: {
        id: a.roundId,
        v: a.version,
        input: { decisionDate: "2024-05-19", reference: "ALN 2024-05-19 § 40" },
      },
    });
    const payouts = (await app.ok(PAYOUTS, { ...READ, variables: { id: a.roundId } })).donationPayouts.nodes;
    expect(payouts.map((p: { amount: string }) => p.amount).sort()).toEqual(["1500.00", "3000.00", "334.00", "500.00"]);
    const big = payouts.find((p: { amount: string }) => p.amount === "3000.00");
    const small = payouts.find((p: { amount: string }) => p.amount === "334.00");
    await app.ok(PAY, { ...WRITE, variables: { input: { payoutId: big.id, paidOn: "2024-06-15" } } });
    await app.ok(PAY, { ...WRITE, variables: { input: { payoutId: small.id, paidOn: "2024-06-15" } } });
    const twice = await app.call(PAY, { ...WRITE, variables: { input: { payoutId: big.id, paidOn: "2024-06-16" } } });
    expect(twice.errorCodes).toEqual(["CONFLICT"]);
    const rows = await expectConsistent();
    expect(fundRow(rows, a, "elderly")).toMatchObject({ paid: 300000 });
    expect(fundRow(rows, a, "glasses")).toMatchObject({ paid: 33400 });
    const r = await report("2024-01-01", "2024-12-31");
    expect(r).toMatchObject({
      amountDistributed: "5334.00",
      amountPaid: "3334.00",
      personsReachedInRounds: 4,
      distinctPersonsReached: 4,
    });
    expect(r.rounds[0]).toMatchObject({ granted: 4, personsReached: 4 });
  });

  it("counts a person granted in two rounds once over both, and takes rounds by payout date, edges included", async () => {
    b = await setUpRound(app, 2025, { elderly: 5000, glasses: 1000, general: 2000 });
    await register(app, application(b.roundId, people.anna, { receivedDate: "2025-03-05" }));
    await register(
      app,
      application(b.roundId, people.erik, {
        receivedDate: "2025-03-06",
        purposes: ["DENTAL_CARE"],
        amountRequested: "2000",
      }),
    );
    await register(
      app,
      application(b.roundId, people.gustav, {
        receivedDate: "2025-03-07",
        purposes: ["SHOES"],
        amountRequested: "800",
      }),
    );
    await register(app, application(b.roundId, people.frida, { receivedDate: "2025-04-07" })); // LATE
    const allocated = await app.ok(ALLOCATE, { ...WRITE, variables: { id: b.roundId, v: b.version } });
    await app.ok(DECIDE, {
      ...WRITE,
      variables: {
        id: b.roundId,
        v: allocated.allocateDonationRound.version,
        input: { decisionDate: "2025-05-19", reference: "ALN 2025-05-19 § 12" },
      },
    });
    const payouts = (await app.ok(PAYOUTS, { ...READ, variables: { id: b.roundId } })).donationPayouts.nodes;
    await app.ok(PAY, { ...WRITE, variables: { input: { payoutId: payouts[0].id, paidOn: "2025-06-15" } } });
    // 2026: open, applications awaiting assessment
    const c = await setUpRound(app, 2026, { elderly: 100, glasses: 100, general: 100 });
    await register(app, application(c.roundId, people.helga, { receivedDate: "2026-03-02" }));

    await expectConsistent([
      ["2024-01-01", "2026-12-31"],
      ["2024-06-15", "2024-06-15"],
      ["2024-06-16", "2025-06-14"],
      ["2024-06-15", "2025-06-15"],
      ["2025-06-15", "2026-06-15"],
    ]);
    const both = await report("2024-06-15", "2025-06-15");
    // 2024: anna, cecilia, erik, helga; 2025: anna, erik, gustav — anna and erik in both
    expect(both).toMatchObject({ personsReachedInRounds: 7, distinctPersonsReached: 5 });
    expect(both.rounds.map((r: { personsReached: number }) => r.personsReached)).toEqual([4, 3]);
    expect((await report("2024-06-15", "2024-06-15")).rounds).toHaveLength(1);
    expect(await report("2024-06-16", "2025-06-14")).toMatchObject({ rounds: [], distinctPersonsReached: 0 });
    const open = await report("2026-01-01", "2026-12-31");
    expect(open).toMatchObject({ distinctPersonsReached: 0, personsReachedInRounds: 0 });
    expect(open.rounds[0]).toMatchObject({ status: "OPEN", applications: 1, awaitingAssessment: 1, granted: 0 });
    expect((await summaryRows()).reach).toEqual([
      { roundId: Number(a.roundId), previousRoundId: 0, persons: 4 },
      { roundId: Number(b.roundId), previousRoundId: 0, persons: 1 },
      { roundId: Number(b.roundId), previousRoundId: Number(a.roundId), persons: 2 },
    ]);
  });

  it("links a round decided out of payout order between the rounds around it", async () => {
    // 2023 decided after 2024 and 2025: anna and erik, granted in all three, now reach 2024 from 2023.
    const x = await setUpRound(app, 2023, { elderly: 5000, glasses: 1000, general: 2000 });
    x2023 = x.roundId;
    await register(app, application(x.roundId, people.anna, { receivedDate: "2023-03-05" }));
    await register(app, application(x.roundId, people.bertil, { receivedDate: "2023-03-06" }));
    await register(
      app,
      application(x.roundId, people.erik, {
        receivedDate: "2023-03-07",
        purposes: ["DENTAL_CARE"],
        amountRequested: "2000",
      }),
    );
    const allocated = await app.ok(ALLOCATE, { ...WRITE, variables: { id: x.roundId, v: x.version } });
    await app.ok(DECIDE, {
      ...WRITE,
      variables: {
        id: x.roundId,
        v: allocated.allocateDonationRound.version,
        input: { decisionDate: "2023-05-19", reference: "ALN 2023-05-19 § 9" },
      },
    });
    const rows = await expectConsistent([
      ["2023-01-01", "2026-12-31"],
      ["2023-06-15", "2024-06-15"],
      ["2024-06-15", "2025-06-15"],
      ["2023-06-16", "2025-06-15"],
    ]);
    expect(rows.reach).toEqual([
      { roundId: Number(a.roundId), previousRoundId: 0, persons: 2 },
      { roundId: Number(a.roundId), previousRoundId: Number(x.roundId), persons: 2 },
      { roundId: Number(b.roundId), previousRoundId: 0, persons: 1 },
      { roundId: Number(b.roundId), previousRoundId: Number(a.roundId), persons: 2 },
      { roundId: Number(x.roundId), previousRoundId: 0, persons: 3 },
    ]);
    // 2023: anna, bertil, erik; 2024: anna, cecilia, erik, helga; 2025: anna, erik, gustav
    expect(await report("2023-01-01", "2025-12-31")).toMatchObject({
      personsReachedInRounds: 10,
      distinctPersonsReached: 6,
    });
    expect(await report("2023-01-01", "2024-12-31")).toMatchObject({
      personsReachedInRounds: 7,
      distinctPersonsReached: 5,
    });
    expect(await report("2024-01-01", "2025-12-31")).toMatchObject({
      personsReachedInRounds: 7,
      distinctPersonsReached: 5,
    });
  });

  it("keeps every figure through gallring, and each allocation keeps its applicant's personKey", async () => {
    const periods: [string, string][] = [
      ["2023-01-01", "2026-12-31"],
      ["2024-01-01", "2024-12-31"],
      ["2024-01-01", "2025-12-31"],
    ];
    const before = [];
    for (const [from, to] of periods) before.push(await report(from, to));
    // Cutoff 2025-01-01: the 2023 and 2024 rounds (paid before it) are gallrade; 2025 is kept.
    const result = await runRetention(app.ds, [donationsfonderModule], {
      today: "2030-01-01",
      dryRun: false,
      actor: "gallring",
    });
    expect(result.actions[0].recordIds).toHaveLength(10 + 3);
    await expectConsistent(periods);
    const after = [];
    for (const [from, to] of periods) after.push(await report(from, to));
    expect(after).toEqual(before);

    const apps = new Map((await app.ds.getRepository(Application).find()).map((x) => [x.id, x]));
    const allocations = await app.ds.getRepository(Allocation).find();
    expect(allocations).toHaveLength(5 + 3 + 3);
    for (const al of allocations) expect(al.personKey).toBe(apps.get(al.applicationId)!.personKey);
    const anna = allocations.filter((al) => al.personKey === subjectKey(people.anna));
    expect(anna.map((al) => al.roundId).sort((p, q) => p - q)).toEqual(
      [Number(a.roundId), Number(b.roundId), Number(x2023)].sort((p, q) => p - q),
    );
    expect(anna.map((al) => apps.get(al.applicationId)!.personnummer)).toEqual(
      expect.arrayContaining([null, people.anna]),
    );
  });
});
