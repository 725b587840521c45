import { GraphQLScalarType, Kind } from "graphql";
import { ScalarValidationError } from "../errors/errors";

/** A calendar date without time, held as "YYYY-MM-DD" everywhere (TS, SQL DATE, JSON). */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates this platform can mean: births from 1850, plans up to 2199. Outside is an input error, not a date to compute with. */
export const MIN_YEAR = 1850;
export const MAX_YEAR = 2199;

export function isLocalDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function parseLocalDate(value: unknown): LocalDate {
  if (typeof value !== "string" || !isLocalDate(value)) {
    throw new ScalarValidationError("Date", "format", {
      en: `Date must be a real calendar date as YYYY-MM-DD, in the years ${MIN_YEAR}–${MAX_YEAR}`,
      sv: `Date måste vara ett verkligt datum som ÅÅÅÅ-MM-DD, åren ${MIN_YEAR}–${MAX_YEAR}`,
    });
  }
  return value;
}

/** Normalises what a driver returns for a DATE column (string, or Date from some drivers). */
export function toLocalDate(value: string | Date): LocalDate {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value.slice(0, 10);
}

export const LocalDateScalar = new GraphQLScalarType<LocalDate, string>({
  name: "Date",
  description: "A calendar date without time, YYYY-MM-DD (ISO 8601).",
  serialize: (value) => toLocalDate(value as string | Date),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Date arithmetic on LocalDate, in UTC so no time zone shifts a day. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Adds months, clamping to the last day of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Today's date (UTC), or `now`'s. Without `now` the day's text is kept until the day ends, so a
 * computed field asking per row reads the clock, not a new string (synpunkter's `overdue` uses its
 * municipal day, Europe/Stockholm, cached the same way: municipal-date.ts).
 */
export function todayLocalDate(now?: Date): LocalDate {
  if (now) return now.toISOString().slice(0, 10);
  const ms = Date.now();
  if (ms < today.starts || ms >= today.starts + DAY_MS) {
    today.starts = ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
    today.text = new Date(ms).toISOString().slice(0, 10);
  }
  return today.text;
}

const DAY_MS = 86_400_000;
const today = { starts: -Infinity, text: "" };

/** TypeORM column options for a DATE held as "YYYY-MM-DD". */
export const dateColumn = {
  type: "date" as const,
  transformer: {
    to: (value: LocalDate | null | undefined) => value,
    from: (value: string | Date | null) => (value === null || value === undefined ? value : toLocalDate(value)),
  },
};
