import { ValidationError } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { AgreementStatus as S } from "./agreement.enums";
import { activeFinalEnd, endAfterNotice, hasAutomaticRenewal, type AgreementState } from "./renewal.rules";

/** The status flow: which status may follow which. TERMINATED and EXPIRED are final. */
export const STATUS_TRANSITIONS: Readonly<Record<S, readonly S[]>> = {
  [S.DRAFT]: [S.ACTIVE],
  [S.ACTIVE]: [S.NOTICE_GIVEN, S.WINDING_DOWN, S.TERMINATED, S.EXPIRED],
  // Notice may be withdrawn when both parties agree (back to ACTIVE).
  [S.NOTICE_GIVEN]: [S.ACTIVE, S.WINDING_DOWN, S.TERMINATED, S.EXPIRED],
  [S.WINDING_DOWN]: [S.TERMINATED, S.EXPIRED],
  [S.TERMINATED]: [],
  [S.EXPIRED]: [],
};

export function canTransition(from: S, to: S): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export interface StatusChangeRequest {
  status: S;
  /** The day the change takes effect: signing day (ACTIVE), wind-down start, last day in force (TERMINATED/EXPIRED). */
  effectiveDate: LocalDate;
  /** WINDING_DOWN only: the last day of the wind-down. */
  windDownUntil?: LocalDate | null;
}

export interface StatusChangePlan {
  status: S;
  finalEndDate: LocalDate | null;
  clearNotice: boolean;
}

/** Checks a status change against the flow and the agreement's dates; returns the new final end. */
export function planStatusChange(a: AgreementState, req: StatusChangeRequest): StatusChangePlan {
  if (req.status === S.NOTICE_GIVEN) {
    throw new ValidationError(
      "input.status",
      "use-give-notice",
      "give notice with giveIopNotice, which computes when the agreement ends",
    );
  }
  if (!canTransition(a.status, req.status)) {
    throw new ValidationError("input.status", "transition", `cannot go from ${a.status} to ${req.status}`);
  }
  if (req.status !== S.ACTIVE && req.effectiveDate < a.startDate) {
    throw new ValidationError(
      "input.effectiveDate",
      "after-start",
      `must not be before the agreement starts (${a.startDate})`,
    );
  }
  switch (req.status) {
    case S.ACTIVE:
      return { status: S.ACTIVE, finalEndDate: activeFinalEnd(a), clearNotice: true };
    case S.WINDING_DOWN: {
      if (!req.windDownUntil)
        throw new ValidationError("input.windDownUntil", "required", "is required when winding down");
      if (req.windDownUntil < req.effectiveDate) {
        throw new ValidationError("input.windDownUntil", "order", "must not be before input.effectiveDate");
      }
      return { status: S.WINDING_DOWN, finalEndDate: req.windDownUntil, clearNotice: false };
    }
    case S.TERMINATED:
      return { status: S.TERMINATED, finalEndDate: req.effectiveDate, clearNotice: false };
    case S.EXPIRED: {
      const end = a.status === S.ACTIVE ? activeFinalEnd(a) : a.finalEndDate;
      if (end === null) {
        const why = hasAutomaticRenewal(a)
          ? "it renews automatically: give notice first"
          : "it runs until further notice: give notice first";
        throw new ValidationError("input.status", "renews", `cannot expire: ${why}, or terminate it`);
      }
      if (req.effectiveDate !== end) {
        throw new ValidationError(
          "input.effectiveDate",
          "period-end",
          `an agreement expires on the last day of its period (${end})`,
        );
      }
      return { status: S.EXPIRED, finalEndDate: end, clearNotice: false };
    }
    default:
      throw new ValidationError("input.status", "transition", `cannot go from ${a.status} to ${req.status}`);
  }
}

/** Checks notice given on `noticeDate` and returns the last day the agreement is in force. */
export function planNotice(a: AgreementState, noticeDate: LocalDate): LocalDate {
  if (!canTransition(a.status, S.NOTICE_GIVEN)) {
    throw new ValidationError("id", "transition", `an agreement with status ${a.status} cannot be given notice`);
  }
  if (noticeDate < a.startDate) {
    throw new ValidationError(
      "input.noticeDate",
      "after-start",
      `must not be before the agreement starts (${a.startDate})`,
    );
  }
  const end = endAfterNotice(a, noticeDate);
  if (end === null) {
    throw new ValidationError(
      "id",
      "no-renewal",
      `the agreement ends on ${a.endDate} without renewal; no notice is needed (terminate it to end it early)`,
    );
  }
  return end;
}
