import { ValidationError, type Message } from "@arbetsliv/core";
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
    throw new ValidationError("input.status", "use-give-notice", {
      en: "give notice with giveIopNotice, which computes when the agreement ends",
      sv: "säg upp med giveIopNotice, som räknar ut när överenskommelsen upphör",
    });
  }
  if (!canTransition(a.status, req.status)) {
    throw noTransition(a.status, req.status);
  }
  if (req.status !== S.ACTIVE && req.effectiveDate < a.startDate) {
    throw new ValidationError("input.effectiveDate", "after-start", beforeStart(a.startDate));
  }
  switch (req.status) {
    case S.ACTIVE:
      return { status: S.ACTIVE, finalEndDate: activeFinalEnd(a), clearNotice: true };
    case S.WINDING_DOWN: {
      if (!req.windDownUntil)
        throw new ValidationError("input.windDownUntil", "required", {
          en: "is required when winding down",
          sv: "måste anges vid avveckling",
        });
      if (req.windDownUntil < req.effectiveDate) {
        throw new ValidationError("input.windDownUntil", "order", {
          en: "must not be before input.effectiveDate",
          sv: "får inte vara före input.effectiveDate",
        });
      }
      return { status: S.WINDING_DOWN, finalEndDate: req.windDownUntil, clearNotice: false };
    }
    case S.TERMINATED:
      return { status: S.TERMINATED, finalEndDate: req.effectiveDate, clearNotice: false };
    case S.EXPIRED: {
      const end = a.status === S.ACTIVE ? activeFinalEnd(a) : a.finalEndDate;
      if (end === null) {
        throw new ValidationError(
          "input.status",
          "renews",
          hasAutomaticRenewal(a)
            ? {
                en: "cannot expire: it renews automatically: give notice first, or terminate it",
                sv: "kan inte upphöra: den förlängs automatiskt; säg upp den först, eller avsluta den",
              }
            : {
                en: "cannot expire: it runs until further notice: give notice first, or terminate it",
                sv: "kan inte upphöra: den gäller tills vidare; säg upp den först, eller avsluta den",
              },
        );
      }
      if (req.effectiveDate !== end) {
        throw new ValidationError("input.effectiveDate", "period-end", {
          en: `an agreement expires on the last day of its period (${end})`,
          sv: `en överenskommelse upphör den sista dagen i sin avtalsperiod (${end})`,
        });
      }
      return { status: S.EXPIRED, finalEndDate: end, clearNotice: false };
    }
    default:
      throw noTransition(a.status, req.status);
  }
}

/**
 * Checks notice given on `noticeDate` and returns the last day the agreement is in force.
 * `idField` is the path the agreement's id was given at (input.id, or the deprecated id).
 */
export function planNotice(a: AgreementState, noticeDate: LocalDate, idField = "id"): LocalDate {
  if (!canTransition(a.status, S.NOTICE_GIVEN)) {
    throw new ValidationError(idField, "transition", {
      en: `an agreement with status ${a.status} cannot be given notice`,
      sv: `en överenskommelse med status ${a.status} kan inte sägas upp`,
    });
  }
  if (noticeDate < a.startDate) {
    throw new ValidationError("input.noticeDate", "after-start", beforeStart(a.startDate));
  }
  const end = endAfterNotice(a, noticeDate);
  if (end === null) {
    throw new ValidationError(idField, "no-renewal", {
      en: `the agreement ends on ${a.endDate} without renewal; no notice is needed (terminate it to end it early)`,
      sv: `överenskommelsen upphör ${a.endDate} utan förlängning; ingen uppsägning behövs (ge den status TERMINATED om den ska upphöra i förtid)`,
    });
  }
  return end;
}

function noTransition(from: S, to: S): ValidationError {
  return new ValidationError("input.status", "transition", {
    en: `cannot go from ${from} to ${to}`,
    sv: `kan inte gå från ${from} till ${to}`,
  });
}

function beforeStart(startDate: LocalDate): Message {
  return {
    en: `must not be before the agreement starts (${startDate})`,
    sv: `får inte vara före överenskommelsens startdag (${startDate})`,
  };
}
