import { DeletionLogEntry, runRetention, subjectKey } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { Application, Payout, PayoutPayment, Round, RoundTerm, donationsfonderModule } from "../src";
import { REPORT } from "./fixture";

const TODAY = "2026-09-01";
const CUTOFF = "2021-09-01";

const PERIODS = [
  { from: "2021-01-01", to: "2021-12-31" },
  { from: "2021-01-01", to: "2022-12-31" },
  { from: "2021-01-01", to: "2021-06-30" },
  { from: "2021-07-01", to: "2022-12-31" },
];

describe(`donation applications retention (gallring) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let spring: Round;
  let latePaid: number;

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    await donationsfonderModule.seedDemo!(app.ds);
    spring = await app.ds.manager.findOneByOrFail(Round, { year: 2021, term: RoundTerm.SPRING });
    // One spring payout was paid on the cutoff day: a later entry that keeps that application.
    const payout = await app.ds.manager.findOneOrFail(Payout, { where: { roundId: spring.id }, order: { id: "ASC" } });
    await app.ds.manager.update(PayoutPayment, { payoutId: payout.id }, { paidOn: CUTOFF });
    latePaid = payout.applicationId;
  });
  afterAll(() => app.close());

  const applications = () => app.ds.getRepository(Application).find({ order: { id: "ASC" } });
  const payouts = () => app.ds.getRepository(Payout).find({ order: { id: "ASC" } });
  const run = (dryRun: boolean, today = TODAY) =>
    runRetention(app.ds, [donationsfonderModule], { today, dryRun, actor: "gallring" });
  const reports = async () => {
    const out = [];
    for (const variables of PERIODS) out.push(await app.ok(REPORT, { scopes: ["donationsfonder:stats"], variables }));
    return out;
  };

  it("counts five years from the board's decision (dry runs change nothing)", async () => {
    expect(spring.decisionDate).toBe("2021-04-22");
    const before = { applications: await applications(), payouts: await payouts() };
    expect((await run(true, "2026-04-22")).actions).toEqual([]);
    // The day after: the applications that got nothing are due; the granted ones wait for five years after their payment.
    const due = (await run(true, "2026-04-23")).actions[0].recordIds.map(Number).sort((x, y) => x - y);
    const paid = new Set(before.payouts.filter((p) => p.roundId === spring.id).map((p) => p.applicationId));
    expect(paid.size).toBeGreaterThan(300);
    expect(due).toEqual(before.applications.filter((a) => a.roundId === spring.id && !paid.has(a.id)).map((a) => a.id));
    expect({ applications: await applications(), payouts: await payouts() }).toEqual(before);
    expect(await app.ds.getRepository(DeletionLogEntry).count()).toBe(0);
  });

  it("removes personnummer, income and household of rounds decided more than five years ago; every report stays the same", async () => {
    const reportsBefore = await reports();
    const before = await applications();
    const report = await run(false);
    const ids = report.actions[0].recordIds.map(Number).sort((a, b) => a - b);

    const due = before.filter((a) => a.roundId === spring.id && a.id !== latePaid).map((a) => a.id);
    expect(ids).toEqual(due);
    const after = await applications();
    for (const a of after.filter((a) => ids.includes(a.id))) {
      const was = before.find((b) => b.id === a.id)!;
      expect(a).toMatchObject({
        personnummer: null,
        activePersonnummer: null,
        householdSize: null,
        yearlyIncome: null,
        rejectionText: null,
        assessment: null,
        anonymisedDate: TODAY,
        // What the statistics need stays.
        personKey: subjectKey(was.personnummer!),
        roundId: was.roundId,
        fundId: was.fundId,
        status: was.status,
        rejectionReason: was.rejectionReason,
        amountRequested: was.amountRequested,
        receivedDate: was.receivedDate,
        purposes: was.purposes,
      });
    }
    // The autumn 2021 and 2022 rounds (decided after the cutoff) and the late-paid application are untouched.
    const untouched = after.filter((a) => !ids.includes(a.id));
    expect(untouched).toEqual(before.filter((a) => !ids.includes(a.id)));
    expect(untouched.find((a) => a.id === latePaid)!.personnummer).not.toBeNull();
    const springPayouts = (await payouts()).filter((p) => p.roundId === spring.id);
    expect(springPayouts.filter((p) => p.personnummer !== null).map((p) => p.applicationId)).toEqual([latePaid]);

    // Every figure, distinct persons over periods mixing gallrade and kept rounds included.
    expect(await reports()).toEqual(reportsBefore);
    expect(reportsBefore[0].donationReport.distinctPersonsReached).toBeLessThan(
      reportsBefore[0].donationReport.personsReachedInRounds,
    );

    // The person-level API shows a gallrad application without person data.
    const shown = await app.ok(
      `query($id: ID!) { donationApplication(id: $id) { personnummer householdSize yearlyIncome anonymisedDate status } }`,
      {
        scopes: ["donationsfonder:read"],
        variables: { id: String(ids[0]) },
      },
    );
    expect(shown.donationApplication).toMatchObject({
      personnummer: null,
      householdSize: null,
      yearlyIncome: null,
      anonymisedDate: TODAY,
    });

    const log = await app.ds.getRepository(DeletionLogEntry).find();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ domain: "donationsfonder", recordType: "Application", count: ids.length });
  });

  it("a second run does nothing", async () => {
    const before = await applications();
    expect((await run(false)).actions).toEqual([]);
    expect(await applications()).toEqual(before);
  });
});
