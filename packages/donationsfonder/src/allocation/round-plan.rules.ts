import type { LocalDate, Ore } from "@arbetsliv/core/values";
import { ApplicationStatus, type AllocationPolicy, type RejectionReason, type RemainderRule } from "../shared/enums";
import { ORE_PER_KRONA } from "../shared/format";
import { allocateFund, type Claim } from "./allocation-policy.rules";
import { assessEligibility, type ApplicantFacts, type FundRules } from "./eligibility.rules";

export interface PlannedApplication extends ApplicantFacts {
  id: number;
  receivedDate: LocalDate;
  amountRequested: Ore;
}

export interface RoundForPlan {
  priceBaseAmount: Ore;
  applicationCloses: LocalDate;
  policy: AllocationPolicy;
  remainderRule: RemainderRule;
  maxPerApplication: Ore | null;
}

export interface ApplicationOutcome {
  applicationId: number;
  status: ApplicationStatus.ELIGIBLE | ApplicationStatus.INELIGIBLE;
  fundId: number | null;
  rejectionReason: RejectionReason | null;
  rejectionText: string | null;
  assessment: string;
}

export interface PlannedAllocation {
  applicationId: number;
  fundId: number;
  /** Öre, whole kronor. */
  amount: Ore;
  explanation: string;
}

export interface RoundPlan {
  outcomes: ApplicationOutcome[];
  allocations: PlannedAllocation[];
}

const wholeKronor = (ore: Ore) => Math.floor(ore / ORE_PER_KRONA);

/**
 * The whole round, pure: assess every application against the funds (first qualifying fund
 * in the published order), then allocate each fund's available amount among the
 * applications drawn from it with the round's one published policy. The service persists
 * the result; the demo seed uses the same function.
 */
export function planRound(
  round: RoundForPlan,
  funds: readonly (FundRules & { name: string })[],
  applications: readonly PlannedApplication[],
): RoundPlan {
  const outcomes: ApplicationOutcome[] = [];
  const claimsByFund = new Map<number, Claim[]>();
  const rules = { priceBaseAmount: round.priceBaseAmount, ageOn: round.applicationCloses };
  for (const app of applications) {
    const a = assessEligibility(app, funds, rules);
    if (a.eligible) {
      outcomes.push({
        applicationId: app.id,
        status: ApplicationStatus.ELIGIBLE,
        fundId: a.fundId,
        rejectionReason: null,
        rejectionText: null,
        assessment: a.explanation,
      });
      const list = claimsByFund.get(a.fundId) ?? [];
      list.push({ applicationId: app.id, receivedDate: app.receivedDate, asked: wholeKronor(app.amountRequested) });
      claimsByFund.set(a.fundId, list);
    } else {
      outcomes.push({
        applicationId: app.id,
        status: ApplicationStatus.INELIGIBLE,
        fundId: null,
        rejectionReason: a.reason,
        rejectionText: a.text,
        assessment: a.explanation,
      });
    }
  }
  const allocations: PlannedAllocation[] = [];
  const config = {
    policy: round.policy,
    remainderRule: round.remainderRule,
    maxPerApplication: round.maxPerApplication === null ? null : wholeKronor(round.maxPerApplication),
  };
  for (const fund of funds) {
    const claims = claimsByFund.get(fund.id);
    if (!claims) continue;
    for (const line of allocateFund(fund.name, wholeKronor(fund.available), claims, config)) {
      allocations.push({
        applicationId: line.applicationId,
        fundId: fund.id,
        amount: line.amount * ORE_PER_KRONA,
        explanation: line.explanation,
      });
    }
  }
  return { outcomes, allocations };
}
