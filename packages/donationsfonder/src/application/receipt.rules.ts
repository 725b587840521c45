import type { LocalDate } from "@arbetsliv/core/values";
import { ApplicationStatus, RejectionReason } from "../shared/enums";

export interface ReceiptOutcome {
  status: ApplicationStatus.RECEIVED | ApplicationStatus.REFUSED;
  reason: RejectionReason | null;
  text: string | null;
  duplicateOfId: number | null;
}

/**
 * Mottagning — whether an application is taken into the round. Checked in this order:
 * received before the window (BEFORE_WINDOW), after it (LATE), or the person already has
 * an application that counts in the round (DUPLICATE). Refused ones are kept with the reason.
 */
export function receiptOutcome(
  window: { applicationOpens: LocalDate; applicationCloses: LocalDate },
  receivedDate: LocalDate,
  existingApplicationId: number | null,
): ReceiptOutcome {
  if (receivedDate < window.applicationOpens) {
    return {
      status: ApplicationStatus.REFUSED,
      reason: RejectionReason.BEFORE_WINDOW,
      text: `Received ${receivedDate}, before the application period ${window.applicationOpens}–${window.applicationCloses}.`,
      duplicateOfId: null,
    };
  }
  if (receivedDate > window.applicationCloses) {
    return {
      status: ApplicationStatus.REFUSED,
      reason: RejectionReason.LATE,
      text: `Received ${receivedDate}, after the application period ended ${window.applicationCloses}.`,
      duplicateOfId: null,
    };
  }
  if (existingApplicationId !== null) {
    return {
      status: ApplicationStatus.REFUSED,
      reason: RejectionReason.DUPLICATE,
      text: `The applicant already has application ${existingApplicationId} in this round (one application per person and round).`,
      duplicateOfId: existingApplicationId,
    };
  }
  return { status: ApplicationStatus.RECEIVED, reason: null, text: null, duplicateOfId: null };
}
