import { ValidationError } from "@arbetsliv/core";
import { isLocalDate, type LocalDate } from "@arbetsliv/core/values";

/** A calendar month as "YYYY-MM" — the month an application, decision or payout concerns. */
export type YearMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): boolean {
  return MONTH.test(value);
}

export function assertYearMonth(field: string, value: string): YearMonth {
  if (!isYearMonth(value))
    throw new ValidationError(field, "month", { en: "must be a month as YYYY-MM", sv: "måste vara en månad, ÅÅÅÅ-MM" });
  return value;
}

export function addMonthsTo(month: YearMonth, n: number): YearMonth {
  const [y, m] = month.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** Months from a to b (b − a). */
export function monthsBetween(a: YearMonth, b: YearMonth): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return yb * 12 + mb - (ya * 12 + ma);
}

export function firstDayOf(month: YearMonth): LocalDate {
  return `${month}-01`;
}

export function lastDayOf(month: YearMonth): LocalDate {
  const [y, m] = month.split("-").map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

export function monthOf(date: LocalDate): YearMonth {
  return date.slice(0, 7);
}

/** Every month from a to b inclusive. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let m = from; m <= to; m = addMonthsTo(m, 1)) out.push(m);
  return out;
}

export function assertLocalDate(field: string, value: string): LocalDate {
  if (!isLocalDate(value))
    throw new ValidationError(field, "date", {
      en: "must be a date as YYYY-MM-DD",
      sv: "måste vara ett datum, ÅÅÅÅ-MM-DD",
    });
  return value;
}

/** a·b/c rounded half up to a whole number, for non-negative integers (öre). */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  if (numerator < 0 || denominator <= 0)
    throw new RangeError("roundHalfUpDiv takes a non-negative numerator and a positive denominator");
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
