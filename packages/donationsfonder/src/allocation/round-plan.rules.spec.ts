import { makePersonnummer } from "@arbetsliv/core/testing";
import { AllocationPolicy, ApplicationStatus, Purpose, RejectionReason, RemainderRule } from "../shared/enums";
import type { FundRules } from "./eligibility.rules";
import { planRound, type PlannedApplication } from "./round-plan.rules";

const fund = (id: number, purposes: Purpose[], available: number, over: Partial<FundRules> = {}): FundRules => ({
  id,
  name: `Fund ${id}`,
  publishedOrder: id,
  residentRequired: true,
  minAge: null,
  maxAge: null,
  minHouseholdSize: null,
  incomeLimitBasePercent: 250,
  incomeLimitPerExtraPercent: 75,
  purposes,
  available,
  ...over,
});

const app = (
  id: number,
  purposes: Purpose[],
  asked: number,
  over: Partial<PlannedApplication> = {},
): PlannedApplication => ({
  id,
  personnummer: makePersonnummer("1984-05-05", id),
  receivedDate: `2022-03-${String(id).padStart(2, "0")}`,
  resident: true,
  householdSize: 1,
  yearlyIncome: 80_000_00,
  purposes,
  amountRequested: asked * 100,
  ...over,
});

const round = {
  priceBaseAmount: 48_300_00,
  applicationCloses: "2022-03-31",
  policy: AllocationPolicy.EQUAL,
  remainderRule: RemainderRule.DISTRIBUTE_IN_ORDER,
  maxPerApplication: null,
};

describe("a whole round, planned", () => {
  const funds = [fund(1, [Purpose.GLASSES], 1_000_00), fund(2, [Purpose.DENTAL_CARE, Purpose.GLASSES], 2_501_00)];
  const apps = [
    app(1, [Purpose.GLASSES], 3000),
    app(2, [Purpose.DENTAL_CARE], 5000),
    app(3, [Purpose.DENTAL_CARE], 5000),
    app(4, [Purpose.GLASSES], 3000),
    app(5, [Purpose.RENT_OR_DEBT], 9000),
  ];

  it("routes each application to its first qualifying fund and allocates each fund separately", () => {
    const plan = planRound(round, funds, apps);
    expect(plan.outcomes.map((o) => [o.applicationId, o.status, o.fundId])).toEqual([
      [1, ApplicationStatus.ELIGIBLE, 1],
      [2, ApplicationStatus.ELIGIBLE, 2],
      [3, ApplicationStatus.ELIGIBLE, 2],
      [4, ApplicationStatus.ELIGIBLE, 1],
      [5, ApplicationStatus.INELIGIBLE, null],
    ]);
    expect(plan.outcomes[4].rejectionReason).toBe(RejectionReason.PURPOSE_NOT_COVERED);
    // öre in, whole kronor out: fund 1 500 + 500, fund 2 1 251 + 1 250 (the krona to the earlier application)
    expect(plan.allocations.map((a) => [a.applicationId, a.amount])).toEqual([
      [1, 500_00],
      [4, 500_00],
      [2, 1_251_00],
      [3, 1_250_00],
    ]);
  });

  it("is the same whatever order the applications come in", () => {
    const sorted = (p: ReturnType<typeof planRound>) =>
      [...p.allocations].sort((a, b) => a.applicationId - b.applicationId);
    expect(sorted(planRound(round, funds, [...apps].reverse()))).toEqual(sorted(planRound(round, funds, apps)));
  });

  it("applies the round's cap, in whole kronor, to the need-based policy", () => {
    const plan = planRound({ ...round, policy: AllocationPolicy.NEED_BASED, maxPerApplication: 1_000_00 }, funds, apps);
    expect(plan.allocations.map((a) => a.amount)).toEqual([500_00, 500_00, 1_000_00, 1_000_00]);
  });
});
