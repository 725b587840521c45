import { addDays, addMonths, type LocalDate } from "@arbetsliv/core/values";
import { AgreementStatus } from "./agreement.enums";

/**
 * Date rules of an agreement's period, renewal and notice. Pure functions on "YYYY-MM-DD".
 *
 * Rule for notice: "renewed unless terminated at least N months before it expires" means notice
 * must be given ON OR BEFORE (last day of the term − N calendar months), where subtracting
 * months keeps the day of month and clamps it to the last day of a shorter month:
 * 2024-12-31 − 9 months = 2024-03-31; 2024-11-30 − 9 = 2024-02-29; 2025-11-30 − 9 = 2025-02-28.
 */
export interface AgreementTerms {
  startDate: LocalDate;
  /** Last day of the initial period; null = until further notice. */
  endDate: LocalDate | null;
  renewalTermMonths: number | null;
  noticeMonths: number | null;
}

export interface AgreementState extends AgreementTerms {
  status: AgreementStatus;
  finalEndDate: LocalDate | null;
}

export interface Term {
  /** 0 = the initial period, 1 = the first renewal, … */
  index: number;
  start: LocalDate;
  /** Last day of the term; null for an agreement that runs until further notice. */
  end: LocalDate | null;
  /** Last day to give notice so the agreement does not renew after this term; null if it does not renew. */
  noticeDeadline: LocalDate | null;
}

export interface NoticeDeadline {
  /** The term the notice would end the agreement after. */
  termIndex: number;
  termEnd: LocalDate;
  noticeDeadline: LocalDate;
  /** Last day of the next term, if no notice is given by the deadline. */
  renewedUntil: LocalDate;
}

/** Last day to give notice: on or before termEnd − noticeMonths calendar months (month-end clamped). */
export function lastNoticeDay(termEnd: LocalDate, noticeMonths: number): LocalDate {
  return addMonths(termEnd, -noticeMonths);
}

/** True when the terms renew automatically: a fixed initial end and a renewal length. */
export function hasAutomaticRenewal(
  t: AgreementTerms,
): t is AgreementTerms & { endDate: LocalDate; renewalTermMonths: number } {
  return t.endDate !== null && t.renewalTermMonths !== null && t.renewalTermMonths > 0;
}

/**
 * Last day of term k (0 = initial period). Renewal terms are whole months counted from the day
 * after the initial period, so month ends never drift: a term starting 1 March always ends on
 * the last day of February, 28 or 29.
 */
export function termEndAt(endDate: LocalDate, renewalTermMonths: number, k: number): LocalDate {
  if (k === 0) return endDate;
  return addDays(addMonths(addDays(endDate, 1), k * renewalTermMonths), -1);
}

function monthIndex(date: LocalDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** A term index whose end surely lies before `date` (or 0), to start searches near the date. */
function termIndexBefore(endDate: LocalDate, renewalTermMonths: number, date: LocalDate): number {
  const months = monthIndex(date) - monthIndex(endDate);
  return Math.max(0, Math.floor(months / renewalTermMonths) - 1);
}

export function termAt(t: AgreementTerms, k: number): Term {
  if (!hasAutomaticRenewal(t)) {
    if (k !== 0) throw new RangeError("an agreement without automatic renewal has one term");
    return { index: 0, start: t.startDate, end: t.endDate, noticeDeadline: null };
  }
  const end = termEndAt(t.endDate, t.renewalTermMonths, k);
  const start = k === 0 ? t.startDate : addDays(termEndAt(t.endDate, t.renewalTermMonths, k - 1), 1);
  return { index: k, start, end, noticeDeadline: lastNoticeDay(end, t.noticeMonths ?? 0) };
}

/**
 * The next notice deadline on or after `asOf`: the first term whose notice deadline has not
 * passed. Notice given on the deadline still counts. Null when the terms do not renew.
 */
export function nextNoticeDeadline(t: AgreementTerms, asOf: LocalDate): NoticeDeadline | null {
  if (!hasAutomaticRenewal(t)) return null;
  const notice = t.noticeMonths ?? 0;
  for (let k = termIndexBefore(t.endDate, t.renewalTermMonths, asOf); ; k++) {
    const termEnd = termEndAt(t.endDate, t.renewalTermMonths, k);
    const deadline = lastNoticeDay(termEnd, notice);
    if (deadline >= asOf) {
      return {
        termIndex: k,
        termEnd,
        noticeDeadline: deadline,
        renewedUntil: termEndAt(t.endDate, t.renewalTermMonths, k + 1),
      };
    }
  }
}

/** Earliest last day in force for notice given on `noticeDate` with `months` notice (open-ended agreements). */
export function earliestEndAfterNotice(noticeDate: LocalDate, months: number): LocalDate {
  let end = addMonths(noticeDate, months);
  while (lastNoticeDay(end, months) < noticeDate) end = addDays(end, 1);
  return end;
}

/**
 * Last day in force when notice is given on `noticeDate`: the end of the first term whose notice
 * deadline the notice meets (late notice runs to the end of the following term); for an
 * open-ended agreement, the notice period from the notice date. Null when the terms neither
 * renew nor run until further notice (the agreement simply ends on its end date).
 */
export function endAfterNotice(t: AgreementTerms, noticeDate: LocalDate): LocalDate | null {
  if (hasAutomaticRenewal(t)) return nextNoticeDeadline(t, noticeDate)!.termEnd;
  if (t.endDate === null) return earliestEndAfterNotice(noticeDate, t.noticeMonths ?? 0);
  return null;
}

/** Board decision needed by: the notice deadline minus the board cycle's lead time in days. */
export function decisionNeededBy(noticeDeadline: LocalDate, leadDays: number): LocalDate {
  return addDays(noticeDeadline, -leadDays);
}

/** Final end of an agreement in force without notice: null while it renews or runs until further notice. */
export function activeFinalEnd(t: AgreementTerms): LocalDate | null {
  return hasAutomaticRenewal(t) ? null : t.endDate;
}

/** In force on a date: signed (not a draft), started, and not yet ended for good. */
export function inForceOn(a: Pick<AgreementState, "status" | "startDate" | "finalEndDate">, date: LocalDate): boolean {
  return (
    a.status !== AgreementStatus.DRAFT && a.startDate <= date && (a.finalEndDate === null || a.finalEndDate >= date)
  );
}

/** Does the agreement still renew automatically (in force, no notice, no wind-down)? */
export function renewsAutomatically(a: AgreementState): boolean {
  return a.status === AgreementStatus.ACTIVE && hasAutomaticRenewal(a);
}

/**
 * Terms overlapping [from, to], as things stand: an agreement that renews automatically is
 * projected forward; one with a final end stops there (its last term clipped to that day).
 */
export function termsBetween(a: AgreementState, from: LocalDate, to: LocalDate): Term[] {
  if (a.status === AgreementStatus.DRAFT) return [];
  const clip = (term: Term): Term | null => {
    if (a.finalEndDate !== null && term.start > a.finalEndDate) return null;
    const end = a.finalEndDate !== null && (term.end === null || term.end > a.finalEndDate) ? a.finalEndDate : term.end;
    const renews = renewsAutomatically(a) || (a.finalEndDate !== null && end !== null && end < a.finalEndDate);
    return { ...term, end, noticeDeadline: renews ? term.noticeDeadline : null };
  };
  if (!hasAutomaticRenewal(a)) {
    const term = clip(termAt(a, 0));
    return term && term.start <= to && (term.end === null || term.end >= from) ? [term] : [];
  }
  const terms: Term[] = [];
  for (let k = termIndexBefore(a.endDate, a.renewalTermMonths, from); ; k++) {
    const raw = termAt(a, k);
    if (raw.start > to) break;
    const term = clip(raw);
    if (!term) break;
    if (term.end === null || term.end >= from) terms.push(term);
  }
  return terms;
}

/** Renewal projection: the terms of the coming `years` years from `from`. */
export function renewalProjection(a: AgreementState, from: LocalDate, years: number): Term[] {
  return termsBetween(a, from, addDays(addMonths(from, 12 * years), -1));
}

/** Days a renewal takes effect in [from, to] (the first day of each renewal term). */
export function renewalsBetween(a: AgreementState, from: LocalDate, to: LocalDate): Term[] {
  if (!hasAutomaticRenewal(a)) return [];
  return termsBetween(a, from, to).filter((t) => t.index > 0 && t.start >= from && t.start <= to);
}
