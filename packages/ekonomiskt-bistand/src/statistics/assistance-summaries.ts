import type { EntityManager } from "typeorm";
import { addToSummary, isMysql, sqlDialect, toInt, type LocalDate, type Ore, type SummaryDelta } from "@arbetsliv/core";
import { addMonthsTo, type YearMonth } from "../shared/month";

/** "More than ten months": the long-term indicator counts households paid in at least 11 distinct months of 12. */
export const LONG_TERM_MIN_MONTHS = 11;
/** The long-term window: the 12 months ending with the month counted. */
const WINDOW = 12;

export interface PayoutEntry {
  householdId: number;
  month: YearMonth;
  amount: Ore;
  paymentDate: LocalDate;
}

/**
 * Adds a new payout row (original or correction) to the summary rows, in the caller's
 * transaction. The caller must hold the household's row lock (see PayoutService): two payouts
 * of one household computed side by side would both start from the same paid months.
 *
 * Only the household's paid status for the payout's month can change. That changes
 * households(month) and, for each of the 12 months M from that month on, whether the household
 * is paid in ≥ 11 of the 12 months ending with M; so its paid months from month − 11 to
 * month + 11 (≤ 23 rows) give its contribution before and after, and the difference is added.
 * Tables are written in one order (paid months, month figures, payment days; keys ascending
 * within each), so concurrent payouts of different households cannot deadlock on them.
 */
export async function recordPayout(manager: EntityManager, p: PayoutEntry): Promise<void> {
  // A locking read sees the latest committed rows (not the transaction's snapshot, which may
  // predate a payout of this household committed while we waited for its lock).
  const rows: { month: string; netAmount: unknown }[] = await manager.query(
    `SELECT month, netAmount FROM eb_paid_month WHERE householdId = ? AND month BETWEEN ? AND ?${isMysql(manager) ? " FOR UPDATE" : ""}`,
    [p.householdId, addMonthsTo(p.month, -(WINDOW - 1)), addMonthsTo(p.month, WINDOW - 1)],
  );
  const paidBefore = new Set(rows.filter((r) => toInt(r.netAmount) > 0).map((r) => r.month));
  const net = toInt(rows.find((r) => r.month === p.month)?.netAmount);
  const wasPaid = net > 0;
  const isPaid = net + p.amount > 0;

  await addToSummary(manager, "eb_paid_month", ["householdId", "month"], ["netAmount"], [{ key: [p.householdId, p.month], add: [p.amount] }]);
  if (wasPaid !== isPaid) {
    const paidAfter = new Set(paidBefore);
    if (isPaid) paidAfter.add(p.month);
    else paidAfter.delete(p.month);
    await addToSummary(manager, "eb_month_figures", ["month"], ["households", "longTermHouseholds"], figureDeltas(p.month, paidBefore, paidAfter));
  }
  await addToSummary(manager, "eb_payment_day", ["paymentDate"], ["amount"], [{ key: [p.paymentDate], add: [p.amount] }]);
}

/** The change in households(month) and longTerm(M), M = month … month + 11, when a household's paid months go from before to after. */
export function figureDeltas(month: YearMonth, before: ReadonlySet<YearMonth>, after: ReadonlySet<YearMonth>): SummaryDelta[] {
  const longTerm = (paid: ReadonlySet<YearMonth>, end: YearMonth) => {
    let n = 0;
    for (let i = 0; i < WINDOW; i++) if (paid.has(addMonthsTo(end, -i))) n++;
    return n >= LONG_TERM_MIN_MONTHS ? 1 : 0;
  };
  const deltas: SummaryDelta[] = [];
  for (let i = 0; i < WINDOW; i++) {
    const m = addMonthsTo(month, i);
    const households = i === 0 ? Number(after.has(m)) - Number(before.has(m)) : 0;
    deltas.push({ key: [m], add: [households, longTerm(after, m) - longTerm(before, m)] });
  }
  return deltas;
}

/**
 * Recomputes every summary table from eb_payout: after bulk loads that bypass the services (the
 * demo seed, the benchmark seeder), and as the tests' reference. Long-term households come from
 * one window pass over each household's paid months (LAG/LEAD, as the statistics once did on
 * every request): paid month k looks back 10 paid months; the window ending at k qualifies when
 * that month is at most 11 months back, the window ending at k + 1 (k + 1 not paid) when it is
 * at most 10 back. With 11 of 12 months required a qualifying window misses at most one month,
 * so these two cases are all of them. Rows where every figure is 0 are left out (the same as no row).
 */
export async function rebuildAssistanceSummaries(manager: EntityManager): Promise<void> {
  const mysql = sqlDialect(manager).kind === "mysql";
  await manager.query("DELETE FROM eb_paid_month");
  await manager.query("INSERT INTO eb_paid_month (householdId, month, netAmount) SELECT householdId, month, SUM(amount) FROM eb_payout GROUP BY householdId, month");
  await manager.query("DELETE FROM eb_payment_day");
  await manager.query("INSERT INTO eb_payment_day (paymentDate, amount) SELECT paymentDate, SUM(amount) FROM eb_payout GROUP BY paymentDate");

  // A month as an integer (year × 12 + month), so a 12-month window is a difference of 11.
  const k = mysql ? "(CAST(SUBSTR(x.month, 1, 4) AS SIGNED) * 12 + CAST(SUBSTR(x.month, 6, 2) AS SIGNED))" : "(CAST(SUBSTR(x.month, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(x.month, 6, 2) AS INTEGER))";
  const monthOfK = (e: string) => (mysql ? `CONCAT(LPAD((${e} - 1) DIV 12, 4, '0'), '-', LPAD((${e} - 1) MOD 12 + 1, 2, '0'))` : `printf('%04d-%02d', (${e} - 1) / 12, (${e} - 1) % 12 + 1)`);
  const back = LONG_TERM_MIN_MONTHS - 1;
  await manager.query("DELETE FROM eb_month_figures");
  await manager.query(
    `INSERT INTO eb_month_figures (month, households, longTermHouseholds)
     SELECT ${monthOfK("g.k + d.o")}, SUM(CASE WHEN d.o = 0 THEN g.households ELSE 0 END), SUM(CASE WHEN d.o = 0 THEN g.endingHere ELSE g.endingNext END)
       FROM (SELECT s.k AS k, COUNT(*) AS households,
                    SUM(CASE WHEN s.kBack >= s.k - 11 THEN 1 ELSE 0 END) AS endingHere,
                    SUM(CASE WHEN s.kBack >= s.k - 10 AND (s.kNext IS NULL OR s.kNext <> s.k + 1) THEN 1 ELSE 0 END) AS endingNext
               FROM (SELECT ${k} AS k,
                            LAG(${k}, ${back}) OVER (PARTITION BY x.householdId ORDER BY x.month) AS kBack,
                            LEAD(${k}) OVER (PARTITION BY x.householdId ORDER BY x.month) AS kNext
                       FROM eb_paid_month x WHERE x.netAmount > 0) s
              GROUP BY s.k) g
      CROSS JOIN (SELECT 0 AS o UNION ALL SELECT 1 AS o) d
      GROUP BY g.k + d.o
     HAVING SUM(CASE WHEN d.o = 0 THEN g.households ELSE 0 END) <> 0 OR SUM(CASE WHEN d.o = 0 THEN g.endingHere ELSE g.endingNext END) <> 0`,
  );
}
