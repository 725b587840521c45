import type { DataSource, EntityManager } from "typeorm";

/**
 * The few SQL expressions that differ between MariaDB/MySQL and the embedded sqlite
 * (sql.js), so statistics stay in SQL on both. Arguments are SQL expressions.
 */
export interface SqlDialect {
  kind: "mysql" | "sqlite";
  /** 'YYYY-MM' of a DATE/DATETIME expression. */
  yearMonth(expr: string): string;
  /** Calendar year as an integer. */
  year(expr: string): string;
  /** Whole days from a to b (b − a) for DATE expressions. */
  daysBetween(a: string, b: string): string;
  /** DATE expression plus n days (n an SQL integer expression). */
  addDays(expr: string, n: string): string;
  /** The later / earlier of two values. */
  greatest(a: string, b: string): string;
  least(a: string, b: string): string;
  /** DATE part of a DATETIME as 'YYYY-MM-DD'. */
  dateOf(expr: string): string;
}

const mysql: SqlDialect = {
  kind: "mysql",
  yearMonth: (e) => `DATE_FORMAT(${e}, '%Y-%m')`,
  year: (e) => `YEAR(${e})`,
  daysBetween: (a, b) => `DATEDIFF(${b}, ${a})`,
  addDays: (e, n) => `DATE_ADD(${e}, INTERVAL ${n} DAY)`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  least: (a, b) => `LEAST(${a}, ${b})`,
  dateOf: (e) => `DATE(${e})`,
};

const sqlite: SqlDialect = {
  kind: "sqlite",
  yearMonth: (e) => `strftime('%Y-%m', ${e})`,
  year: (e) => `CAST(strftime('%Y', ${e}) AS INTEGER)`,
  daysBetween: (a, b) => `CAST(ROUND(julianday(${b}) - julianday(${a})) AS INTEGER)`,
  addDays: (e, n) => `date(${e}, '+' || (${n}) || ' days')`,
  greatest: (a, b) => `MAX(${a}, ${b})`,
  least: (a, b) => `MIN(${a}, ${b})`,
  dateOf: (e) => `date(${e})`,
};

export function sqlDialect(source: DataSource | EntityManager): SqlDialect {
  const ds = "connection" in source ? source.connection : source;
  const type = ds.options.type;
  return type === "mysql" || type === "mariadb" ? mysql : sqlite;
}

/** Integer from a driver value (mysql2 returns COUNT/SUM as strings; sqlite as numbers). */
export function toInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return Math.round(Number(value));
}
