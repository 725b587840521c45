import "reflect-metadata";
import { defineModule } from "@arbetsliv/core";
import { AgreementContact } from "./agreement/agreement-contact.entity";
import { Agreement } from "./agreement/agreement.entity";
import { AgreementResolver, BoardDecisionResolver, PartnerResolver } from "./agreement/agreement.resolver";
import { BoardDecision } from "./agreement/board-decision.entity";
import { FundingBudget } from "./agreement/funding-budget.entity";
import { Partner } from "./agreement/partner.entity";
import { StatusChange } from "./agreement/status-change.entity";
import { Deviation } from "./follow-up/deviation.entity";
import { Evaluation, EvaluationAnswer } from "./follow-up/evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "./follow-up/evaluation-template.entity";
import { EvaluationResolver, EvaluationTemplateResolver } from "./follow-up/follow-up.resolver";
import { YearlyReport } from "./follow-up/yearly-report.entity";
import { iopMigrations } from "./migrations";
import { Amendment, AmendmentAmount } from "./money/amendment.entity";
import { Invoice } from "./money/invoice.entity";
import { AmendmentResolver } from "./money/money.resolver";
import { IopScopes } from "./scopes";
import { seedDemo } from "./seed/demo";
import { StatisticsResolver } from "./statistics/statistics.resolver";
import { contactRetention } from "./retention/contact-retention";

/** IOP — idéburet offentligt partnerskap: agreements with non-profits, renewal and notice, money, follow-up. */
export const iopModule = defineModule({
  name: "iop",
  description: "Idéburet offentligt partnerskap: partners, agreements, renewal and notice deadlines, fees and amendments, follow-up.",
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
  ],
  resolvers: [
    PartnerResolver,
    AgreementResolver,
    BoardDecisionResolver,
    AmendmentResolver,
    EvaluationTemplateResolver,
    EvaluationResolver,
    StatisticsResolver,
  ],
  migrations: iopMigrations,
  scopes: [
    {
      name: IopScopes.READ,
      description: "Read partners, agreements, follow-up and contact persons (person-level: contact reads are access-logged).",
      personLevel: true,
    },
    { name: IopScopes.WRITE, description: "Register and change partners, agreements, amendments, invoices and follow-up." },
    { name: IopScopes.STATS, description: "Aggregates only: partnerships in force, costs per year and funding budget, follow-up figures." },
  ],
  seedDemo,
  retention: contactRetention,
});

export { IopScopes } from "./scopes";
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
