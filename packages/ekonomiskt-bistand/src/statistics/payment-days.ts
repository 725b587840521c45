import {
  DisclosureControl,
  assertPeriodWithin,
  assertWholeMonths,
  disclosurePolicy,
  logExactStatisticsRead,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { toInt } from "@arbetsliv/core/data";
import { toLocalDate, type LocalDate, type Ore } from "@arbetsliv/core/values";
import type { DataSource, EntityManager } from "typeorm";
import { DOMAIN } from "../scopes";
import { monthOf, monthRange, type YearMonth } from "../shared/month";
import { householdsPaidInPeriodStatement, monthFiguresStatement, paymentDaysStatement } from "./indicator.statements";

/** The longest period the payouts by payment date answer: two years of days is a bounded list. */
export const MAX_PAYMENT_DAY_MONTHS = 24;
/** Days in 24 consecutive months at most (two years, one of them a leap year). */
export const MAX_PAYMENT_DAYS = 731;

export interface PaymentDayFigures {
  paymentDate: LocalDate;
  amount: Ore | null;
  payouts: number | null;
  households: number | null;
  suppressed: string[];
}

export interface PayoutsByPaymentDate {
  from: LocalDate;
  to: LocalDate;
  policy: DisclosurePolicy;
  days: PaymentDayFigures[];
  amount: Ore | null;
  payouts: number | null;
  households: number | null;
  suppressed: string[];
}

/** Reversed or too long a period: a clear error naming `to` and the rule. */
export function assertPaymentDayPeriod(from: LocalDate, to: LocalDate): void {
  assertPeriodWithin(from, to, MAX_PAYMENT_DAY_MONTHS);
}

/**
 * Payouts of försörjningsstöd per payment date, computed from eb_payout in three constant
 * statements (the days, the period's households, the months' household counts for the control).
 */
export async function payoutsByPaymentDate(
  source: DataSource | EntityManager,
  from: LocalDate,
  to: LocalDate,
  policy: DisclosurePolicy,
): Promise<PayoutsByPaymentDate> {
  assertPaymentDayPeriod(from, to);
  const manager = "manager" in source ? source.manager : source;
  const months = monthRange(monthOf(from), monthOf(to));
  const [dayRows, [period], monthRows]: [
    { paymentDate: string | Date; amount: unknown; payouts: unknown; households: unknown }[],
    { n: unknown }[],
    { month: string; households: unknown }[],
  ] = await Promise.all([
    manager.query(...paymentDaysStatement(from, to)),
    manager.query(...householdsPaidInPeriodStatement(from, to)),
    manager.query(...monthFiguresStatement(months[0], months[months.length - 1])),
  ]);
  const days: PaymentDayFigures[] = dayRows.map((r) => ({
    paymentDate: toLocalDate(r.paymentDate),
    amount: toInt(r.amount),
    payouts: toInt(r.payouts),
    households: toInt(r.households),
    suppressed: [],
  }));
  const answer: PayoutsByPaymentDate = {
    from,
    to,
    policy,
    days,
    amount: days.reduce((s, d) => s + (d.amount ?? 0), 0),
    payouts: days.reduce((s, d) => s + (d.payouts ?? 0), 0),
    households: toInt(period?.n),
    suppressed: [],
  };
  const monthHouseholds = new Map(monthRows.map((r) => [r.month, toInt(r.households)]));
  return controlPaymentDays(answer, monthHouseholds);
}

/**
 * Disclosure control: a day's households are a count; its payouts and amount are hidden with it.
 * The period's payouts and amount are the days' sums. The days of a payment month add up to the
 * month's grossPaid, which assistanceIndicators publishes, so that sum counts as known to the
 * reader and a small day gets a complement among the month's other days — except in a month whose
 * households are few (the indicators hide its money): there the sum is hidden with them. (A small
 * day that is its month's only payment day adds nothing: its amount is the published month's.)
 * The period's households is a lone count.
 */
export function controlPaymentDays(
  answer: PayoutsByPaymentDate,
  monthHouseholds: ReadonlyMap<YearMonth, number>,
): PayoutsByPaymentDate {
  const control = new DisclosureControl();
  const minCell = answer.policy.exact ? 1 : answer.policy.minCell;
  const byMonth = new Map<YearMonth, { amount: number; cells: number[] }>();
  const dayPayouts: number[] = [];
  for (const day of answer.days) {
    const households = control.count(day, "households");
    dayPayouts.push(control.magnitude(day, "payouts", [households]));
    const amount = control.magnitude(day, "amount", [households]);
    const month = monthOf(day.paymentDate);
    const entry = byMonth.get(month) ?? { amount: 0, cells: [] };
    entry.amount += day.amount ?? 0;
    entry.cells.push(amount);
    byMonth.set(month, entry);
  }
  const monthCells = [...byMonth].map(([month, { amount, cells }]) => {
    const households = monthHouseholds.get(month) ?? 0;
    // Published by the indicators: known to the reader. Hidden there: a magnitude hidden with those households.
    const published = households === 0 || households >= minCell;
    const cell = published ? control.known(amount) : control.table.magnitude(amount, [control.hiddenCount(households)]);
    control.sum(cell, cells);
    return cell;
  });
  control.sum(control.magnitude(answer, "amount", []), monthCells);
  control.sum(control.magnitude(answer, "payouts", []), dayPayouts);
  control.count(answer, "households");
  control.apply(answer.policy);
  return answer;
}

/** The query: disclosure policy from the caller's scopes, whole months without the exact scope, exact reads logged. */
export async function assistancePayoutsByPaymentDate(
  ctx: RequestContext,
  from: LocalDate,
  to: LocalDate,
): Promise<PayoutsByPaymentDate> {
  const policy = disclosurePolicy(ctx, DOMAIN);
  assertPaymentDayPeriod(from, to);
  assertWholeMonths(policy, from, to);
  await logExactStatisticsRead(ctx, policy, DOMAIN, "Query.assistancePayoutsByPaymentDate", `${from}..${to}`);
  return payoutsByPaymentDate(ctx.ds, from, to, policy);
}
