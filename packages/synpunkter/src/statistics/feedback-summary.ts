import type { EntityManager } from "typeorm";
import { daysBetween } from "@arbetsliv/core/values";
import {
  rebuildSummaries,
  summaryChange,
  summaryProjection,
  type SqlDialect,
  type SummaryContribution,
  type SummaryDeclaration,
  type SummaryDelta,
  type SummaryTable,
} from "@arbetsliv/core/data";
import type { FeedbackItem } from "../feedback/feedback-item.entity";

/**
 * Summary rows of the statistics, kept on write in the transaction that changes an item.
 * Each item contributes to exactly one row of each table, as a pure function of its own
 * columns (received month, area, kind, criterion, dates, flags): the projection below declares
 * that contribution, and core applies a change ("minus the contribution before, plus the
 * contribution after") and the rebuild (one GROUP BY per table).
 */

/** The month-summary counters: everything of the report's grouped pass except openOverdue (it depends on today). */
export const SUMMARY_COUNTERS = [
  "received",
  "closed",
  "inTime",
  "late",
  "forwarded",
  "improvements",
  "duplicates",
  "reopened",
  "wantedReply",
  "replied",
] as const;
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
export const COUNTER_SUMS_SQL = SUMMARY_COUNTERS.map((c) =>
  c === "received" ? "COUNT(*) AS received" : `SUM(${COUNTER_SQL[c]}) AS ${c}`,
).join(",\n       ");

/** The closing month of an item as SQL, '' while not closed (the key of feedback_month_closed). */
export const closedMonthSql = (sql: SqlDialect) => `COALESCE(${sql.yearMonth("f.closedDate")}, '')`;

/** The columns of an item the summaries depend on. */
export type SummaryFacts = Pick<
  FeedbackItem,
  | "receivedDate"
  | "businessAreaId"
  | "kind"
  | "criterion"
  | "closedDate"
  | "dueDate"
  | "wantsReply"
  | "replyCount"
  | "reopenedCount"
  | "duplicateOfId"
  | "forwardedTo"
  | "improvementKind"
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

/** feedback_month_summary: area × kind × criterion counters of the items received in a month. */
export const monthSummary: SummaryTable = {
  table: "feedback_month_summary",
  keys: MONTH_SUMMARY_KEYS,
  counters: SUMMARY_COUNTERS,
  fromRecords: (
    sql,
  ) => `SELECT f.businessAreaId, f.kind, f.criterion, ${sql.yearMonth("f.receivedDate")} AS receivedMonth,
       ${COUNTER_SUMS_SQL}
       FROM feedback_item f
      GROUP BY f.businessAreaId, f.kind, f.criterion, ${sql.yearMonth("f.receivedDate")}`,
};

/** feedback_month_closed: items received in a month by the month of their closing ('' while open). */
export const monthClosed: SummaryTable = {
  table: "feedback_month_closed",
  keys: ["receivedMonth", "closedMonth"],
  counters: ["n"],
  fromRecords: (sql) =>
    `SELECT ${sql.yearMonth("f.receivedDate")}, ${closedMonthSql(sql)}, COUNT(*) FROM feedback_item f GROUP BY ${sql.yearMonth("f.receivedDate")}, ${closedMonthSql(sql)}`,
};

/** feedback_month_handling: closed items received in a month by handling days. */
export const monthHandling: SummaryTable = {
  table: "feedback_month_handling",
  keys: ["receivedMonth", "handlingDays"],
  counters: ["n"],
  fromRecords: (sql) => {
    const days = sql.daysBetween("f.receivedDate", "f.closedDate");
    return `SELECT ${sql.yearMonth("f.receivedDate")}, ${days}, COUNT(*) FROM feedback_item f WHERE f.closedDate IS NOT NULL GROUP BY ${sql.yearMonth("f.receivedDate")}, ${days}`;
  },
};

/**
 * One item's rows: its month/area/kind/criterion counters, its (received, closed) month pair and,
 * once closed, its handling days. Tables are always written in this order and rows in key order,
 * so concurrent writers lock summary rows in one order; a change of columns none of this reads
 * (e.g. an assignment) writes no summary row.
 */
export const feedbackItemSummary = summaryProjection<SummaryFacts>({
  name: "FeedbackItem",
  tables: [monthSummary, monthClosed, monthHandling],
  contribution(item) {
    const month = item.receivedDate.slice(0, 7);
    const counters = itemCounters(item);
    const rows: SummaryContribution[] = [
      {
        table: monthSummary,
        key: [item.businessAreaId, item.kind, item.criterion, month],
        add: SUMMARY_COUNTERS.map((c) => counters[c]),
      },
      { table: monthClosed, key: [month, item.closedDate != null ? item.closedDate.slice(0, 7) : ""], add: [1] },
    ];
    if (item.closedDate != null)
      rows.push({ table: monthHandling, key: [month, daysBetween(item.receivedDate, item.closedDate)], add: [1] });
    return rows;
  },
});

/** The summary tables of synpunkter, in rebuild order (DomainModule.summaries). */
export const feedbackSummaries: SummaryDeclaration = {
  tables: feedbackItemSummary.tables,
  projections: [feedbackItemSummary],
};

export interface FeedbackSummaryDeltas {
  month: SummaryDelta[];
  closed: SummaryDelta[];
  handling: SummaryDelta[];
}

/** The change of every summary row when an item goes from `before` to `after` (null: not there). */
export function feedbackSummaryDeltas(before: SummaryFacts | null, after: SummaryFacts | null): FeedbackSummaryDeltas {
  const change = summaryChange(feedbackItemSummary, before ? [before] : [], after ? [after] : []);
  return {
    month: [...change.get(monthSummary)!],
    closed: [...change.get(monthClosed)!],
    handling: [...change.get(monthHandling)!],
  };
}

/**
 * Recomputes the summary tables from feedback_item (DELETE + INSERT … SELECT … GROUP BY, on
 * MariaDB and sqlite): after a bulk load that bypassed the service, and as the reference the
 * tests compare the rows kept on write with. Runs in the caller's transaction, or in its own.
 */
export function rebuildFeedbackSummaries(manager: EntityManager): Promise<void> {
  return rebuildSummaries(manager, feedbackSummaries.tables);
}
