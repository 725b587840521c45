import type { EntityManager } from "typeorm";
import {
  applySummaryChange,
  isMysql,
  rebuildSummaries,
  summaryProjection,
  toInt,
  type SummaryContribution,
  type SummaryDeclaration,
  type SummaryTable,
} from "@arbetsliv/core/data";
import type { Payout } from "../decision/payout.entity";
import { addMonthsTo, monthRange, type YearMonth } from "../shared/month";

/*
 * Summary rows kept on write (core summary projections), in the transaction that writes a payout,
 * so the indicators read a few rows instead of scanning every payout. A payout (original or
 * correction) adds its amount to its household's month and to its payment day; the month figures
 * are derived from a household's paid months (net > 0), so they move with the paid months around
 * the payout's month. Everything can be rebuilt from eb_payout (rebuildAssistanceSummaries).
 */

/** "More than ten months": the long-term indicator counts households paid in at least 11 distinct months of 12. */
export const LONG_TERM_MIN_MONTHS = 11;
/** The long-term window: the 12 months ending with the month counted. */
const WINDOW = 12;

/** The net of a household's payouts for the month they concern; paid when > 0. */
export const paidMonthSummary: SummaryTable = {
  table: "eb_paid_month",
  keys: ["householdId", "month"],
  counters: ["netAmount"],
  fromRecords: "SELECT householdId, month, SUM(amount) FROM eb_payout GROUP BY householdId, month",
};

/** Payouts and corrections summed per payment date. */
export const paymentDaySummary: SummaryTable = {
  table: "eb_payment_day",
  keys: ["paymentDate"],
  counters: ["amount"],
  fromRecords: "SELECT paymentDate, SUM(amount) FROM eb_payout GROUP BY paymentDate",
};

/**
 * Per month: households paid for it, and households paid in ≥ 11 of the 12 months ending with it.
 * Rebuilt from eb_paid_month (so after it) in one window pass over each household's paid months
 * (LAG/LEAD): paid month k looks back 10 paid months; the window ending at k qualifies when that
 * month is at most 11 months back, the window ending at k + 1 (k + 1 not paid) when it is at most
 * 10 back. With 11 of 12 months required a qualifying window misses at most one month, so these
 * two cases are all of them. Rows where every figure is 0 are left out (the same as no row).
 */
export const monthFiguresSummary: SummaryTable = {
  table: "eb_month_figures",
  keys: ["month"],
  counters: ["households", "longTermHouseholds"],
  fromRecords: (sql) => {
    const mysql = sql.kind === "mysql";
    // A month as an integer (year × 12 + month), so a 12-month window is a difference of 11.
    const k = mysql
      ? "(CAST(SUBSTR(x.month, 1, 4) AS SIGNED) * 12 + CAST(SUBSTR(x.month, 6, 2) AS SIGNED))"
      : "(CAST(SUBSTR(x.month, 1, 4) AS INTEGER) * 12 + CAST(SUBSTR(x.month, 6, 2) AS INTEGER))";
    const monthOfK = (e: string) =>
      mysql
        ? `CONCAT(LPAD((${e} - 1) DIV 12, 4, '0'), '-', LPAD((${e} - 1) MOD 12 + 1, 2, '0'))`
        : `printf('%04d-%02d', (${e} - 1) / 12, (${e} - 1) % 12 + 1)`;
    const back = LONG_TERM_MIN_MONTHS - 1;
    return `SELECT ${monthOfK("g.k + d.o")}, SUM(CASE WHEN d.o = 0 THEN g.households ELSE 0 END), SUM(CASE WHEN d.o = 0 THEN g.endingHere ELSE g.endingNext END)
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
     HAVING SUM(CASE WHEN d.o = 0 THEN g.households ELSE 0 END) <> 0 OR SUM(CASE WHEN d.o = 0 THEN g.endingHere ELSE g.endingNext END) <> 0`;
  },
};

/**
 * A household's paid months over a span of months. It contributes what the span determines:
 * households(m) for each paid month m of the span, and long-term(M) for each month M whose
 * whole window (M − 11 … M) lies in the span. A span from the household's first paid month to
 * 11 months past its last is its whole contribution.
 */
export interface HouseholdPaidMonths {
  householdId: number;
  from: YearMonth;
  to: YearMonth;
  paid: ReadonlySet<YearMonth>;
}

export const householdMonthsSummary = summaryProjection<HouseholdPaidMonths>({
  name: "Household (paid months)",
  tables: [monthFiguresSummary],
  contribution({ from, to, paid }) {
    const rows: SummaryContribution[] = [];
    const firstWindowEnd = addMonthsTo(from, WINDOW - 1);
    for (const m of monthRange(from, to)) {
      let inWindow = 0;
      if (m >= firstWindowEnd) for (let i = 0; i < WINDOW; i++) if (paid.has(addMonthsTo(m, -i))) inWindow++;
      const row = [paid.has(m) ? 1 : 0, inWindow >= LONG_TERM_MIN_MONTHS ? 1 : 0];
      if (row[0] || row[1]) rows.push({ table: monthFiguresSummary, key: [m], add: row });
    }
    return rows;
  },
});

/**
 * A payout (original or correction) adds its amount to its household's month and its payment
 * day. Where that changes whether the household is paid in the month, the month figures move:
 * its paid months from month − 11 to month + 11 (≤ 23 rows) before and after, through
 * householdMonthsSummary. The caller holds the household's row lock (see PayoutService): two
 * payouts of one household side by side would both start from the same paid months.
 */
export const payoutSummary = summaryProjection<Pick<Payout, "householdId" | "month" | "amount" | "paymentDate">>({
  name: "Payout",
  tables: [paidMonthSummary, paymentDaySummary],
  contribution: (p) => [
    { table: paidMonthSummary, key: [p.householdId, p.month], add: [p.amount] },
    { table: paymentDaySummary, key: [p.paymentDate], add: [p.amount] },
  ],
  async derived(manager, change) {
    for (const { key, add } of change.get(paidMonthSummary) ?? []) {
      const [householdId, month] = key as [number, YearMonth];
      const from = addMonthsTo(month, -(WINDOW - 1));
      const to = addMonthsTo(month, WINDOW - 1);
      // A locking read of the rows as now written (not the transaction's snapshot).
      const rows: { month: string; netAmount: unknown }[] = await manager.query(
        `SELECT month, netAmount FROM eb_paid_month WHERE householdId = ? AND month BETWEEN ? AND ?${isMysql(manager) ? " FOR UPDATE" : ""}`,
        [householdId, from, to],
      );
      const after = new Set(rows.filter((r) => toInt(r.netAmount) > 0).map((r) => r.month));
      const before = new Set(after);
      if (toInt(rows.find((r) => r.month === month)?.netAmount) - add[0] > 0) before.add(month);
      else before.delete(month);
      await applySummaryChange(
        manager,
        householdMonthsSummary,
        { householdId, from, to, paid: before },
        { householdId, from, to, paid: after },
      );
    }
  },
});

/** The summary tables of ekonomiskt bistånd, in rebuild order (the month figures read eb_paid_month). */
export const assistanceSummaries: SummaryDeclaration = {
  tables: [paidMonthSummary, paymentDaySummary, monthFiguresSummary],
  projections: [payoutSummary, householdMonthsSummary],
};

/**
 * Recomputes every summary table from eb_payout: after bulk loads that bypass the services (the
 * demo seed, the benchmark seeder), and as the tests' reference. Runs in the caller's
 * transaction, or in its own.
 */
export function rebuildAssistanceSummaries(manager: EntityManager): Promise<void> {
  return rebuildSummaries(manager, assistanceSummaries.tables);
}
