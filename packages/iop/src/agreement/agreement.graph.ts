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
    partner: ref(() => Partner, "partnerId"),
    fundingBudget: ref(() => FundingBudget, "fundingBudgetId", { description: "Who pays." }),
    predecessor: ref(() => Agreement, "predecessorId", {
      nullable: true,
      description: "The agreement this one replaced.",
    }),
    evaluationTemplate: ref(() => EvaluationTemplate, "evaluationTemplateId", { nullable: true }),
    // The contact persons are person-level: every batch is access-logged.
    contacts: many(() => AgreementContact, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      scopes: [IopScopes.READ],
      accessLog: { operation: "IopAgreement.contacts", recordType: "IopContact" },
      description: `Kontaktpersoner, ansvarig enhetschef, styrgrupp. Person-level: access-logged. ${FIRST}`,
    }),
    boardDecisions: many(() => BoardDecision, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Nämndbeslut, in the order registered. ${FIRST}`,
    }),
    statusHistory: many(() => StatusChange, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Status history, oldest first. ${FIRST}`,
    }),
    amendments: many(() => Amendment, "agreementId", {
      order: { id: "ASC" },
      paging: "first",
      description: `Kompletteringar. ${FIRST}`,
    }),
    invoices: many(() => Invoice, "agreementId", {
      order: { invoiceDate: "ASC", id: "ASC" },
      paging: "first",
      description: `The partner's invoices, by date. ${FIRST}`,
    }),
    evaluations: many(() => Evaluation, "agreementId", {
      order: { periodEnd: "ASC" },
      paging: "first",
      description: `Uppföljningar, by period. ${FIRST}`,
    }),
    deviations: many(() => Deviation, "agreementId", {
      order: { detectedOn: "ASC", id: "ASC" },
      paging: "first",
      description: `Avvikelser, by date. ${FIRST}`,
    }),
    yearlyReports: many(() => YearlyReport, "agreementId", {
      order: { year: "ASC", kind: "ASC" },
      paging: "first",
      description: `Verksamhetsberättelser, -planer and kvalitetsbilagor received. ${FIRST}`,
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
        description: 'e.g. "ALN 2021-00102 § 125, 2021-10-14".',
      },
    ),
  },
});
