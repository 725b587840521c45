import fc from "fast-check";
import { addDays } from "@arbetsliv/core/values";
import { TestApp, makePersonnummer, summariesAgainstRebuild, testDatabaseKind } from "@arbetsliv/core/testing";
import { donationsfonderModule } from "../src";
import { READ, WRITE, register, setUpRound, type RoundFixture } from "./fixture";

/*
 * The module's summary projections, checked the generic way: random rounds driven through the
 * real GraphQL mutations — registrations (in time, late, early, duplicates), allocations and
 * re-allocations, adjustments, board decisions in random order (so reach is linked out of payout
 * order), payments — and after each phase the rows kept on write must equal a rebuild.
 */

const ALLOCATE = `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { version } }`;
const ADJUST = `mutation($input: AdjustDonationAllocationInput!) { adjustDonationAllocation(input: $input) { id } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $input: DonationBoardDecisionInput!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: $input) { status } }`;
const PAY = `mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id } }`;
const ALLOCATIONS = `query($id: ID!) { donationApplications(roundId: $id, status: ELIGIBLE, first: 100) { nodes { allocation { id amount version } } } }`;
const PAYOUTS = `query($id: ID!) { donationPayouts(roundId: $id, first: 100) { nodes { id } } }`;

const YEARS = [2022, 2023, 2024, 2025];
const PERSONS = Array.from({ length: 6 }, (_, i) => makePersonnummer(`19${40 + i * 7}-0${1 + (i % 9)}-1${i}`, 100 + i));
// Mostly purposes the funds cover; RENT_OR_DEBT none does.
const PURPOSES = ["GLASSES", "GLASSES", "DENTAL_CARE", "CLOTHES", "SHOES", "RENT_OR_DEBT"];

const applicationArb = fc.record({
  person: fc.nat(PERSONS.length - 1),
  day: fc.integer({ min: -2, max: 32 }), // from 1 March: some early, some late
  purpose: fc.constantFrom(...PURPOSES),
  kronor: fc.integer({ min: 1, max: 40 }).map((n) => n * 100),
  income: fc.integer({ min: 50, max: 150 }).map((n) => n * 1000),
  resident: fc.constantFrom(true, true, true, false),
});
const roundArb = fc.record({
  budgets: fc.record({
    elderly: fc.integer({ min: 1000, max: 8000 }),
    glasses: fc.integer({ min: 500, max: 4000 }),
    general: fc.integer({ min: 1000, max: 6000 }),
  }),
  applications: fc.array(applicationArb, { minLength: 5, maxLength: 9 }),
  reallocate: fc.boolean(),
  adjustments: fc.array(fc.record({ allocation: fc.nat(), kronor: fc.oneof(fc.constant(0), fc.nat(3000)) }), {
    minLength: 1,
    maxLength: 4,
  }),
  paid: fc.array(fc.constantFrom(true, true, false), { minLength: 12, maxLength: 12 }),
});
const scenarioArb = fc.record({
  rounds: fc.array(roundArb, { minLength: YEARS.length, maxLength: YEARS.length }),
  decisionOrder: fc.shuffledSubarray(YEARS, { minLength: YEARS.length, maxLength: YEARS.length }),
});

describe(`donationsfonder's summary rows after random writes on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
  });
  afterAll(() => app.close());

  async function expectKeptEqualRebuild(): Promise<void> {
    const { kept, rebuilt } = await summariesAgainstRebuild(app.ds, donationsfonderModule.summaries!.tables);
    expect(kept).toEqual(rebuilt);
  }
  /** A mutation the rules may refuse; a refusal must move nothing. */
  async function tryCall(source: string, variables: Record<string, unknown>): Promise<boolean> {
    const r = await app.call(source, { ...WRITE, variables });
    if (r.errors) expect(["BAD_USER_INPUT", "CONFLICT"]).toContain(r.errorCodes?.[0]);
    return !r.errors;
  }

  it("keeps rows equal to a rebuild through registrations, allocations, adjustments, decisions and payments", async () => {
    const [scenario] = fc.sample(scenarioArb, { seed: 15, numRuns: 1 });
    const rounds = new Map<number, RoundFixture>();
    for (const [i, year] of YEARS.entries()) {
      const plan = scenario.rounds[i];
      const fx = await setUpRound(app, year, plan.budgets);
      rounds.set(year, fx);
      for (const a of plan.applications) {
        await register(app, {
          roundId: fx.roundId,
          personnummer: PERSONS[a.person],
          receivedDate: addDays(`${year}-03-01`, a.day),
          resident: a.resident,
          householdSize: 1,
          yearlyIncome: String(a.income),
          purposes: [a.purpose],
          amountRequested: String(a.kronor),
        });
      }
    }
    await expectKeptEqualRebuild();

    for (const [i, year] of YEARS.entries()) {
      const plan = scenario.rounds[i];
      const fx = rounds.get(year)!;
      for (let n = plan.reallocate ? 2 : 1; n > 0; n--) {
        fx.version = (
          await app.ok(ALLOCATE, { ...WRITE, variables: { id: fx.roundId, v: fx.version } })
        ).allocateDonationRound.version;
      }
      for (const adj of plan.adjustments) {
        const nodes = (await app.ok(ALLOCATIONS, { ...READ, variables: { id: fx.roundId } })).donationApplications
          .nodes;
        const allocation = nodes
          .map((x: { allocation: { id: string; version: number } | null }) => x.allocation)
          .filter(Boolean)[adj.allocation % Math.max(nodes.length, 1)];
        if (!allocation) continue;
        await tryCall(ADJUST, {
          input: {
            allocationId: allocation.id,
            amount: String(adj.kronor),
            reason: "Slumpad justering",
            expectedVersion: allocation.version,
          },
        });
      }
    }
    await expectKeptEqualRebuild();

    let paid = 0;
    for (const year of scenario.decisionOrder) {
      const fx = rounds.get(year)!;
      await app.ok(DECIDE, {
        ...WRITE,
        variables: {
          id: fx.roundId,
          v: fx.version,
          input: { decisionDate: `${year}-05-19`, reference: `Beslut ${year}` },
        },
      });
      await expectKeptEqualRebuild();
      const payouts = (await app.ok(PAYOUTS, { ...READ, variables: { id: fx.roundId } })).donationPayouts.nodes as {
        id: string;
      }[];
      const plan = scenario.rounds[YEARS.indexOf(year)];
      for (const [k, p] of payouts.entries()) {
        if (
          plan.paid[k % plan.paid.length] &&
          (await tryCall(PAY, { input: { payoutId: p.id, paidOn: `${year}-06-20` } }))
        )
          paid++;
      }
    }
    await expectKeptEqualRebuild();

    // Not vacuous: money was granted, some of it paid, and persons were reached in more than one round.
    expect(paid).toBeGreaterThan(0);
    const { kept } = await summariesAgainstRebuild(app.ds, donationsfonderModule.summaries!.tables);
    const funds = kept.donation_round_fund_summary as number[][]; // roundId, fundId, applications, granted, allocated, paid
    expect(funds.some((f) => f[3] < f[2])).toBe(true);
    expect(funds.some((f) => f[5] > 0 && f[5] === f[4]) && funds.some((f) => f[4] > 0 && f[5] === 0)).toBe(true);
    expect(kept.donation_reach_summary.some((row) => row[1] !== 0)).toBe(true);
    expect(kept.donation_round_status_summary.length).toBeGreaterThan(YEARS.length * 2);
  });
});
