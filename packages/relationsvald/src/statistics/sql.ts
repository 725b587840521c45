import type { DataSource, EntityManager } from "typeorm";
import { sqlDialect, type SqlDialect } from "@arbetsliv/core/data";

/**
 * The few extra SQL expressions the statistics need on both MariaDB and sqlite (sql.js),
 * on top of core's dialect. Candidates for core.
 */
export interface StatsDialect extends SqlDialect {
  /** A DATE from a 'YYYY-MM-DD' expression (a bound parameter). */
  date(expr: string): string;
  /** First day of the next month, for a first-of-month DATE. */
  nextMonth(expr: string): string;
  /** 1 January of an integer year expression. */
  yearStart(expr: string): string;
  /** Many-argument GREATEST / LEAST. */
  max(...exprs: string[]): string;
  min(...exprs: string[]): string;
  /** round(a / b) half up for non-negative integers, exactly (no floating point). */
  roundDiv(a: string, b: string): string;
}

export function statsDialect(source: DataSource | EntityManager): StatsDialect {
  const base = sqlDialect(source);
  if (base.kind === "mysql") {
    return {
      ...base,
      date: (e) => `CAST(${e} AS DATE)`,
      nextMonth: (e) => `DATE_ADD(${e}, INTERVAL 1 MONTH)`,
      yearStart: (e) => `MAKEDATE(${e}, 1)`,
      max: (...e) => `GREATEST(${e.join(", ")})`,
      min: (...e) => `LEAST(${e.join(", ")})`,
      roundDiv: (a, b) => `((2 * (${a}) + (${b})) DIV (2 * (${b})))`,
    };
  }
  return {
    ...base,
    date: (e) => `date(${e})`,
    nextMonth: (e) => `date(${e}, '+1 month')`,
    yearStart: (e) => `date(printf('%04d-01-01', ${e}))`,
    max: (...e) => `MAX(${e.join(", ")})`,
    min: (...e) => `MIN(${e.join(", ")})`,
    roundDiv: (a, b) => `((2 * (${a}) + (${b})) / (2 * (${b})))`,
  };
}

/** Turns `:name` placeholders into positional `?` with the values in order (both drivers use `?`). */
export function named(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/:([a-zA-Z][a-zA-Z0-9]*)/g, (_m, name: string) => {
    if (!(name in values)) throw new Error(`SQL parameter :${name} has no value`);
    params.push(values[name]);
    return "?";
  });
  return [text, params];
}

/** A recursive CTE `months(monthStart)` of the first days of the months from :firstMonth through :to. */
export function monthsCte(d: StatsDialect): string {
  return `months (monthStart) AS (
      SELECT ${d.date(":firstMonth")}
      UNION ALL
      SELECT ${d.nextMonth("monthStart")} FROM months WHERE ${d.nextMonth("monthStart")} <= ${d.date(":to")}
    )`;
}

/** A recursive CTE `months(monthStart, monthEnd)`: the months from :firstMonth through :to, each with the first day of the next. */
export function monthSpansCte(d: StatsDialect): string {
  return `months (monthStart, monthEnd) AS (
      SELECT ${d.date(":firstMonth")}, ${d.nextMonth(d.date(":firstMonth"))}
      UNION ALL
      SELECT monthEnd, ${d.nextMonth("monthEnd")} FROM months WHERE monthEnd <= ${d.date(":to")}
    )`;
}
