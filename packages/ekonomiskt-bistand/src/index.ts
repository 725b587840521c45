import { defineModule } from "@arbetsliv/core";
import { Application, ApplicationCost, ApplicationIncome } from "./application/application.entity";
import { ApplicationResolver, CalculationResolver } from "./application/application.resolver";
import { applicationGraph, calculationGraph } from "./application/application.graph";
import { Calculation, CalculationLine } from "./calculation/calculation.entity";
import { CostCap } from "./calculation/cost-cap.entity";
import { Decision } from "./decision/decision.entity";
import { DecisionResolver } from "./decision/decision.resolver";
import { decisionGraph } from "./decision/decision.graph";
import { Payout } from "./decision/payout.entity";
import { FutResolver } from "./fut/fut.resolver";
import { incorrectPaymentCaseGraph } from "./fut/fut.graph";
import { IncorrectPaymentCase, IncorrectPaymentCasePayout } from "./fut/incorrect-payment-case.entity";
import { Recovery } from "./fut/recovery.entity";
import { HouseholdMember } from "./household/household-member.entity";
import { Household } from "./household/household.entity";
import { HouseholdResolver } from "./household/household.resolver";
import { householdGraph } from "./household/household.graph";
import { ekonomisktBistandEvents } from "./events";
import { ekonomisktBistandMigrations } from "./migrations";
import { assistanceRetention } from "./retention/assistance-retention";
import { assistanceSummaries } from "./statistics/assistance-summaries";
import { RiksnormResolver } from "./riksnorm/riksnorm.resolver";
import { RiksnormYear } from "./riksnorm/riksnorm-year.entity";
import { loadRiksnormReferenceYears } from "./riksnorm/riksnorm-reference";
import { DOMAIN, EkonomisktBistandScopes } from "./scopes";
import { seedEkonomisktBistandDemo } from "./seed/demo";
import { AssistanceBudgetYear } from "./statistics/budget-year.entity";
import { BudgetResolver, StatisticsResolver } from "./statistics/statistics.resolver";
import { PaymentDaysResolver } from "./statistics/payment-days.resolver";
import { MonthSummary, PaidMonth, PaymentDay } from "./statistics/summary.entity";
import { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy/wage-subsidy.entity";
import { WageSubsidyResolver } from "./wage-subsidy/wage-subsidy.resolver";
import { wageSubsidyEmploymentGraph } from "./wage-subsidy/wage-subsidy.graph";

export const ekonomisktBistandModule = defineModule({
  name: DOMAIN,
  description:
    "Ekonomiskt bistånd — households, monthly applications, riksnorm calculation, decisions, payouts exactly once, FUT, växla bidrag mot lön, the board's indicators.",
  entities: [
    RiksnormYear,
    CostCap,
    AssistanceBudgetYear,
    Household,
    HouseholdMember,
    Application,
    ApplicationCost,
    ApplicationIncome,
    Calculation,
    CalculationLine,
    Decision,
    Payout,
    Recovery,
    IncorrectPaymentCase,
    IncorrectPaymentCasePayout,
    WageSubsidyEmployment,
    WageSubsidyMonth,
    PaidMonth,
    MonthSummary,
    PaymentDay,
  ],
  resolvers: [
    HouseholdResolver,
    ApplicationResolver,
    CalculationResolver,
    DecisionResolver,
    FutResolver,
    WageSubsidyResolver,
    RiksnormResolver,
    StatisticsResolver,
    PaymentDaysResolver,
    BudgetResolver,
  ],
  graphs: [
    householdGraph,
    applicationGraph,
    calculationGraph,
    decisionGraph,
    incorrectPaymentCaseGraph,
    wageSubsidyEmploymentGraph,
  ],
  migrations: ekonomisktBistandMigrations,
  scopes: [
    {
      name: EkonomisktBistandScopes.READ,
      description:
        "Caseworkers: households, members, applications, calculations, decisions, payouts, FUT cases (access-logged).",
      personLevel: true,
    },
    {
      name: EkonomisktBistandScopes.WRITE,
      description: "Register households and applications, calculate, decide, pay, correct, FUT, växla bidrag mot lön.",
    },
    {
      name: EkonomisktBistandScopes.STATS,
      description:
        "The board's indicators only; no person data. Whole calendar months; counts below DISCLOSURE_MIN_CELL (3) and the cells that would reveal them are suppressed.",
    },
    {
      name: EkonomisktBistandScopes.STATS_EXACT,
      description:
        "The board secretariat's report: exact indicators including small counts (which can point to a household; every read is access-logged).",
      personLevel: true,
    },
    {
      name: EkonomisktBistandScopes.PROTECTED,
      description: "See households with protected identity at all (their address is still never returned).",
      personLevel: true,
    },
    {
      name: EkonomisktBistandScopes.EVENTS,
      description:
        "Receive the domain's events: ids and non-personal facts; details through GraphQL with your own scopes. Events about a household with protected identity need ekonomiskt-bistand:protected too.",
    },
  ],
  events: ekonomisktBistandEvents,
  referenceData: async (ds) => void (await loadRiksnormReferenceYears(ds)),
  seedDemo: (ds) => seedEkonomisktBistandDemo(ds),
  retention: assistanceRetention,
  summaries: assistanceSummaries,
});

export { EkonomisktBistandScopes } from "./scopes";
export * from "./enums";
export { Household, HouseholdAddress } from "./household/household.entity";
export { HouseholdMember } from "./household/household-member.entity";
export { Payout } from "./decision/payout.entity";
export { Recovery } from "./fut/recovery.entity";
export { AssistanceBudgetYear } from "./statistics/budget-year.entity";
export { Decision } from "./decision/decision.entity";
export { RiksnormYear } from "./riksnorm/riksnorm-year.entity";
export { RIKSNORM_YEARS } from "./riksnorm/riksnorm-data";
export { loadRiksnormReferenceYears, REFERENCE_DATA_ACTOR } from "./riksnorm/riksnorm-reference";
export { tableFromSource, commonCostFor, type RiksnormTable } from "./riksnorm/riksnorm-table";
export {
  calculateAssistance,
  workIncentiveFor,
  type CalculationInput,
  type CalculationResult,
} from "./calculation/assistance-calculation";
export {
  AssistanceStatistics,
  controlChildren,
  controlHouseholdTable,
  type HouseholdTable,
} from "./statistics/statistics.service";
export { rebuildAssistanceSummaries, LONG_TERM_MIN_MONTHS } from "./statistics/assistance-summaries";
export { PaidMonth, MonthSummary, PaymentDay } from "./statistics/summary.entity";
export { seedEkonomisktBistandDemo } from "./seed/demo";
export { assistanceRetention, REMOVED_TEXT } from "./retention/assistance-retention";
export { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy/wage-subsidy.entity";
export * from "./events";
export {
  monthFiguresStatement,
  paidPerMonthStatement,
  recoveredPerMonthStatement,
  budgetYearsStatement,
  childrenInAssistedHouseholdsStatement,
} from "./statistics/indicator.statements";
