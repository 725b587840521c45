import "reflect-metadata";
import { defineModule } from "@arbetsliv/core";
import { subgraphEntity } from "@arbetsliv/core/federation";
import { AgreementContact } from "./agreement/agreement-contact.entity";
import { Agreement } from "./agreement/agreement.entity";
import { AgreementResolver, PartnerResolver } from "./agreement/agreement.resolver";
import { agreementGraph, boardDecisionGraph, partnerGraph } from "./agreement/agreement.graph";
import { BoardDecision } from "./agreement/board-decision.entity";
import { FundingBudget } from "./agreement/funding-budget.entity";
import { Partner } from "./agreement/partner.entity";
import { StatusChange } from "./agreement/status-change.entity";
import { Deviation } from "./follow-up/deviation.entity";
import { Evaluation, EvaluationAnswer } from "./follow-up/evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "./follow-up/evaluation-template.entity";
import { EvaluationResolver, EvaluationTemplateResolver } from "./follow-up/follow-up.resolver";
import { evaluationGraph, evaluationTemplateGraph } from "./follow-up/follow-up.graph";
import { YearlyReport } from "./follow-up/yearly-report.entity";
import { iopMigrations } from "./migrations";
import { ProviderPartnershipsResolver } from "./federation/provider-partnerships.resolver";
import { PlacementProviderReference } from "./federation/provider-reference.type";
import { Amendment, AmendmentAmount } from "./money/amendment.entity";
import { Invoice } from "./money/invoice.entity";
import { AmendmentResolver } from "./money/money.resolver";
import { amendmentGraph } from "./money/money.graph";
import { DOMAIN, IopScopes } from "./scopes";
import { seedDemo } from "./seed/demo";
import { StatisticsResolver } from "./statistics/statistics.resolver";
import { contactRetention } from "./retention/contact-retention";
import { iopEventTypes } from "./events";
import { NoticeDeadlineMark } from "./notice/notice-deadline-mark.entity";
import { agreementRenewedJob, noticeDeadlineApproachingJob } from "./notice/notice-deadline.jobs";

/** IOP — idéburet offentligt partnerskap: agreements with non-profits, renewal and notice, money, follow-up. */
export const iopModule = defineModule({
  name: DOMAIN,
  description:
    "Idéburet offentligt partnerskap: partners, agreements, renewal and notice deadlines, fees and amendments, follow-up.",
  entities: [
    Partner,
    FundingBudget,
    Agreement,
    AgreementContact,
    BoardDecision,
    StatusChange,
    Amendment,
    AmendmentAmount,
    Invoice,
    EvaluationTemplate,
    EvaluationQuestion,
    Evaluation,
    EvaluationAnswer,
    Deviation,
    YearlyReport,
    NoticeDeadlineMark,
  ],
  resolvers: [
    PartnerResolver,
    AgreementResolver,
    AmendmentResolver,
    EvaluationTemplateResolver,
    EvaluationResolver,
    StatisticsResolver,
  ],
  graphs: [agreementGraph, partnerGraph, boardDecisionGraph, amendmentGraph, evaluationTemplateGraph, evaluationGraph],
  federation: {
    entities: [
      // Other subgraphs reference an agreement by id (its placement costs).
      subgraphEntity({ type: Agreement, scopes: [IopScopes.READ, IopScopes.STATS] }),
      // IOP adds a relationsvåld provider's partnerships; the gateway brings its organisationsnummer.
      subgraphEntity({
        type: PlacementProviderReference,
        name: "PlacementProvider",
        scopes: [IopScopes.READ, IopScopes.STATS],
        contributes: ["iopPartnerships"],
        external: ["organisationsnummer"],
        requires: { iopPartnerships: "organisationsnummer" },
        fromRepresentation: true,
      }),
    ],
    resolvers: [ProviderPartnershipsResolver],
  },
  migrations: iopMigrations,
  scopes: [
    {
      name: IopScopes.READ,
      description:
        "Read partners, agreements, follow-up and contact persons (person-level: contact reads are access-logged).",
      personLevel: true,
    },
    {
      name: IopScopes.WRITE,
      description: "Register and change partners, agreements, amendments, invoices and follow-up.",
    },
    {
      name: IopScopes.STATS,
      description: "Aggregates only: partnerships in force, costs per year and funding budget, follow-up figures.",
    },
    {
      name: IopScopes.EVENTS,
      description: "Receive IOP's events: ids and non-personal facts; details through GraphQL with your own scopes.",
    },
  ],
  events: iopEventTypes,
  // IOP_NOTICE_WARNING_DAYS is read (and checked) here, when the module is loaded.
  jobs: [noticeDeadlineApproachingJob(), agreementRenewedJob()],
  seedDemo,
  retention: contactRetention,
});

export { IopScopes } from "./scopes";
export {
  iopEventTypes,
  agreementRegistered,
  agreementRenewed,
  agreementEnded,
  noticeDeadlineApproaching,
} from "./events";
export {
  noticeDeadlineApproachingJob,
  agreementRenewedJob,
  noticeWarningDays,
  NOTICE_WARNING_DAYS_ENV,
  DEFAULT_NOTICE_WARNING_DAYS,
} from "./notice/notice-deadline.jobs";
export { Agreement as IopAgreement } from "./agreement/agreement.entity";
export { Partner as IopPartner } from "./agreement/partner.entity";
export { AgreementStatus as IopAgreementStatus } from "./agreement/agreement.enums";
export { partnershipsByOrganisationsnummer, partnersByOrganisationsnummer, partnersOfAgreements } from "./public-api";
export {
  inForceOn,
  lastNoticeDay,
  nextNoticeDeadline,
  renewalProjection,
  endAfterNotice,
  type AgreementTerms,
  type NoticeDeadline,
  type Term,
} from "./agreement/renewal.rules";
export { StatisticsService as IopStatisticsService } from "./statistics/statistics.service";
export { seedDemo as seedIopDemo } from "./seed/demo";
export { contactRetention } from "./retention/contact-retention";
export { AgreementContact as IopContact } from "./agreement/agreement-contact.entity";
export {
  costRowsStatement as iopCostRowsStatement,
  costsPerPartnershipStatement as iopCostsPerPartnershipStatement,
  costsPerFundingBudgetStatement as iopCostsPerFundingBudgetStatement,
} from "./statistics/cost.statements";
