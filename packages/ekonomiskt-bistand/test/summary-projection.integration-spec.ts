import fc from "fast-check";
import { TestApp, makePersonnummer, summariesAgainstRebuild, testDatabaseKind } from "@arbetsliv/core/testing";
import { ekonomisktBistandModule } from "../src";
import { HousingType, MemberRole } from "../src/enums";
import { HouseholdMember } from "../src/household/household-member.entity";
import { Household } from "../src/household/household.entity";
import { monthRange } from "../src/shared/month";
import { saveGrantedMonth } from "./helpers";

/*
 * The module's summary projections, checked the generic way: households with a granted decision
 * for every month (set up as records), then random payouts and corrections through the real
 * GraphQL mutations — corrections to zero and back, so paid months toggle and long-term
 * households cross the 11-of-12 edge both ways — and the rows kept on write must equal a rebuild.
 */

const CASEWORKER = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:write"];
const PAY = `mutation($input: PayAssistanceDecisionInput!) { payAssistanceDecision(input: $input) { payout { id } } }`;
const CORRECT = `mutation($input: CorrectAssistancePayoutInput!) { correctAssistancePayout(input: $input) { id } }`;
const MONTHS = monthRange("2021-01", "2022-06");
const HOUSEHOLDS = 3;
const AMOUNT = 500000; // öre, every decision

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("pay" as const),
      household: fc.nat(HOUSEHOLDS - 1),
      month: fc.nat(MONTHS.length - 1),
      day: fc.integer({ min: 1, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("correct" as const),
      payout: fc.nat(),
      // Whole corrections to zero and back up, and partial ones (some refused by the rules).
      amount: fc.oneof(
        fc.constant(-AMOUNT),
        fc.constant(AMOUNT),
        fc.integer({ min: -AMOUNT, max: AMOUNT }).filter((n) => n !== 0),
      ),
      day: fc.integer({ min: 10, max: 28 }),
    }),
  },
);

describe(`ekonomiskt bistånd's summary rows after random writes on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const decisions: number[][] = []; // [household][month index] → decision id
  const payouts: { id: string; month: string }[] = [];
  let corrections = 0;

  beforeAll(async () => {
    app = await TestApp.start([ekonomisktBistandModule]);
    await app.ds.transaction(async (m) => {
      for (let h = 0; h < HOUSEHOLDS; h++) {
        const household = await m.save(
          m.create(Household, {
            street: `Slumpgatan ${h}`,
            postalCode: "50330",
            city: "Borås",
            housingType: HousingType.RENTAL,
            monthlyRent: 600000,
            protectedIdentity: false,
            createdAt: new Date("2020-12-01T00:00:00Z"),
          }),
        );
        await m.save(
          m.create(HouseholdMember, {
            householdId: household.id,
            role: MemberRole.APPLICANT,
            personnummer: makePersonnummer("1981-04-04", 700 + h),
            name: `Sökande ${h}`,
            birthDate: "1981-04-04",
            lunchAtPreschool: false,
            inUpperSecondary: false,
            includedInNorm: true,
            joinedOn: "2020-12-01",
            leftOn: null,
          }),
        );
        decisions.push([]);
        for (const month of MONTHS) {
          const d = await saveGrantedMonth(m, household.id, month, AMOUNT, { decidedOn: `${month}-01` });
          decisions[h].push(d.id);
        }
      }
    });
  });
  afterAll(() => app.close());

  /** Pays a decision (again: the first payout comes back) or corrects a payout; a refusal by the rules is part of the test. */
  async function run(
    o:
      | { op: "pay"; household: number; month: number; day: number }
      | { op: "correct"; payout: number; amount: number; day: number },
  ): Promise<void> {
    if (o.op === "pay") {
      const month = MONTHS[o.month];
      const r = await app.ok(PAY, {
        scopes: CASEWORKER,
        variables: {
          input: { decisionId: String(decisions[o.household][o.month]), paymentDate: `${month}-0${o.day}` },
        },
      });
      if (!payouts.some((p) => p.id === r.payAssistanceDecision.payout.id))
        payouts.push({ id: r.payAssistanceDecision.payout.id, month });
      return;
    }
    if (payouts.length === 0) return;
    const p = payouts[o.payout % payouts.length];
    const input = {
      payoutId: p.id,
      amount: (o.amount / 100).toFixed(2),
      reason: "Rättelse",
      paymentDate: `${p.month}-${o.day}`,
    };
    const r = await app.call(CORRECT, { scopes: CASEWORKER, variables: { input } });
    if (r.errors) expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    else corrections++;
  }

  it("keeps rows equal to a rebuild from the payouts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 30, maxLength: 60 }), async (ops) => {
        for (const o of ops) await run(o);
        const { kept, rebuilt } = await summariesAgainstRebuild(app.ds, ekonomisktBistandModule.summaries!.tables);
        expect(kept).toEqual(rebuilt);
      }),
      { numRuns: 6, seed: 15, endOnFailure: true },
    );
    // Not vacuous: corrections went through, months toggled to zero, and long-term households were counted.
    expect(corrections).toBeGreaterThan(10);
    const { kept } = await summariesAgainstRebuild(app.ds, ekonomisktBistandModule.summaries!.tables);
    const [{ n }] = await app.ds.query("SELECT COUNT(*) AS n FROM eb_paid_month WHERE netAmount = 0");
    expect(Number(n)).toBeGreaterThan(0);
    expect(kept.eb_month_figures.some((row) => (row[2] as number) > 0)).toBe(true);
  });
});
