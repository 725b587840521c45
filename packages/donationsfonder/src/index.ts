import "reflect-metadata";
import { defineModule } from "@arbetsliv/core";
import { AllocationAdjustment } from "./allocation/allocation-adjustment.entity";
import { Allocation } from "./allocation/allocation.entity";
import { AllocationResolver } from "./allocation/allocation.resolver";
import { allocationGraph } from "./allocation/allocation.graph";
import { Application } from "./application/application.entity";
import { ApplicationResolver } from "./application/application.resolver";
import { applicationGraph } from "./application/application.graph";
import { FundBudget } from "./fund/fund-budget.entity";
import { Fund } from "./fund/fund.entity";
import { FundResolver } from "./fund/fund.resolver";
import { donationsfonderEvents } from "./events";
import { donationsfonderMigrations } from "./migrations";
import { PayoutPayment } from "./payout/payout-payment.entity";
import { Payout } from "./payout/payout.entity";
import { PayoutResolver } from "./payout/payout.resolver";
import { payoutGraph } from "./payout/payout.graph";
import { RoundSchedule } from "./round/round-schedule.entity";
import { Round } from "./round/round.entity";
import { RoundResolver } from "./round/round.resolver";
import { fundBudgetGraph, roundGraph } from "./round/round.graph";
import { DOMAIN, DonationScopes } from "./scopes";
import { seedDemo } from "./seed/demo";
import { StatisticsResolver } from "./statistics/statistics.resolver";
import { PaymentDaysResolver } from "./statistics/payment-days.resolver";
import { ReachSummary, RoundFundSummary, RoundStatusSummary } from "./statistics/summary.entities";
import { applicationRetention } from "./retention/application-retention";
import { donationSummaries } from "./statistics/summary";

export const donationsfonderModule = defineModule({
  name: DOMAIN,
  description: "The city's social donation funds: yearly round, eligibility, allocation, board decision, payout.",
  entities: [
    Fund,
    FundBudget,
    RoundSchedule,
    Round,
    Application,
    Allocation,
    AllocationAdjustment,
    Payout,
    PayoutPayment,
    RoundStatusSummary,
    RoundFundSummary,
    ReachSummary,
  ],
  resolvers: [
    FundResolver,
    RoundResolver,
    ApplicationResolver,
    AllocationResolver,
    PayoutResolver,
    StatisticsResolver,
    PaymentDaysResolver,
  ],
  graphs: [roundGraph, fundBudgetGraph, applicationGraph, allocationGraph, payoutGraph],
  migrations: donationsfonderMigrations,
  scopes: [
    {
      name: DonationScopes.READ,
      description: "Read applications, allocations per applicant and the payout list (person-level, access-logged).",
      personLevel: true,
    },
    {
      name: DonationScopes.WRITE,
      description:
        "Register and correct applications, allocate a round, adjust allocations, record the board decision, mark payouts paid.",
      personLevel: true,
    },
    {
      name: DonationScopes.STATS,
      description:
        "Aggregated reports per round and fund (no person data); counts below DISCLOSURE_MIN_CELL (3) and the cells that would reveal them are suppressed.",
    },
    {
      name: DonationScopes.STATS_EXACT,
      description:
        "The board secretariat's report: exact figures including small counts (which can point to an applicant; every read is access-logged).",
      personLevel: true,
    },
    {
      name: DonationScopes.ADMIN,
      description:
        "Funds and their statutes, the round schedule, rounds, policies and fund budgets (core admin may do the same).",
    },
    {
      name: DonationScopes.EVENTS,
      description:
        "Receive the domain's events: ids and non-personal facts; details through GraphQL with your own scopes.",
    },
  ],
  events: donationsfonderEvents,
  seedDemo,
  retention: applicationRetention,
  summaries: donationSummaries,
});

export { DonationScopes } from "./scopes";
export * from "./shared/enums";
export { Fund, FundBudget, RoundSchedule, Round, Application, Allocation, AllocationAdjustment, Payout, PayoutPayment };
export {
  allocateFund,
  equalLevel,
  type AllocationLine,
  type Claim,
  type PolicyConfig,
} from "./allocation/allocation-policy.rules";
export {
  assessEligibility,
  checkFund,
  incomeLimit,
  type Assessment,
  type FundRules,
  type ApplicantFacts,
} from "./allocation/eligibility.rules";
export { planRound, type RoundPlan } from "./allocation/round-plan.rules";
export { StatisticsService, controlDonationReport } from "./statistics/statistics.service";
export { rebuildDonationSummaries } from "./statistics/summary";
export { STATUS_SUMMARY, FUND_SUMMARY, REACH_SUMMARY } from "./statistics/summary";
export { RoundStatusSummary, RoundFundSummary, ReachSummary };
export { REFERENCE_FUNDS, REFERENCE_SCHEDULE, PRICE_BASE_AMOUNT } from "./seed/reference-data";
export { seedDemo };
export { roundOpened, roundDecided, payoutMade, donationsfonderEvents } from "./events";
export { applicationRetention };
export { statusRowsStatement, fundRowsStatement, distinctReachStatement } from "./statistics/report.statements";
