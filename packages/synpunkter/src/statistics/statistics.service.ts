import type { DataSource } from "typeorm";
import { ValidationError, sqlDialect, toInt, type LocalDate } from "@arbetsliv/core";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";
import type { BusinessAreaCounts, CriterionCounts, FeedbackStatistics, KindCounts, MonthCounts } from "./statistics.types";

const KIND_FIELD: Record<FeedbackKind, keyof Omit<KindCounts, "total">> = {
  [FeedbackKind.PRAISE]: "praise",
  [FeedbackKind.QUESTION]: "question",
  [FeedbackKind.SUGGESTION]: "suggestion",
  [FeedbackKind.COMPLAINT]: "complaint",
};

function emptyKinds(): KindCounts {
  return { praise: 0, question: 0, suggestion: 0, complaint: 0, total: 0 };
}

function addKind(counts: KindCounts, kind: FeedbackKind, n: number): void {
  counts[KIND_FIELD[kind]] += n;
  counts.total += n;
}

/**
 * The board report for any period, by SQL aggregation over feedback_item (the period is on
 * the received date). JavaScript only pivots the grouped rows into tables.
 */
export async function feedbackStatistics(ds: DataSource, from: LocalDate, to: LocalDate): Promise<FeedbackStatistics> {
  if (from > to) throw new ValidationError("to", "order", "must not be before from");
  const sql = sqlDialect(ds);
  const period = "f.receivedDate BETWEEN ? AND ?";
  const params = [from, to];
  const days = sql.daysBetween("f.receivedDate", "f.closedDate");

  const [totals] = await ds.query(
    `SELECT COUNT(*) AS received,
            SUM(CASE WHEN f.closedDate IS NOT NULL THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN f.closedDate IS NOT NULL AND f.closedDate <= f.dueDate THEN 1 ELSE 0 END) AS inTime,
            SUM(CASE WHEN f.closedDate IS NOT NULL AND f.closedDate > f.dueDate THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN f.closedDate IS NULL AND f.dueDate < ? THEN 1 ELSE 0 END) AS openOverdue,
            SUM(CASE WHEN f.forwardedTo IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
            SUM(CASE WHEN f.improvementKind IS NOT NULL THEN 1 ELSE 0 END) AS improvements,
            SUM(CASE WHEN f.duplicateOfId IS NOT NULL THEN 1 ELSE 0 END) AS duplicates,
            SUM(CASE WHEN f.reopenedCount > 0 THEN 1 ELSE 0 END) AS reopened,
            SUM(CASE WHEN f.wantsReply THEN 1 ELSE 0 END) AS wantedReply,
            SUM(CASE WHEN f.wantsReply AND EXISTS (SELECT 1 FROM feedback_reply r WHERE r.feedbackId = f.id) THEN 1 ELSE 0 END) AS replied,
            AVG(CASE WHEN f.closedDate IS NOT NULL THEN ${days} END) AS avgDays
       FROM feedback_item f WHERE ${period}`,
    [new Date().toISOString().slice(0, 10), ...params],
  );

  const closed = toInt(totals.closed);
  const medianHandlingDays = await medianDays(ds, days, period, params, closed);

  const areaRows: { areaId: number; name: string; handlingDays: number; active: number | boolean; kind: FeedbackKind; n: number }[] =
    await ds.query(
      `SELECT a.id AS areaId, a.name AS name, a.handlingDays AS handlingDays, a.active AS active, f.kind AS kind, COUNT(*) AS n
         FROM feedback_item f JOIN feedback_business_area a ON a.id = f.businessAreaId
        WHERE ${period} GROUP BY a.id, a.name, a.handlingDays, a.active, f.kind`,
      params,
    );
  const criterionRows: { criterion: FeedbackCriterion; kind: FeedbackKind; n: number }[] = await ds.query(
    `SELECT f.criterion AS criterion, f.kind AS kind, COUNT(*) AS n FROM feedback_item f WHERE ${period} GROUP BY f.criterion, f.kind`,
    params,
  );
  const receivedByMonth: { month: string; n: number }[] = await ds.query(
    `SELECT ${sql.yearMonth("f.receivedDate")} AS month, COUNT(*) AS n FROM feedback_item f WHERE ${period} GROUP BY ${sql.yearMonth("f.receivedDate")}`,
    params,
  );
  const closedByMonth: { month: string; n: number }[] = await ds.query(
    `SELECT ${sql.yearMonth("f.closedDate")} AS month, COUNT(*) AS n FROM feedback_item f
      WHERE ${period} AND f.closedDate IS NOT NULL GROUP BY ${sql.yearMonth("f.closedDate")}`,
    params,
  );

  const kinds = emptyKinds();
  const areas = new Map<number, BusinessAreaCounts>();
  for (const row of areaRows) {
    let entry = areas.get(toInt(row.areaId));
    if (!entry) {
      const businessArea = Object.assign(new BusinessArea(), {
        id: toInt(row.areaId),
        name: row.name,
        handlingDays: toInt(row.handlingDays),
        active: Boolean(Number(row.active)),
      });
      entry = { ...emptyKinds(), businessArea, mostCommonKinds: [] };
      areas.set(businessArea.id, entry);
    }
    addKind(entry, row.kind, toInt(row.n));
    addKind(kinds, row.kind, toInt(row.n));
  }
  for (const entry of areas.values()) {
    const max = Math.max(...Object.values(FeedbackKind).map((k) => entry[KIND_FIELD[k]]));
    entry.mostCommonKinds = Object.values(FeedbackKind).filter((k) => entry[KIND_FIELD[k]] === max);
  }

  const byCriterion: CriterionCounts[] = Object.values(FeedbackCriterion).map((criterion) => ({ criterion, ...emptyKinds() }));
  for (const row of criterionRows) addKind(byCriterion.find((c) => c.criterion === row.criterion)!, row.kind, toInt(row.n));

  const months = new Map<string, MonthCounts>();
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, received: 0, closed: 0 }).get(m)!;
  for (const r of receivedByMonth) month(r.month).received = toInt(r.n);
  for (const r of closedByMonth) month(r.month).closed = toInt(r.n);

  const received = toInt(totals.received);
  return {
    from,
    to,
    received,
    closed,
    notClosed: received - closed,
    handledInTime: toInt(totals.inTime),
    handledLate: toInt(totals.late),
    openOverdue: toInt(totals.openOverdue),
    forwarded: toInt(totals.forwarded),
    improvements: toInt(totals.improvements),
    duplicates: toInt(totals.duplicates),
    reopened: toInt(totals.reopened),
    wantedReply: toInt(totals.wantedReply),
    repliedToWhoWanted: toInt(totals.replied),
    averageHandlingDays: totals.avgDays === null || totals.avgDays === undefined ? null : Math.round(Number(totals.avgDays) * 10) / 10,
    medianHandlingDays,
    kinds,
    byBusinessArea: [...areas.values()].sort((a, b) => b.total - a.total || a.businessArea.name.localeCompare(b.businessArea.name, "sv")),
    byCriterion,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** Median handling days in SQL: the middle one or two rows of the ordered closed items. */
async function medianDays(ds: DataSource, days: string, period: string, params: string[], closed: number): Promise<number | null> {
  if (closed === 0) return null;
  const offset = Math.floor((closed - 1) / 2);
  const take = closed % 2 === 0 ? 2 : 1;
  const rows: { d: number }[] = await ds.query(
    `SELECT ${days} AS d FROM feedback_item f WHERE ${period} AND f.closedDate IS NOT NULL ORDER BY d LIMIT ${take} OFFSET ${offset}`,
    params,
  );
  return rows.reduce((sum, r) => sum + Number(r.d), 0) / rows.length;
}
