import { ApplicationStatus as St, ApplicationType, DecisionOutcome } from "../enums";
import { addMonthsTo, type YearMonth } from "../shared/month";

/**
 * Renewal window: an application is a renewal (återansökan) when the household had a granted
 * month within the three months before — the 90-day window Sundsvall's case management uses;
 * otherwise it is a new application (nyansökan) and the household's situation is investigated anew.
 */
export const RENEWAL_WINDOW_MONTHS = 3;

export interface PriorApplication {
  id: number;
  month: YearMonth;
  type: ApplicationType;
  status: St;
  decisionOutcome: DecisionOutcome | null;
}

export type TypeChoice = { type: ApplicationType } | { duplicateOf: number };

/**
 * Chooses the application type from the household's history:
 * - an ordinary (new/renewal) application for the same month still being handled → a duplicate;
 * - one already decided (or paid/closed) for the month → this one is supplementary (kompletterande);
 * - a granted month within the renewal window → renewal; otherwise new.
 */
export function chooseApplicationType(month: YearMonth, history: readonly PriorApplication[]): TypeChoice {
  const ordinary = history.find(
    (a) => a.month === month && a.type !== ApplicationType.SUPPLEMENTARY && a.status !== St.WITHDRAWN,
  );
  if (ordinary) {
    if (OPEN_STATUSES.includes(ordinary.status)) return { duplicateOf: ordinary.id };
    return { type: ApplicationType.SUPPLEMENTARY };
  }
  const window = new Set(Array.from({ length: RENEWAL_WINDOW_MONTHS }, (_, i) => addMonthsTo(month, -(i + 1))));
  const granted = history.some(
    (a) =>
      window.has(a.month) &&
      (a.decisionOutcome === DecisionOutcome.GRANTED || a.decisionOutcome === DecisionOutcome.PARTLY_GRANTED),
  );
  return { type: granted ? ApplicationType.RENEWAL : ApplicationType.NEW };
}

/** Statuses in which the application is still being handled (claims can change, a decision can be made). */
export const OPEN_STATUSES: readonly St[] = [St.RECEIVED, St.UNDER_REVIEW, St.SUPPLEMENT_REQUESTED];

/** Transitions a caseworker makes by hand; DECIDED and PAID are set by deciding and paying. */
const MANUAL: Record<St, readonly St[]> = {
  [St.RECEIVED]: [St.UNDER_REVIEW, St.SUPPLEMENT_REQUESTED, St.WITHDRAWN],
  [St.UNDER_REVIEW]: [St.SUPPLEMENT_REQUESTED, St.WITHDRAWN],
  [St.SUPPLEMENT_REQUESTED]: [St.UNDER_REVIEW, St.WITHDRAWN],
  [St.DECIDED]: [St.CLOSED],
  [St.PAID]: [St.CLOSED],
  [St.CLOSED]: [],
  [St.WITHDRAWN]: [],
};

export function canMoveTo(from: St, to: St): boolean {
  return MANUAL[from].includes(to);
}

export function allowedMoves(from: St): readonly St[] {
  return MANUAL[from];
}
