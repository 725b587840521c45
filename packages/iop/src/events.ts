import { defineEventType } from "@arbetsliv/core";
import { DOMAIN, IopScopes } from "./scopes";

/**
 * IOP's events (see README "Events"). Data is ids, dates, amounts and codes only: never a contact
 * person's name, e-mail or phone, and no free text (titles, purposes, notes). A partner is an
 * organisation; its id is enough — a receiver reads the rest through GraphQL with its own scopes.
 */

const SUBJECT = "IopAgreement";

const common = {
  agreementId: { type: "id", description: "The agreement (iopAgreement(id))." },
  partnerId: { type: "id", description: "The partner organisation (iopPartner(id))." },
} as const;

export interface AgreementRegisteredData {
  agreementId: string;
  partnerId: string;
  fundingBudgetId: string;
  predecessorAgreementId: string | null;
  status: string;
  startDate: string;
  endDate: string | null;
  renewalTermMonths: number | null;
  noticeMonths: number | null;
  noticeDeadline: string | null;
  annualServiceFee: string | null;
}

export const agreementRegistered = defineEventType<AgreementRegisteredData>({
  domain: DOMAIN,
  name: "agreement.registered",
  version: 1,
  description: "An agreement was registered (createIopAgreement), as a draft or already in force.",
  scope: IopScopes.EVENTS,
  subjectType: SUBJECT,
  data: {
    ...common,
    fundingBudgetId: { type: "id", description: "The budget that pays." },
    predecessorAgreementId: { type: "id", nullable: true, description: "The agreement this one replaces, if any." },
    status: { type: "enum", description: "DRAFT or ACTIVE." },
    startDate: { type: "date", description: "First day in force." },
    endDate: {
      type: "date",
      nullable: true,
      description: "Last day of the initial period; null = until further notice.",
    },
    renewalTermMonths: { type: "integer", nullable: true, description: "Months per automatic renewal; null = none." },
    noticeMonths: { type: "integer", nullable: true, description: "Notice months before a term ends." },
    noticeDeadline: {
      type: "date",
      nullable: true,
      description:
        "The next last day to give notice, as of the registration day; null for a draft or when it does not renew.",
    },
    annualServiceFee: { type: "money", nullable: true, description: "Fixed yearly service fee." },
  },
});

export interface AgreementRenewedData {
  agreementId: string;
  partnerId: string;
  renewalKind: string;
  passedNoticeDeadline: string;
  renewedFrom: string;
  renewedUntil: string;
  nextNoticeDeadline: string;
}

export const agreementRenewed = defineEventType<AgreementRenewedData>({
  domain: DOMAIN,
  name: "agreement.renewed",
  version: 1,
  description:
    "An agreement in force renewed automatically: its notice deadline passed without notice, so a new term is binding. Recorded once per agreement and deadline by the scheduled job iop.agreement-renewed.",
  scope: IopScopes.EVENTS,
  subjectType: SUBJECT,
  data: {
    ...common,
    renewalKind: {
      type: "enum",
      description: "AUTOMATIC: the terms' automatic renewal (förlängning); the only kind in version 1.",
    },
    passedNoticeDeadline: { type: "date", description: "The notice deadline that passed without notice." },
    renewedFrom: { type: "date", description: "First day of the renewal term." },
    renewedUntil: { type: "date", description: "Last day of the renewal term." },
    nextNoticeDeadline: { type: "date", description: "The last day to give notice before the following renewal." },
  },
});

export interface AgreementEndedData {
  agreementId: string;
  partnerId: string;
  endKind: string;
  previousStatus: string;
  lastDayInForce: string;
}

export const agreementEnded = defineEventType<AgreementEndedData>({
  domain: DOMAIN,
  name: "agreement.ended",
  version: 1,
  description: "An agreement ended for good: its status became TERMINATED or EXPIRED (changeIopAgreementStatus).",
  scope: IopScopes.EVENTS,
  subjectType: SUBJECT,
  data: {
    ...common,
    endKind: {
      type: "enum",
      description:
        "TERMINATED (ended early, by notice or after a wind-down) or EXPIRED (ran to the end of its period).",
    },
    previousStatus: { type: "enum", description: "ACTIVE, NOTICE_GIVEN or WINDING_DOWN." },
    lastDayInForce: { type: "date", description: "The last day the agreement was in force." },
  },
});

export interface NoticeDeadlineApproachingData {
  agreementId: string;
  partnerId: string;
  noticeDeadline: string;
  daysLeft: number;
  warningDays: number;
  termEnd: string;
  renewedUntil: string;
}

export const noticeDeadlineApproaching = defineEventType<NoticeDeadlineApproachingData>({
  domain: DOMAIN,
  name: "agreement.notice-deadline-approaching",
  version: 1,
  description:
    "An agreement in force that renews automatically has its notice deadline within IOP_NOTICE_WARNING_DAYS days (default 30). Recorded once per agreement and deadline by the scheduled job iop.notice-deadline-approaching.",
  scope: IopScopes.EVENTS,
  subjectType: SUBJECT,
  data: {
    ...common,
    noticeDeadline: {
      type: "date",
      description: "Notice must be given on or before this day, or the agreement renews.",
    },
    daysLeft: { type: "integer", description: "Days from the job's run to the deadline (0 = the deadline is today)." },
    warningDays: {
      type: "integer",
      description: "The warning window in days (IOP_NOTICE_WARNING_DAYS) when recorded.",
    },
    termEnd: { type: "date", description: "The term end notice by the deadline would end the agreement on." },
    renewedUntil: { type: "date", description: "Without notice the agreement runs to this day." },
  },
});

/** Every IOP event type, for the module descriptor. */
export const iopEventTypes = [agreementRegistered, agreementRenewed, agreementEnded, noticeDeadlineApproaching];
