import { defineEventType } from "@arbetsliv/core";
import { DOMAIN, DonationScopes } from "./scopes";

/**
 * Donationsfonder's events. Data is ids, dates and amounts only: applicants and recipients are
 * persons, so never a personnummer, name, purpose, household fact, decision text or payment
 * reference. Details are read through GraphQL with the receiver's own scopes.
 */

export interface RoundOpenedData {
  roundId: string;
  year: number;
  term: string;
  applicationOpens: string;
  applicationCloses: string;
  plannedDecisionDate: string;
  plannedPayoutDate: string;
}

export const roundOpened = defineEventType<RoundOpenedData>({
  domain: DOMAIN,
  name: "round.opened",
  version: 1,
  description: "A year's round was created from the schedule (openDonationRounds); one event per round.",
  scope: DonationScopes.EVENTS,
  subjectType: "DonationRound",
  data: {
    roundId: { type: "id", description: "The round." },
    year: { type: "integer", description: "The round's year." },
    term: { type: "enum", description: "RoundTerm, e.g. ANNUAL, SPRING, AUTUMN." },
    applicationOpens: { type: "date", description: "First day of the application period." },
    applicationCloses: { type: "date", description: "Last day an application may be received." },
    plannedDecisionDate: { type: "date", description: "Planned board decision." },
    plannedPayoutDate: { type: "date", description: "Planned payout." },
  },
});

export interface RoundDecidedData {
  roundId: string;
  year: number;
  decisionDate: string;
  scheduledPayoutDate: string;
  payoutCount: number;
  payoutTotal: string;
}

export const roundDecided = defineEventType<RoundDecidedData>({
  domain: DOMAIN,
  name: "round.decided",
  version: 1,
  description:
    "The board decided an allocated round (recordDonationBoardDecision): the allocations are final and the payout list is produced.",
  scope: DonationScopes.EVENTS,
  subjectType: "DonationRound",
  data: {
    roundId: { type: "id", description: "The round." },
    year: { type: "integer", description: "The round's year." },
    decisionDate: { type: "date", description: "Date of the board decision." },
    scheduledPayoutDate: { type: "date", description: "When the payouts are planned." },
    payoutCount: { type: "integer", description: "Payouts on the list (the sum of the payout.made events to come)." },
    payoutTotal: { type: "money", description: "Their total, kronor." },
  },
});

export interface PayoutMadeData {
  payoutId: string;
  roundId: string;
  fundId: string;
  applicationId: string;
  amount: string;
  paidOn: string;
}

export const payoutMade = defineEventType<PayoutMadeData>({
  domain: DOMAIN,
  name: "payout.made",
  version: 1,
  description: "A payout was marked paid (markDonationPayoutPaid), exactly once per payout.",
  scope: DonationScopes.EVENTS,
  subjectType: "DonationPayout",
  data: {
    payoutId: { type: "id", description: "The payout." },
    roundId: { type: "id", description: "Its round." },
    fundId: { type: "id", description: "The fund it is paid from." },
    applicationId: {
      type: "id",
      description: "The application it grants (the recipient only through GraphQL with donationsfonder:read).",
    },
    amount: { type: "money", description: "Amount paid, kronor." },
    paidOn: { type: "date", description: "Payment date." },
  },
});

export const donationsfonderEvents = [roundOpened, roundDecided, payoutMade];
