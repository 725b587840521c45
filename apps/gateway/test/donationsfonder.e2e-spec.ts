import { coreModule } from "@arbetsliv/core";
import { luhnCheckDigit } from "@arbetsliv/core/values";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { donationsfonderModule } from "@arbetsliv/donationsfonder";
import { TestGateway } from "./harness";

const ADMIN = { scopes: ["donationsfonder:admin"] };
const WRITE = { scopes: ["donationsfonder:write"], subject: "e2e-handlaggare" };
const READ = { scopes: ["donationsfonder:read"], subject: "e2e-handlaggare" };
const STATS = { scopes: ["donationsfonder:stats"] };
/** The board's own report: exact figures, small counts included (access-logged). */
const EXACT = { scopes: ["donationsfonder:stats:exact"] };

/** A valid personnummer for a birth date and serial. */
function pnr(birthDate: string, serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const nnn = String(serial).padStart(3, "0");
  return `${y}${m}${d}${nnn}${luhnCheckDigit(`${y.slice(2)}${m}${d}${nnn}`)}`;
}

/** The donation funds through the gateway over HTTP: the demo's 2021 figures and a whole 2024 round. */
describe(`donationsfonder through the gateway on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await TestGateway.start({}, [coreModule, donationsfonderModule]);
  });
  afterAll(() => gw.stop());

  it("reports 2021 from the demo records: 469 718 kr, 348 and 381 persons", async () => {
    const r = await gw.ok(
      `{ donationReport(from: "2021-01-01", to: "2021-12-31") { amountDistributed rounds { term personsReached } } }`,
      EXACT,
    );
    expect(r.donationReport).toEqual({
      amountDistributed: "469718.00",
      rounds: [
        { term: "SPRING", personsReached: 348 },
        { term: "AUTUMN", personsReached: 381 },
      ],
    });
  });

  it("keeps applications from callers without the person-level scope", async () => {
    expect((await gw.gql(`{ donationFunds { id } }`)).codes).toEqual(["UNAUTHENTICATED"]);
    const r = await gw.gql(`{ donationApplications(roundId: "1") { totalCount } }`, STATS);
    expect(r.codes).toEqual(["FORBIDDEN"]);
  });

  it("runs a whole round: open, apply, allocate, adjust, decide, pay, report", async () => {
    const funds = await gw.ok(`{ donationFunds { id code } }`, STATS);
    const fundId = (code: string) => funds.donationFunds.find((f: { code: string }) => f.code === code).id;

    const opened = await gw.ok(
      `mutation { openDonationRounds(input: { year: 2024, priceBaseAmount: "57300", policy: EQUAL, remainderRule: DISTRIBUTE_IN_ORDER }) { id version applicationCloses } }`,
      ADMIN,
    );
    const round = opened.openDonationRounds[0];
    expect(round.applicationCloses).toBe("2024-03-31");
    for (const [code, available] of [
      ["PALMQVIST", "1000"],
      ["SAMFOND_1", "2500"],
    ]) {
      await gw.ok(`mutation($i: DonationFundBudgetInput!) { setDonationFundBudget(input: $i) { id } }`, {
        ...ADMIN,
        variables: { i: { roundId: round.id, fundId: fundId(code), available } },
      });
    }

    const REGISTER = `mutation($i: RegisterDonationApplicationInput!) { registerDonationApplication(input: $i) { id status rejectionReason } }`;
    const base = {
      roundId: round.id,
      resident: true,
      householdSize: 1,
      yearlyIncome: "90000",
      amountRequested: "3000",
    };
    const registered = [];
    for (const [i, [purpose, date]] of [
      ["GLASSES", "2024-03-04"],
      ["GLASSES", "2024-03-05"],
      ["GLASSES", "2024-03-06"],
      ["DENTAL_CARE", "2024-03-07"],
      ["DENTAL_CARE", "2024-04-03"],
    ].entries()) {
      const r = await gw.ok(REGISTER, {
        ...WRITE,
        variables: {
          i: { ...base, personnummer: pnr("1981-04-1" + i, 100 + i), purposes: [purpose], receivedDate: date },
        },
      });
      registered.push(r.registerDonationApplication);
    }
    expect(registered.map((r) => r.status)).toEqual(["RECEIVED", "RECEIVED", "RECEIVED", "RECEIVED", "REFUSED"]);
    expect(registered[4].rejectionReason).toBe("LATE");

    const allocated = await gw.ok(
      `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status version } }`,
      {
        ...WRITE,
        variables: { id: round.id, v: round.version },
      },
    );
    expect(allocated.allocateDonationRound.status).toBe("ALLOCATED");

    const list = await gw.ok(
      `query($id: ID!) { donationApplications(roundId: $id, status: ELIGIBLE) { nodes { id fund { code } allocation { id amount version explanation } } } }`,
      {
        ...READ,
        variables: { id: round.id },
      },
    );
    const nodes = list.donationApplications.nodes;
    expect(
      nodes.map((n: { fund: { code: string }; allocation: { amount: string } }) => [n.fund.code, n.allocation.amount]),
    ).toEqual([
      ["PALMQVIST", "334.00"],
      ["PALMQVIST", "333.00"],
      ["PALMQVIST", "333.00"],
      ["SAMFOND_1", "2500.00"],
    ]);

    const last = nodes[2].allocation;
    const adjusted = await gw.ok(
      `mutation($i: AdjustDonationAllocationInput!) { adjustDonationAllocation(input: $i) { amount } }`,
      {
        ...WRITE,
        variables: {
          i: {
            allocationId: last.id,
            amount: "300",
            reason: "Glasögon delvis betalda av region",
            expectedVersion: last.version,
          },
        },
      },
    );
    expect(adjusted.adjustDonationAllocation.amount).toBe("300.00");

    await gw.ok(
      `mutation($id: ID!, $v: Int!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: { decisionDate: "2024-05-19", reference: "ALN 2024-05-19" }) { status } }`,
      {
        ...WRITE,
        variables: { id: round.id, v: allocated.allocateDonationRound.version },
      },
    );
    const payouts = await gw.ok(
      `query($id: ID!) { donationPayouts(roundId: $id) { totalCount nodes { id amount } } }`,
      { ...READ, variables: { id: round.id } },
    );
    expect(payouts.donationPayouts.totalCount).toBe(4);
    const PAY = `mutation($i: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $i) { paid } }`;
    const payoutId = payouts.donationPayouts.nodes[0].id;
    expect(
      (await gw.ok(PAY, { ...WRITE, variables: { i: { payoutId, paidOn: "2024-06-15" } } })).markDonationPayoutPaid
        .paid,
    ).toBe(true);
    expect((await gw.gql(PAY, { ...WRITE, variables: { i: { payoutId, paidOn: "2024-06-15" } } })).codes).toEqual([
      "CONFLICT",
    ]);

    const report = await gw.ok(
      `{ donationReport(from: "2024-01-01", to: "2024-12-31") { amountDistributed rounds { applications refused granted personsReached rejectedByReason { reason count } } } }`,
      EXACT,
    );
    expect(report.donationReport).toEqual({
      amountDistributed: "3467.00",
      rounds: [
        {
          applications: 5,
          refused: 1,
          granted: 4,
          personsReached: 4,
          rejectedByReason: [{ reason: "LATE", count: 1 }],
        },
      ],
    });

    const log = await gw.ok(
      `{ accessLog(filter: { actor: "e2e-handlaggare", domain: "donationsfonder" }, first: 50) { nodes { action operation } } }`,
      { scopes: ["audit:read"] },
    );
    const ops = log.accessLog.nodes.map((n: { action: string; operation: string }) => `${n.action} ${n.operation}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        "READ Query.donationApplications",
        "READ Query.donationPayouts",
        "UPDATE Mutation.adjustDonationAllocation",
        "UPDATE Mutation.markDonationPayoutPaid",
      ]),
    );
  });
});
