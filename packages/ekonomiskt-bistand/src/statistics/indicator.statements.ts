import type { SqlDialect } from "@arbetsliv/core/data";
import type { LocalDate } from "@arbetsliv/core/values";
import { MemberRole } from "../enums";
import type { YearMonth } from "../shared/month";

/*
 * The indicators' statements, each with its parameters ([sql, values], "?" on both drivers):
 * AssistanceStatistics (statistics.service.ts) runs them, and the bench's floor imports them so
 * it runs the same SQL. `d` is the source's dialect (core's sqlDialect).
 */

/** A positional statement: the SQL and its values in order. */
export type Statement = [sql: string, values: unknown[]];

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Households and long-term households per month: the month rows kept on write (assistance-summaries.ts). */
export function monthFiguresStatement(firstMonth: YearMonth, lastMonth: YearMonth): Statement {
  return [
    "SELECT f.month AS month, f.households AS households, f.longTermHouseholds AS longTerm FROM eb_month_figures f WHERE f.month BETWEEN ? AND ?",
    [firstMonth, lastMonth],
  ];
}

/** Payouts (with corrections) per payment month, from the payouts summed per payment date on write (at most 31 rows a month). */
export function paidPerMonthStatement(d: SqlDialect, from: LocalDate, to: LocalDate): Statement {
  const month = d.yearMonth("p.paymentDate");
  return [
    `SELECT ${month} AS month, SUM(p.amount) AS total FROM eb_payment_day p WHERE p.paymentDate BETWEEN ? AND ? GROUP BY ${month}`,
    [from, to],
  ];
}

/** Money recovered per month received, and how many recoveries make up each sum (the basis of its disclosure control). */
export function recoveredPerMonthStatement(d: SqlDialect, from: LocalDate, to: LocalDate): Statement {
  const month = d.yearMonth("r.receivedDate");
  return [
    `SELECT ${month} AS month, SUM(r.amount) AS total, COUNT(*) AS n FROM eb_recovery r WHERE r.receivedDate BETWEEN ? AND ? GROUP BY ${month}`,
    [from, to],
  ];
}

/** The net-cost budgets of the given years (the board's, eb_budget_year). */
export function budgetYearsStatement(years: readonly number[]): Statement {
  return [`SELECT year, netCostBudget FROM eb_budget_year WHERE year IN (${placeholders(years.length)})`, [...years]];
}

/**
 * Children (0–17 on `on`, the period's last day) living in a household paid for `month` (the
 * period's last month). Born after the day 18 years before `on` (28 February for 29 February).
 */
export function childrenInAssistedHouseholdsStatement(on: LocalDate, month: YearMonth): Statement {
  const [y, m, d] = on.split("-");
  const cutoff = `${Number(y) - 18}-${m}-${d === "29" && m === "02" ? "28" : d}`;
  return [
    `SELECT COUNT(*) AS n FROM eb_household_member c WHERE c.role = ? AND c.birthDate > ? AND c.birthDate <= ? AND c.joinedOn <= ? AND (c.leftOn IS NULL OR c.leftOn >= ?)
        AND c.householdId IN (SELECT x.householdId FROM eb_paid_month x WHERE x.month = ? AND x.netAmount > 0)`,
    [MemberRole.CHILD, cutoff, on, on, on, month],
  ];
}

/**
 * Payouts (originals and corrections, signed) per payment date of the period: the sum, how many
 * payout entries and how many distinct households. One grouped SELECT over eb_payout, ranged on its
 * (paymentDate, amount) index (eb_payment_day has the sums but not the households).
 */
export function paymentDaysStatement(from: LocalDate, to: LocalDate): Statement {
  return [
    `SELECT p.paymentDate AS paymentDate, SUM(p.amount) AS amount, COUNT(*) AS payouts, COUNT(DISTINCT p.householdId) AS households
       FROM eb_payout p WHERE p.paymentDate BETWEEN ? AND ? GROUP BY p.paymentDate ORDER BY p.paymentDate`,
    [from, to],
  ];
}

/** Distinct households with a payout (or correction) dated in the period. */
export function householdsPaidInPeriodStatement(from: LocalDate, to: LocalDate): Statement {
  return ["SELECT COUNT(DISTINCT p.householdId) AS n FROM eb_payout p WHERE p.paymentDate BETWEEN ? AND ?", [from, to]];
}
