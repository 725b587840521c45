import type { EntityManager } from "typeorm";
import { addToSummary, daysBetween, inTransaction, sqlDialect, type SqlDialect, type SummaryDelta } from "@arbetsliv/core";
import type { FeedbackItem } from "../feedback/feedback-item.entity";

/**
 * Summary rows of the statistics, kept on write in the transaction that changes an item.
 * Each item contributes to exactly one row of each table, as a pure function of its own
 * columns (received month, area, kind, criterion, dates, flags), so a change is "minus the
 * contribution before, plus the contribution after" and a rebuild is one GROUP BY per table.
 */

/** The month-summary counters: everything of the report's grouped pass except openOverdue (it depends on today). */
export const SUMMARY_COUNTERS = ["received", "closed", "inTime", "late", "forwarded", "improvements", "duplicates", "reopened", "wantedReply", "replied"] as const;
export type SummaryCounter = (typeof SUMMARY_COUNTERS)[number];

/** The primary key of feedback_month_summary, in its order. */
export const MONTH_SUMMARY_KEYS = ["businessAreaId", "kind", "criterion", "receivedMonth"] as const;

/** One item's counters as SQL over `feedback_item f` (1 or 0); itemCounters is the same rule in TypeScript. */
const COUNTER_SQL: Record<SummaryCounter, string> = {
  received: "1",
  closed: "CASE WHEN f.closedDate IS NOT NULL THEN 1 ELSE 0 END",
  inTime: "CASE WHEN f.closedDate <= f.dueDate THEN 1 ELSE 0 END",
  late: "CASE WHEN f.closedDate > f.dueDate THEN 1 ELSE 0 END",
  forwarded: "CASE WHEN f.forwardedTo IS NOT NULL THEN 1 ELSE 0 END",
  improvements: "CASE WHEN f.improvementKind IS NOT NULL THEN 1 ELSE 0 END",
  duplicates: "CASE WHEN f.duplicateOfId IS NOT NULL THEN 1 ELSE 0 END",
  reopened: "CASE WHEN f.reopenedCount > 0 THEN 1 ELSE 0 END",
  wantedReply: "CASE WHEN f.wantsReply THEN 1 ELSE 0 END",
  replied: "CASE WHEN f.wantsReply AND f.replyCount > 0 THEN 1 ELSE 0 END",
};

/** `COUNT(*) AS received, SUM(…) AS closed, …` over feedback_item f: the rebuild and the statistics' edge days use the same sums. */
export const COUNTER_SUMS_SQL = SUMMARY_COUNTERS.map((c) => (c === "received" ? "COUNT(*) AS received" : `SUM(${COUNTER_SQL[c]}) AS ${c}`)).join(",\n       ");

/** The closing month of an item as SQL, '' while not closed (the key of feedback_month_closed). */
export const closedMonthSql = (sql: SqlDialect) => `COALESCE(${sql.yearMonth("f.closedDate")}, '')`;

/** The columns of an item the summaries depend on. */
export type SummaryFacts = Pick<
  FeedbackItem,
  "receivedDate" | "businessAreaId" | "kind" | "criterion" | "closedDate" | "dueDate" | "wantsReply" | "replyCount" | "reopenedCount" | "duplicateOfId" | "forwardedTo" | "improvementKind"
>;

// Loose null checks: an entity just saved may hold undefined for columns left to their default (null).
export function itemCounters(i: SummaryFacts): Record<SummaryCounter, number> {
  const closed = i.closedDate != null;
  return {
    received: 1,
    closed: closed ? 1 : 0,
    inTime: closed && i.closedDate! <= i.dueDate ? 1 : 0,
    late: closed && i.closedDate! > i.dueDate ? 1 : 0,
    forwarded: i.forwardedTo != null ? 1 : 0,
    improvements: i.improvementKind != null ? 1 : 0,
    duplicates: i.duplicateOfId != null ? 1 : 0,
    reopened: i.reopenedCount > 0 ? 1 : 0,
    wantedReply: i.wantsReply ? 1 : 0,
    replied: i.wantsReply && i.replyCount > 0 ? 1 : 0,
  };
}

export interface FeedbackSummaryDeltas {
  month: SummaryDelta[];
  closed: SummaryDelta[];
  handling: SummaryDelta[];
}

/** The change of every summary row when an item goes from `before` to `after` (null: not there). */
export function feedbackSummaryDeltas(before: SummaryFacts | null, after: SummaryFacts | null): FeedbackSummaryDeltas {
  const out: FeedbackSummaryDeltas = { month: [], closed: [], handling: [] };
  for (const [item, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!item) continue;
    const month = item.receivedDate.slice(0, 7);
    const counters = itemCounters(item);
    out.month.push({ key: [item.businessAreaId, item.kind, item.criterion, month], add: SUMMARY_COUNTERS.map((c) => sign * counters[c]) });
    out.closed.push({ key: [month, item.closedDate != null ? item.closedDate.slice(0, 7) : ""], add: [sign] });
    if (item.closedDate != null) out.handling.push({ key: [month, daysBetween(item.receivedDate, item.closedDate)], add: [sign] });
  }
  return out;
}

/**
 * Moves the summary rows with one item's change; call it in the transaction that writes the
 * item (after the write, with the item locked). Unchanged rows are not written, so e.g. an
 * assignment touches no summary row. Tables are always written in this order and rows in key
 * order (addToSummary), so concurrent writers lock summary rows in one order.
 */
export async function updateFeedbackSummaries(manager: EntityManager, before: SummaryFacts | null, after: SummaryFacts | null): Promise<void> {
  const d = feedbackSummaryDeltas(before, after);
  await addToSummary(manager, "feedback_month_summary", MONTH_SUMMARY_KEYS, SUMMARY_COUNTERS, d.month);
  await addToSummary(manager, "feedback_month_closed", ["receivedMonth", "closedMonth"], ["n"], d.closed);
  await addToSummary(manager, "feedback_month_handling", ["receivedMonth", "handlingDays"], ["n"], d.handling);
}

/**
 * Recomputes the summary tables from feedback_item (DELETE + INSERT … SELECT … GROUP BY, on
 * MariaDB and sqlite): after a bulk load that bypassed the service, and as the reference the
 * tests compare the rows kept on write with. Runs in the caller's transaction, or in its own.
 */
export async function rebuildFeedbackSummaries(manager: EntityManager): Promise<void> {
  if (manager.queryRunner?.isTransactionActive) return rebuild(manager);
  return inTransaction(manager.connection, rebuild);
}

async function rebuild(manager: EntityManager): Promise<void> {
  const sql = sqlDialect(manager);
  const month = sql.yearMonth("f.receivedDate");
  const days = sql.daysBetween("f.receivedDate", "f.closedDate");
  await manager.query("DELETE FROM feedback_month_summary");
  await manager.query("DELETE FROM feedback_month_closed");
  await manager.query("DELETE FROM feedback_month_handling");
  await manager.query(
    `INSERT INTO feedback_month_summary (${[...MONTH_SUMMARY_KEYS, ...SUMMARY_COUNTERS].join(", ")})
     SELECT f.businessAreaId, f.kind, f.criterion, ${month} AS receivedMonth,
       ${COUNTER_SUMS_SQL}
       FROM feedback_item f
      GROUP BY f.businessAreaId, f.kind, f.criterion, ${month}`,
  );
  await manager.query(
    `INSERT INTO feedback_month_closed (receivedMonth, closedMonth, n)
     SELECT ${month}, ${closedMonthSql(sql)}, COUNT(*) FROM feedback_item f GROUP BY ${month}, ${closedMonthSql(sql)}`,
  );
  await manager.query(
    `INSERT INTO feedback_month_handling (receivedMonth, handlingDays, n)
     SELECT ${month}, ${days}, COUNT(*) FROM feedback_item f WHERE f.closedDate IS NOT NULL GROUP BY ${month}, ${days}`,
  );
}
