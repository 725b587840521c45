import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { donationsfonderModule } from "../src";
import { ADMIN, READ, WRITE, application, pnr, register, setUpRound, people, type RoundFixture } from "./fixture";

const APPLICATIONS = `query($roundId: ID!, $status: DonationApplicationStatus) {
  donationApplications(roundId: $roundId, status: $status, first: 100) {
    totalCount
    nodes { id personnummer status rejectionReason rejectionText fund { code } allocation { id amount proposedAmount explanation version adjustments { actor fromAmount toAmount reason } } }
  }
}`;
const ADJUST = `mutation($input: AdjustDonationAllocationInput!) { adjustDonationAllocation(input: $input) { id amount version } }`;
const ROUND = `query($id: ID!) { donationRound(id: $id) { status version decisionDate decisionReference budgets { available fund { code } } } }`;

describe(`a whole donation round on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let fx: RoundFixture;
  const byPerson = new Map<string, Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    fx = await setUpRound(app, 2024, { elderly: 5000, glasses: 1000, general: 0 });
  });
  afterAll(() => app.close());

  it("opens the round from the schedule: applications in March, decision in May, payout in June", async () => {
    const r = await app.ok(
      `query($id: ID!) { donationRound(id: $id) { name term status applicationOpens applicationCloses plannedDecisionDate plannedPayoutDate priceBaseAmount policy } }`,
      {
        ...READ,
        variables: { id: fx.roundId },
      },
    );
    expect(r.donationRound).toEqual({
      name: "Utdelning 2024 årlig",
      term: "ANNUAL",
      status: "OPEN",
      applicationOpens: "2024-03-01",
      applicationCloses: "2024-03-31",
      plannedDecisionDate: "2024-05-19",
      plannedPayoutDate: "2024-06-15",
      priceBaseAmount: "57300.00",
      policy: "EQUAL",
    });
  });

  it("registers applications and refuses late and duplicate ones with the reason", async () => {
    const a = await register(app, application(fx.roundId, people.anna, { receivedDate: "2024-03-05" }));
    await register(app, application(fx.roundId, people.bertil, { receivedDate: "2024-03-10" }));
    await register(app, application(fx.roundId, people.cecilia, { receivedDate: "2024-03-12" }));
    const late = await register(app, application(fx.roundId, people.david, { receivedDate: "2024-04-02" }));
    const dup = await register(
      app,
      application(fx.roundId, people.anna, { receivedDate: "2024-03-20", amountRequested: "4000" }),
    );
    await register(
      app,
      application(fx.roundId, people.erik, {
        receivedDate: "2024-03-15",
        purposes: ["DENTAL_CARE"],
        amountRequested: "3000",
      }),
    );
    await register(app, application(fx.roundId, people.frida, { receivedDate: "2024-03-16", resident: false }));
    await register(
      app,
      application(fx.roundId, people.gustav, { receivedDate: "2024-03-17", purposes: ["RENT_OR_DEBT"] }),
    );
    expect(a).toMatchObject({
      status: "RECEIVED",
      rejectionReason: null,
      personnummer: `${people.anna.slice(0, 8)}-${people.anna.slice(8)}`,
    });
    expect(late).toMatchObject({ status: "REFUSED", rejectionReason: "LATE" });
    expect(late.rejectionText).toContain("2024-03-31");
    expect(dup).toMatchObject({ status: "REFUSED", rejectionReason: "DUPLICATE", duplicateOfId: a.id });
  });

  it("lets a caseworker correct a received application, with a stale edit refused", async () => {
    const list = await app.ok(
      `query($r: ID!, $p: Personnummer) { donationApplications(roundId: $r, personnummer: $p) { nodes { id version status } } }`,
      {
        ...READ,
        variables: { r: fx.roundId, p: people.cecilia },
      },
    );
    const c = list.donationApplications.nodes[0];
    const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateDonationApplicationInput!) { updateDonationApplication(id: $id, expectedVersion: $v, input: $input) { amountRequested version } }`;
    const ok = await app.ok(UPDATE, {
      ...WRITE,
      variables: { id: c.id, v: c.version, input: { amountRequested: "2000" } },
    });
    expect(ok.updateDonationApplication).toEqual({ amountRequested: "2000.00", version: c.version + 1 });
    const stale = await app.call(UPDATE, {
      ...WRITE,
      variables: { id: c.id, v: c.version, input: { amountRequested: "1800" } },
    });
    expect(stale.errorCodes).toEqual(["CONFLICT"]);
  });

  it("does not allocate a round whose application period has not ended", async () => {
    const future = await app.ok(
      `mutation { openDonationRounds(input: { year: 2099, priceBaseAmount: "60000", policy: EQUAL, remainderRule: DISTRIBUTE_IN_ORDER }) { id version } }`,
      ADMIN,
    );
    const r = future.openDonationRounds[0];
    const result = await app.call(
      `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status } }`,
      {
        ...WRITE,
        variables: { id: r.id, v: r.version },
      },
    );
    expect(result.errorCodes).toEqual(["CONFLICT"]);
    expect(result.errors?.[0].message).toMatch(/application period runs until 2099-03-31/);
  });

  it("assesses and allocates by the published policy, explaining each amount", async () => {
    const done = await app.ok(
      `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status version } }`,
      {
        ...WRITE,
        variables: { id: fx.roundId, v: fx.version },
      },
    );
    expect(done.allocateDonationRound.status).toBe("ALLOCATED");
    fx.version = done.allocateDonationRound.version;
    const data = await app.ok(APPLICATIONS, { ...READ, variables: { roundId: fx.roundId } });
    for (const n of data.donationApplications.nodes)
      byPerson.set(n.personnummer.replace("-", "") + (n.status === "REFUSED" ? `:${n.rejectionReason}` : ""), n);
    const get = (p: string) => byPerson.get(p)!;
    // 1 000 kr among three glasses applications: 333 each, the remaining krona to the earliest (Anna, 5 March)
    expect(
      [get(people.anna), get(people.bertil), get(people.cecilia)].map((n) => [n.fund.code, n.allocation.amount]),
    ).toEqual([
      ["T_GLASSES", "334.00"],
      ["T_GLASSES", "333.00"],
      ["T_GLASSES", "333.00"],
    ]);
    expect(get(people.anna).allocation.explanation).toMatch(
      /Glasögonfonden distributes 1 000 kr among 3 eligible applications; equal share 333 kr \+ 1 kr/,
    );
    // Erik (73) draws from the 65+ fund first, which covers dental care: gets what he asked
    expect(get(people.erik)).toMatchObject({
      status: "ELIGIBLE",
      fund: { code: "T_ELDERLY" },
      allocation: { amount: "3000.00" },
    });
    expect(get(people.frida)).toMatchObject({
      status: "INELIGIBLE",
      rejectionReason: "NOT_RESIDENT",
      allocation: null,
    });
    expect(get(people.gustav)).toMatchObject({ status: "INELIGIBLE", rejectionReason: "PURPOSE_NOT_COVERED" });
    // every fund fails on purpose; the tie goes to the first fund in the published order it got that far with
    expect(get(people.gustav).rejectionText).toMatch(
      /Closest: Glasögonfonden: pays for GLASSES; applied for RENT_OR_DEBT\./,
    );
    expect(get(`${people.david}:LATE`)).toMatchObject({ status: "REFUSED", allocation: null });
  });

  it("refuses new applications once the round is allocated", async () => {
    const r = await app.call(
      `mutation($input: RegisterDonationApplicationInput!) { registerDonationApplication(input: $input) { id } }`,
      {
        ...WRITE,
        variables: { input: application(fx.roundId, pnr("1991-01-01", 11), { receivedDate: "2024-03-30" }) },
      },
    );
    expect(r.errorCodes).toEqual(["CONFLICT"]);
  });

  it("logs every adjustment and never lets a fund pay out more than it has", async () => {
    const bertil = byPerson.get(people.bertil)!.allocation;
    const cecilia = byPerson.get(people.cecilia)!.allocation;
    const down = await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: bertil.id,
          amount: "300",
          reason: "Fick glasögon via annan väg till del",
          expectedVersion: bertil.version,
        },
      },
    });
    expect(down.adjustDonationAllocation.amount).toBe("300.00");

    const tooMuch = await app.call(ADJUST, {
      ...WRITE,
      variables: {
        input: { allocationId: cecilia.id, amount: "400", reason: "Dyrare glas", expectedVersion: cecilia.version },
      },
    });
    expect(tooMuch.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(tooMuch.errors?.[0].message).toMatch(
      /^input\.amount: would bring the fund's allocations to 1 034 kr, above the 1 000 kr/,
    );

    const aboveAsked = await app.call(ADJUST, {
      ...WRITE,
      variables: {
        input: { allocationId: cecilia.id, amount: "2500", reason: "x y z", expectedVersion: cecilia.version },
      },
    });
    expect(aboveAsked.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(aboveAsked.errors?.[0].message).toMatch(/amount asked \(2 000 kr\)/);

    const up = await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: cecilia.id,
          amount: "366",
          reason: "Dyrare glas enligt kvitto",
          expectedVersion: cecilia.version,
        },
      },
    });
    expect(up.adjustDonationAllocation).toMatchObject({ amount: "366.00", version: cecilia.version + 1 });

    const stale = await app.call(ADJUST, {
      ...WRITE,
      variables: {
        input: { allocationId: cecilia.id, amount: "360", reason: "Omräkning", expectedVersion: cecilia.version },
      },
    });
    expect(stale.errorCodes).toEqual(["CONFLICT"]);

    const data = await app.ok(APPLICATIONS, { ...READ, variables: { roundId: fx.roundId, status: "ELIGIBLE" } });
    const c = data.donationApplications.nodes.find((n: { id: string }) => n.id === byPerson.get(people.cecilia)!.id);
    expect(c.allocation).toMatchObject({ amount: "366.00", proposedAmount: "333.00" });
    expect(c.allocation.adjustments).toEqual([
      { actor: "handlaggare-anna", fromAmount: "333.00", toAmount: "366.00", reason: "Dyrare glas enligt kvitto" },
    ]);
    const glasses = data.donationApplications.nodes.filter(
      (n: { fund: { code: string } }) => n.fund.code === "T_GLASSES",
    );
    expect(
      glasses.reduce((s: number, n: { allocation: { amount: string } }) => s + Number(n.allocation.amount), 0),
    ).toBe(1000);
  });

  it("does not re-run an allocation that caseworkers have adjusted", async () => {
    const r = await app.call(
      `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status } }`,
      { ...WRITE, variables: { id: fx.roundId, v: fx.version } },
    );
    expect(r.errorCodes).toEqual(["CONFLICT"]);
  });

  it("records the board decision, produces the payout list, and freezes the allocation", async () => {
    const DECIDE = `mutation($id: ID!, $v: Int!, $input: DonationBoardDecisionInput!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: $input) { status decisionDate decisionReference } }`;
    const stale = await app.call(DECIDE, {
      ...WRITE,
      variables: {
        id: fx.roundId,
        v: fx.version - 1,
        input: { decisionDate: "2024-05-19", reference: "ALN 2024-05-19 § 40" },
      },
    });
    expect(stale.errorCodes).toEqual(["CONFLICT"]);
    const early = await app.call(DECIDE, {
      ...WRITE,
      variables: { id: fx.roundId, v: fx.version, input: { decisionDate: "2024-03-15", reference: "x" } },
    });
    expect(early.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(early.errors?.[0].message).toMatch(/^input\.decisionDate/);
    const decided = await app.ok(DECIDE, {
      ...WRITE,
      variables: {
        id: fx.roundId,
        v: fx.version,
        input: { decisionDate: "2024-05-19", reference: "ALN 2024-05-19 § 40" },
      },
    });
    expect(decided.recordDonationBoardDecision).toEqual({
      status: "DECIDED",
      decisionDate: "2024-05-19",
      decisionReference: "ALN 2024-05-19 § 40",
    });

    const anna = byPerson.get(people.anna)!.allocation;
    const after = await app.call(ADJUST, {
      ...WRITE,
      variables: { input: { allocationId: anna.id, amount: "100", reason: "För sent", expectedVersion: anna.version } },
    });
    expect(after.errorCodes).toEqual(["CONFLICT"]);
    expect(after.errors?.[0].message).toMatch(/DECIDED/);

    const payouts = await app.ok(
      `query($id: ID!) { donationPayouts(roundId: $id, first: 50) { totalCount nodes { id personnummer amount scheduledDate paid fund { code } } } }`,
      {
        ...READ,
        variables: { id: fx.roundId },
      },
    );
    expect(payouts.donationPayouts.totalCount).toBe(4);
    expect(payouts.donationPayouts.nodes.map((p: { amount: string }) => p.amount).sort()).toEqual([
      "300.00",
      "3000.00",
      "334.00",
      "366.00",
    ]);
    expect(
      payouts.donationPayouts.nodes.every(
        (p: { paid: boolean; scheduledDate: string }) => !p.paid && p.scheduledDate === "2024-06-15",
      ),
    ).toBe(true);
  });

  it("marks each payout paid exactly once", async () => {
    const list = await app.ok(`query($id: ID!) { donationPayouts(roundId: $id, paid: false) { nodes { id } } }`, {
      ...READ,
      variables: { id: fx.roundId },
    });
    const first = list.donationPayouts.nodes[0].id;
    const PAY = `mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id paid payment { paidOn paidBy reference } } }`;
    const paid = await app.ok(PAY, {
      ...WRITE,
      variables: { input: { payoutId: first, paidOn: "2024-06-15", reference: "UB-2024-0001" } },
    });
    expect(paid.markDonationPayoutPaid).toEqual({
      id: first,
      paid: true,
      payment: { paidOn: "2024-06-15", paidBy: "handlaggare-anna", reference: "UB-2024-0001" },
    });
    const again = await app.call(PAY, { ...WRITE, variables: { input: { payoutId: first, paidOn: "2024-06-16" } } });
    expect(again.errorCodes).toEqual(["CONFLICT"]);
    expect(again.errors?.[0].message).toMatch(/already paid \(2024-06-15, UB-2024-0001\)/);
    const beforeDecision = await app.call(PAY, {
      ...WRITE,
      variables: { input: { payoutId: list.donationPayouts.nodes[1].id, paidOn: "2024-05-01" } },
    });
    expect(beforeDecision.errorCodes).toEqual(["BAD_USER_INPUT"]);
    const unpaid = await app.ok(
      `query($id: ID!) { donationPayouts(roundId: $id, paid: false) { totalCount } p: donationPayouts(roundId: $id, paid: true) { totalCount } }`,
      {
        ...READ,
        variables: { id: fx.roundId },
      },
    );
    expect([unpaid.donationPayouts.totalCount, unpaid.p.totalCount]).toEqual([3, 1]);
  });

  it("reports the round per fund from the records", async () => {
    const r = await app.ok(
      `{ donationReport(from: "2024-01-01", to: "2024-12-31") { amountDistributed amountPaid distinctPersonsReached rounds { applications refused eligible ineligible granted personsReached amountDistributed rejectedByReason { reason count } funds { fundCode amountAvailable applications granted amountDistributed amountRemaining personsReached } } } }`,
      { scopes: ["donationsfonder:stats:exact"] },
    );
    const report = r.donationReport;
    expect(report.amountDistributed).toBe("4000.00");
    expect(report.distinctPersonsReached).toBe(4);
    expect(report.rounds[0]).toMatchObject({
      applications: 8,
      refused: 2,
      eligible: 4,
      ineligible: 2,
      granted: 4,
      personsReached: 4,
    });
    expect(report.rounds[0].rejectedByReason).toEqual([
      { reason: "LATE", count: 1 },
      { reason: "DUPLICATE", count: 1 },
      { reason: "NOT_RESIDENT", count: 1 },
      { reason: "PURPOSE_NOT_COVERED", count: 1 },
    ]);
    expect(report.rounds[0].funds).toEqual([
      {
        fundCode: "T_ELDERLY",
        amountAvailable: "5000.00",
        applications: 1,
        granted: 1,
        amountDistributed: "3000.00",
        amountRemaining: "2000.00",
        personsReached: 1,
      },
      {
        fundCode: "T_GLASSES",
        amountAvailable: "1000.00",
        applications: 3,
        granted: 3,
        amountDistributed: "1000.00",
        amountRemaining: "0.00",
        personsReached: 3,
      },
      {
        fundCode: "T_GENERAL",
        amountAvailable: "0.00",
        applications: 0,
        granted: 0,
        amountDistributed: "0.00",
        amountRemaining: "0.00",
        personsReached: 0,
      },
    ]);
    expect(Number(report.amountPaid)).toBeGreaterThan(0);
  });

  it("has logged the person-level reads and every change", async () => {
    const log = await app.ok(
      `query($f: AccessLogFilter) { accessLog(filter: $f, first: 100) { nodes { actor action operation recordIds } } }`,
      {
        scopes: ["audit:read"],
        variables: { f: { domain: "donationsfonder", person: people.cecilia } },
      },
    );
    const ops = log.accessLog.nodes.map((n: { action: string; operation: string }) => `${n.action} ${n.operation}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        "CREATE Mutation.registerDonationApplication",
        "UPDATE Mutation.updateDonationApplication",
        "READ Query.donationApplications",
        "CREATE Mutation.allocateDonationRound",
        "UPDATE Mutation.adjustDonationAllocation",
        "CREATE Mutation.recordDonationBoardDecision",
        "READ Query.donationPayouts",
      ]),
    );
    const round = await app.ok(ROUND, { ...READ, variables: { id: fx.roundId } });
    expect(round.donationRound.status).toBe("DECIDED");
  });
});
