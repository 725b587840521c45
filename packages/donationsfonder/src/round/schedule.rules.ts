import { ValidationError } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { RoundTerm } from "../shared/enums";

/** The parts of a schedule entry the rules need. */
export interface ScheduleEntry {
  fromYear: number;
  toYear: number | null;
  term: RoundTerm;
  applicationOpens: string;
  applicationCloses: string;
  decision: string;
  payout: string;
}

export interface RoundDates {
  applicationOpens: LocalDate;
  applicationCloses: LocalDate;
  plannedDecisionDate: LocalDate;
  plannedPayoutDate: LocalDate;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Validates "MM-DD" (a day that exists every year, so not 02-29). */
export function assertMonthDay(field: string, value: string): void {
  const m = MONTH_DAY.exec(value);
  const month = m ? Number(m[1]) : 0;
  const day = m ? Number(m[2]) : 0;
  const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysIn[month - 1]) {
    throw new ValidationError(field, "month-day", {
      en: "must be a day of every year as MM-DD, e.g. 03-31 (not 02-29)",
      sv: "måste vara en dag som finns varje år, skriven MM-DD, t.ex. 03-31 (inte 02-29)",
    });
  }
}

/** Checks an entry: valid days in order (opens ≤ closes < decision ≤ payout, all in the same year) and a sane year range. */
export function assertScheduleEntry(entry: ScheduleEntry, prefix = "input"): void {
  for (const key of ["applicationOpens", "applicationCloses", "decision", "payout"] as const)
    assertMonthDay(`${prefix}.${key}`, entry[key]);
  if (entry.toYear !== null && entry.toYear < entry.fromYear) {
    throw new ValidationError(`${prefix}.toYear`, "order", {
      en: "must not be before fromYear",
      sv: "får inte vara före första året (fromYear)",
    });
  }
  if (entry.applicationCloses < entry.applicationOpens) {
    throw new ValidationError(`${prefix}.applicationCloses`, "order", {
      en: "must not be before applicationOpens",
      sv: "får inte vara före ansökningstidens början (applicationOpens)",
    });
  }
  if (entry.decision <= entry.applicationCloses) {
    throw new ValidationError(`${prefix}.decision`, "order", {
      en: "must be after the application period",
      sv: "måste vara efter ansökningstiden",
    });
  }
  if (entry.payout < entry.decision)
    throw new ValidationError(`${prefix}.payout`, "order", {
      en: "must not be before the decision",
      sv: "får inte vara före beslutet",
    });
}

export function appliesTo(entry: Pick<ScheduleEntry, "fromYear" | "toYear">, year: number): boolean {
  return entry.fromYear <= year && (entry.toYear === null || year <= entry.toYear);
}

/** True when two entries for the same term cover a common year. */
export function overlaps(a: ScheduleEntry, b: ScheduleEntry): boolean {
  if (a.term !== b.term) return false;
  const aEnd = a.toYear ?? Number.MAX_SAFE_INTEGER;
  const bEnd = b.toYear ?? Number.MAX_SAFE_INTEGER;
  return a.fromYear <= bEnd && b.fromYear <= aEnd;
}

/** The concrete dates of a round in a year. */
export function roundDates(entry: ScheduleEntry, year: number): RoundDates {
  const at = (md: string) => `${year}-${md}`;
  return {
    applicationOpens: at(entry.applicationOpens),
    applicationCloses: at(entry.applicationCloses),
    plannedDecisionDate: at(entry.decision),
    plannedPayoutDate: at(entry.payout),
  };
}

const TERM_NAMES: Record<RoundTerm, string> = { SPRING: "vår", AUTUMN: "höst", ANNUAL: "årlig" };

export function roundName(year: number, term: RoundTerm): string {
  return `Utdelning ${year} ${TERM_NAMES[term]}`;
}
