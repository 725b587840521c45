import { ValidationError } from "@arbetsliv/core";
import { type LocalDate } from "@arbetsliv/core/values";
import { sqlDialect, type SqlDialect } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";

export function assertOrder(field: string, from: LocalDate, to: LocalDate, fromField: string): void {
  if (to < from) throw new ValidationError(field, "order", `must not be before ${fromField}`);
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2200;

export function assertYear(field: string, year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValidationError(field, "range", `must be a year between ${MIN_YEAR} and ${MAX_YEAR}`);
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
