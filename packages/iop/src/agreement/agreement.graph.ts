import { computed, defineGraph, many, ref } from "@arbetsliv/core/read";
import { Deviation } from "../follow-up/deviation.entity";
import { Evaluation } from "../follow-up/evaluation.entity";
import { EvaluationTemplate } from "../follow-up/evaluation-template.entity";
import { YearlyReport } from "../follow-up/yearly-report.entity";
import { Amendment } from "../money/amendment.entity";
import { Invoice } from "../money/invoice.entity";
import { DOMAIN, IopScopes } from "../scopes";
import { AgreementContact } from "./agreement-contact.entity";
import { Agreement } from "./agreement.entity";
import { BoardDecision, decisionReference } from "./board-decision.entity";
import { FundingBudget } from "./funding-budget.entity";
import { Partner } from "./partner.entity";
import { StatusChange } from "./status-change.entity";

const FIRST = "The first `first` (default 25, at most 100).";

/** An agreement's relations: the read layer makes their resolvers, loaders and a page's prefetch. */
export const agreementGraph = defineGraph(Agreement, {
  domain: DOMAIN,
  relations: {
    partner: ref(() => Partner, "partnerId", { description: "The non-profit partner the agreement is made with." }),
    fundingBudget: ref(() => FundingBudget, "fundingBudgetId", { description: "The budget that pays the agreement." }),
    predecessor: ref(() => Agreement, "predecessorId", {
      nullable: true,
      description: "The agreement this one replaced (same partner); null when it replaced none.",
    }),
    evaluationTemplate: ref(() => EvaluationTemplate, "evaluationTemplateId", {
      nullable: true,
      description: "The evaluation template its follow-ups answer by default; null when none is set.",
    }),
    // The contact persons are person-level: every batch is access-logged.
    contacts: many(() => AgreementContact, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      scopes: [IopScopes.READ],
      accessLog: { operation: "IopAgreement.contacts", recordType: "IopContact" },
      description: `Kontaktpersoner — contact persons, responsible unit manager and steering group, in the order added. Person-level: every read is access-logged. ${FIRST}`,
    }),
    boardDecisions: many(() => BoardDecision, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Nämndbeslut — the board's decisions about the agreement, in the order registered. ${FIRST}`,
    }),
    statusHistory: many(() => StatusChange, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Status history, oldest first (the registration is the first). ${FIRST}`,
    }),
    amendments: many(() => Amendment, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Kompletteringar — amendments adding amounts for given years, in the order registered. ${FIRST}`,
    }),
    invoices: many(() => Invoice, "agreementId", {
      order: { invoiceDate: "ASC", id: "ASC" },
      paging: "first",
      description: `The partner's invoices, by date. ${FIRST}`,
    }),
    evaluations: many(() => Evaluation, "agreementId", {
      order: { periodEnd: "ASC" },
      paging: "first",
      description: `Uppföljningar — follow-ups, by period end. ${FIRST}`,
    }),
    deviations: many(() => Deviation, "agreementId", {
      order: { detectedOn: "ASC", id: "ASC" },
      paging: "first",
      description: `Avvikelser — deviations, by the day detected. ${FIRST}`,
    }),
    yearlyReports: many(() => YearlyReport, "agreementId", {
      order: { year: "ASC", kind: "ASC" },
      paging: "first",
      description: `Yearly reports received (verksamhetsberättelser, verksamhetsplaner, kvalitetsbilagor), by year and kind. ${FIRST}`,
    }),
  },
  // The fields with arguments (agreement.resolver.ts). nextNotice is not named: its answer carries
  // the whole agreement, so a page that selects it reads every column.
  reads: {
    inForceOn: ["status", "startDate", "finalEndDate"],
    renewalProjection: ["status", "startDate", "endDate", "renewalTermMonths", "noticeMonths", "finalEndDate"],
  },
});

export const partnerGraph = defineGraph(Partner, {
  domain: DOMAIN,
  relations: {
    agreements: many(() => Agreement, "partnerId", {
      order: { startDate: "DESC", id: "DESC" },
      paging: "first",
      description:
        "The partner's agreements, newest first: the first `first` (default 25, at most 100); all of them through iopAgreements(filter: { partnerId }).",
    }),
  },
});

export const boardDecisionGraph = defineGraph(BoardDecision, {
  domain: DOMAIN,
  computed: {
    reference: computed(
      () => String,
      ["diaryNumber", "paragraph", "decisionDate"],
      (d) => decisionReference(d),
      {
        description:
          'How to cite the decision: diary number, paragraph and date, e.g. "ALN 2021-00102 § 125, 2021-10-14"; the parts not recorded are left out.',
      },
    ),
  },
});
