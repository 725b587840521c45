import { defineEventType, recordEvent } from "@arbetsliv/core";
import { oreToKronor } from "@arbetsliv/core/values";
import type { EntityManager } from "typeorm";
import type { Application } from "./application/application.entity";
import type { Decision } from "./decision/decision.entity";
import type { Payout } from "./decision/payout.entity";
import type { IncorrectPaymentCase } from "./fut/incorrect-payment-case.entity";
import { DOMAIN, EkonomisktBistandScopes } from "./scopes";
import { firstDayOf } from "./shared/month";

/**
 * The events of ekonomiskt bistånd for integrators (the case system, finance). Data holds ids,
 * codes, dates and amounts only — never a personnummer, name, address, the recipient, a decision's
 * motivation or a reason. An event about a household with protected identity (skyddade
 * personuppgifter) is recorded for the protected scope only: a receiver without it never learns
 * that such a household applied, was decided on or paid.
 */
const common = {
  domain: DOMAIN,
  version: 1,
  scope: EkonomisktBistandScopes.EVENTS,
  protectedScope: EkonomisktBistandScopes.PROTECTED,
} as const;

const householdId = { type: "id", description: "The household (hushåll)." } as const;
const applicationId = { type: "id", description: "The application (Application.id)." } as const;
const decisionId = { type: "id", description: "The decision (Decision.id)." } as const;
const month = { type: "date", description: "The month concerned, as its first day (YYYY-MM-01)." } as const;

export const ApplicationReceived = defineEventType<{
  applicationId: string;
  householdId: string;
  month: string;
  applicationType: string;
  channel: string;
  receivedDate: string;
}>({
  ...common,
  name: "application.received",
  subjectType: "Application",
  description: "An application for a month was registered.",
  data: {
    applicationId,
    householdId,
    month,
    applicationType: {
      type: "enum",
      description: "NEW, RENEWAL or SUPPLEMENTARY (chosen from the household's history).",
    },
    channel: { type: "enum", description: "E_SERVICE, PAPER or VISIT." },
    receivedDate: { type: "date", description: "When it was received." },
  },
});

export const DecisionMade = defineEventType<{
  decisionId: string;
  applicationId: string;
  householdId: string;
  month: string;
  outcome: string;
  amount: string;
  decidedOn: string;
}>({
  ...common,
  name: "decision.made",
  subjectType: "Application",
  description: "The application was decided. The motivation and legal basis are read through GraphQL.",
  data: {
    decisionId,
    applicationId,
    householdId,
    month,
    outcome: { type: "enum", description: "GRANTED, PARTLY_GRANTED or REJECTED." },
    amount: { type: "money", description: "Amount granted for the month (0.00 when rejected)." },
    decidedOn: { type: "date", description: "The decision date." },
  },
});

export const PayoutMade = defineEventType<{
  payoutId: string;
  decisionId: string;
  applicationId: string;
  householdId: string;
  month: string;
  amount: string;
  paymentDate: string;
}>({
  ...common,
  name: "payout.made",
  subjectType: "Payout",
  description: "A granted decision was paid (once; a retried or concurrent payment records nothing more).",
  data: {
    payoutId: { type: "id", description: "The payout (ORIGINAL)." },
    decisionId,
    applicationId,
    householdId,
    month,
    amount: { type: "money", description: "Amount paid." },
    paymentDate: { type: "date", description: "Payment date." },
  },
});

export const PayoutCorrected = defineEventType<{
  payoutId: string;
  correctionId: string;
  decisionId: string;
  householdId: string;
  month: string;
  amount: string;
  paymentDate: string;
}>({
  ...common,
  name: "payout.corrected",
  subjectType: "Payout",
  description:
    "A correction (a new signed entry) was recorded against a payout; the subject is the original payout. The reason is read through GraphQL.",
  data: {
    payoutId: { type: "id", description: "The original payout corrected (the subject)." },
    correctionId: { type: "id", description: "The correction entry (a Payout of type CORRECTION)." },
    decisionId,
    householdId,
    month,
    amount: { type: "money", description: "The correction, signed: negative records an over-payment." },
    paymentDate: { type: "date", description: "The correction's payment date." },
  },
});

export const FutCaseOpened = defineEventType<{
  caseId: string;
  householdId: string;
  openedOn: string;
  payoutCount: number;
  status: string;
}>({
  ...common,
  name: "fut-case.opened",
  subjectType: "IncorrectPaymentCase",
  description:
    "An investigation of incorrect payments (FUT, felaktiga utbetalningar) was opened. The reason is read through GraphQL.",
  data: {
    caseId: { type: "id", description: "The case (IncorrectPaymentCase.id)." },
    householdId,
    openedOn: { type: "date", description: "When it was opened." },
    payoutCount: { type: "integer", description: "Payouts under investigation." },
    status: { type: "enum", description: "IncorrectPaymentStatus: OPEN." },
  },
});

/** Every event type of ekonomiskt bistånd, for the module descriptor. */
export const ekonomisktBistandEvents = [ApplicationReceived, DecisionMade, PayoutMade, PayoutCorrected, FutCaseOpened];

/** `protectedSubject`: the household has protected identity (the same rule as visibleHousehold). */
type Protection = { protectedIdentity: boolean };

export function recordApplicationReceived(
  manager: EntityManager,
  app: Application,
  household: Protection,
): Promise<void> {
  return recordEvent(manager, ApplicationReceived, {
    subjectId: app.id,
    protectedSubject: household.protectedIdentity,
    data: {
      applicationId: String(app.id),
      householdId: String(app.householdId),
      month: firstDayOf(app.month),
      applicationType: app.type,
      channel: app.channel,
      receivedDate: app.receivedDate,
    },
  });
}

export function recordDecisionMade(manager: EntityManager, decision: Decision, household: Protection): Promise<void> {
  return recordEvent(manager, DecisionMade, {
    subjectId: decision.applicationId,
    protectedSubject: household.protectedIdentity,
    data: {
      decisionId: String(decision.id),
      applicationId: String(decision.applicationId),
      householdId: String(decision.householdId),
      month: firstDayOf(decision.month),
      outcome: decision.outcome,
      amount: oreToKronor(decision.amount),
      decidedOn: decision.decidedOn,
    },
  });
}

export function recordPayoutMade(
  manager: EntityManager,
  payout: Payout,
  applicationIdOfDecision: number,
  household: Protection,
): Promise<void> {
  return recordEvent(manager, PayoutMade, {
    subjectId: payout.id,
    protectedSubject: household.protectedIdentity,
    data: {
      payoutId: String(payout.id),
      decisionId: String(payout.decisionId),
      applicationId: String(applicationIdOfDecision),
      householdId: String(payout.householdId),
      month: firstDayOf(payout.month),
      amount: oreToKronor(payout.amount),
      paymentDate: payout.paymentDate,
    },
  });
}

export function recordPayoutCorrected(
  manager: EntityManager,
  correction: Payout,
  household: Protection,
): Promise<void> {
  return recordEvent(manager, PayoutCorrected, {
    subjectId: correction.correctsPayoutId!,
    protectedSubject: household.protectedIdentity,
    data: {
      payoutId: String(correction.correctsPayoutId),
      correctionId: String(correction.id),
      decisionId: String(correction.decisionId),
      householdId: String(correction.householdId),
      month: firstDayOf(correction.month),
      amount: oreToKronor(correction.amount),
      paymentDate: correction.paymentDate,
    },
  });
}

export function recordFutCaseOpened(
  manager: EntityManager,
  c: IncorrectPaymentCase,
  payoutCount: number,
  household: Protection,
): Promise<void> {
  return recordEvent(manager, FutCaseOpened, {
    subjectId: c.id,
    protectedSubject: household.protectedIdentity,
    data: {
      caseId: String(c.id),
      householdId: String(c.householdId),
      openedOn: c.openedOn,
      payoutCount,
      status: c.status,
    },
  });
}
