import { In } from "typeorm";
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
import { Fund } from "../fund/fund.entity";
import { Round } from "../round/round.entity";
import { DOMAIN } from "../scopes";
import { FUND_SUMMARY } from "./summary";

/** The longest period the payouts by payment date answer (as ekonomiskt bistånd's). */
export const MAX_PAYMENT_DAY_MONTHS = 24;
/** Days in 24 consecutive months at most. */
export const MAX_PAYMENT_DAYS = 731;

/*
 * Paid donation payouts per day paid (donation_payout_payment.paidOn, the day the money was paid
 * as given when marked paid) and fund. Two constant statements and two look-ups of names.
 */

/** Paid payouts per day paid and fund: the sum, how many (one per person: one allocation per application), the rounds. */
export const PAID_DAYS_STATEMENT = `SELECT pp.paidOn AS paidOn, p.fundId AS fundId, SUM(p.amount) AS amount, COUNT(*) AS payouts,
    MIN(p.roundId) AS firstRoundId, MAX(p.roundId) AS lastRoundId
  FROM donation_payout_payment pp JOIN donation_payout p ON p.id = pp.payoutId
  WHERE pp.paidOn BETWEEN ? AND ? GROUP BY pp.paidOn, p.fundId ORDER BY pp.paidOn, p.fundId`;

/** Per round and fund paid in the period: the granted count donationReport suppresses its amountPaid by. */
export const PAID_ROUND_FUNDS_STATEMENT = `SELECT p.roundId AS roundId, p.fundId AS fundId, MAX(s.granted) AS granted
  FROM donation_payout_payment pp JOIN donation_payout p ON p.id = pp.payoutId
  LEFT JOIN ${FUND_SUMMARY} s ON s.roundId = p.roundId AND s.fundId = p.fundId
  WHERE pp.paidOn BETWEEN ? AND ? GROUP BY p.roundId, p.fundId`;

export interface DonationPaymentDayFigures {
  paymentDate: LocalDate;
  fundId: number;
  fundCode: string;
  fundName: string;
  roundId: number | null;
  roundName: string | null;
  amount: Ore | null;
  payouts: number | null;
  suppressed: string[];
}

export interface DonationPayoutsByPaymentDate {
  from: LocalDate;
  to: LocalDate;
  policy: DisclosurePolicy;
  days: DonationPaymentDayFigures[];
  amount: Ore | null;
  payouts: number | null;
  suppressed: string[];
}

/** Reversed or too long a period: a clear error naming `to` and the rule. */
export function assertPaymentDayPeriod(from: LocalDate, to: LocalDate): void {
  assertPeriodWithin(from, to, MAX_PAYMENT_DAY_MONTHS);
}

/** The figures from the records, before disclosure control. */
export async function exactPayoutsByPaymentDate(
  ctx: Pick<RequestContext, "ds">,
  from: LocalDate,
  to: LocalDate,
): Promise<{ days: DonationPaymentDayFigures[]; granted: Map<number, number[]> }> {
  assertPaymentDayPeriod(from, to);
  const m = ctx.ds.manager;
  const [rows, roundFunds]: [Record<string, unknown>[], Record<string, unknown>[]] = await Promise.all([
    m.query(PAID_DAYS_STATEMENT, [from, to]),
    m.query(PAID_ROUND_FUNDS_STATEMENT, [from, to]),
  ]);
  const fundIds = [...new Set(rows.map((r) => toInt(r.fundId)))];
  const roundIds = [
    ...new Set(rows.filter((r) => toInt(r.firstRoundId) === toInt(r.lastRoundId)).map((r) => toInt(r.firstRoundId))),
  ];
  const [funds, rounds] = await Promise.all([
    fundIds.length ? m.find(Fund, { where: { id: In(fundIds) } }) : [],
    roundIds.length ? m.find(Round, { where: { id: In(roundIds) } }) : [],
  ]);
  const fundOf = new Map(funds.map((f) => [f.id, f]));
  const roundOf = new Map(rounds.map((r) => [r.id, r]));
  const days = rows.map((r): DonationPaymentDayFigures => {
    const fund = fundOf.get(toInt(r.fundId))!;
    const single = toInt(r.firstRoundId) === toInt(r.lastRoundId) ? roundOf.get(toInt(r.firstRoundId)) : undefined;
    return {
      paymentDate: toLocalDate(r.paidOn as string | Date),
      fundId: fund.id,
      fundCode: fund.code,
      fundName: fund.name,
      roundId: single?.id ?? null,
      roundName: single?.name ?? null,
      amount: toInt(r.amount),
      payouts: toInt(r.payouts),
      suppressed: [],
    };
  });
  const granted = new Map<number, number[]>();
  for (const r of roundFunds) {
    const fundId = toInt(r.fundId);
    granted.set(fundId, [...(granted.get(fundId) ?? []), toInt(r.granted)]);
  }
  return { days, granted };
}

/**
 * Disclosure control: a row's payouts count persons (one payout per application, one application
 * per person and round); its amount is hidden with it. The period's figures are the rows' sums.
 * A fund's paid rows add up to what donationReport publishes as the fund's amountPaid per round
 * unless a round's granted count there is small: such a fund's sum is treated as known to the
 * reader (so a lone small row in it gets a complement), otherwise as hidden with those counts.
 */
export function controlDonationPaymentDays(
  answer: DonationPayoutsByPaymentDate,
  grantedByFund: ReadonlyMap<number, readonly number[]>,
): DonationPayoutsByPaymentDate {
  const control = new DisclosureControl();
  const minCell = answer.policy.exact ? 1 : answer.policy.minCell;
  const byFund = new Map<number, { amount: number; cells: number[] }>();
  const counts: number[] = [];
  const amounts: number[] = [];
  for (const row of answer.days) {
    const payouts = control.count(row, "payouts");
    // The amount follows a small count, not a count hidden only as a complement (that would cascade).
    const amount = control.magnitude(row, "amount", [control.hiddenCount(row.payouts ?? 0)]);
    counts.push(payouts);
    amounts.push(amount);
    const entry = byFund.get(row.fundId) ?? { amount: 0, cells: [] };
    entry.amount += row.amount ?? 0;
    entry.cells.push(amount);
    byFund.set(row.fundId, entry);
  }
  for (const [fundId, { amount, cells }] of byFund) {
    const granted = grantedByFund.get(fundId) ?? [];
    const small = granted.filter((g) => g > 0 && g < minCell);
    const cell =
      small.length === 0
        ? control.known(amount)
        : control.table.magnitude(
            amount,
            small.map((g) => control.hiddenCount(g)),
          );
    control.sum(cell, cells);
  }
  control.sum(control.magnitude(answer, "amount", []), amounts);
  control.sum(control.magnitude(answer, "payouts", []), counts);
  control.apply(answer.policy);
  return answer;
}

/** The query: disclosure policy from the caller's scopes, whole months without the exact scope, exact reads logged. */
export async function donationPayoutsByPaymentDate(
  ctx: RequestContext,
  from: LocalDate,
  to: LocalDate,
): Promise<DonationPayoutsByPaymentDate> {
  const policy = disclosurePolicy(ctx, DOMAIN);
  assertPaymentDayPeriod(from, to);
  assertWholeMonths(policy, from, to);
  await logExactStatisticsRead(ctx, policy, DOMAIN, "Query.donationPayoutsByPaymentDate", `${from}..${to}`);
  const { days, granted } = await exactPayoutsByPaymentDate(ctx, from, to);
  const answer: DonationPayoutsByPaymentDate = {
    from,
    to,
    policy,
    days,
    amount: days.reduce((s, d) => s + (d.amount ?? 0), 0),
    payouts: days.reduce((s, d) => s + (d.payouts ?? 0), 0),
    suppressed: [],
  };
  return controlDonationPaymentDays(answer, granted);
}
