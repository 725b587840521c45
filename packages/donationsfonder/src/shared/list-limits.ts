import { MAX_YEARS_IN_PERIOD } from "@arbetsliv/core";
import { Purpose, RejectionReason, RoundTerm } from "./enums";

/** Declared list maxima of donationsfonder (core's schema/list-bounds.ts). */
/** Funds the foundation administers (createDonationFund refuses more); a round has one budget per fund. */
export const MAX_FUNDS = 50;
/** Ändamål: each at most once (inputs are ArrayUnique). */
export const PURPOSES = Object.keys(Purpose).length;
export const REJECTION_REASONS = Object.keys(RejectionReason).length;
/** Rounds: one per term and year (unique), years limited by the Date scalar; schedule entries do not overlap per term. */
export const TERMS = Object.keys(RoundTerm).length;
export const MAX_ROUNDS = TERMS * MAX_YEARS_IN_PERIOD;
/** Ändamål one application names (its inputs allow no more). */
export const MAX_APPLICATION_PURPOSES = 10;
