import { ValidationError, type Message } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { sqlDialect, type SqlDialect } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";

/** `fromField` is an input path (the same in both languages) or a phrase given in both. */
export function assertOrder(field: string, from: LocalDate, to: LocalDate, fromField: string | Message): void {
  if (to < from) {
    const { en, sv } = typeof fromField === "string" ? { en: fromField, sv: fromField } : fromField;
    throw new ValidationError(field, "order", { en: `must not be before ${en}`, sv: `får inte vara före ${sv}` });
  }
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2200;

export function assertYear(field: string, year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValidationError(field, "range", {
      en: `must be a year between ${MIN_YEAR} and ${MAX_YEAR}`,
      sv: `måste vara ett år mellan ${MIN_YEAR} och ${MAX_YEAR}`,
    });
  }
}

/** A date parameter placeholder typed as DATE on MariaDB (sqlite holds dates as text). */
export function dateParam(source: DataSource | EntityManager): string {
  return dialectDateParam(sqlDialect(source));
}

/** dateParam for a dialect (the statement builders take the dialect, not the source). */
export function dialectDateParam(d: SqlDialect): string {
  return d.kind === "mysql" ? "CAST(? AS DATE)" : "?";
}

/** "YYYY-01-01" and "YYYY-12-31" and the number of days of a year. */
export function yearBounds(year: number): { start: LocalDate; end: LocalDate; days: number } {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return { start: `${year}-01-01`, end: `${year}-12-31`, days: leap ? 366 : 365 };
}
