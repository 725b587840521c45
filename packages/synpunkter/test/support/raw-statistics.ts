import type { DataSource } from "typeorm";
import { ValidationError, sqlDialect, toInt, type LocalDate } from "@arbetsliv/core";
import { BusinessArea } from "../../src/business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../../src/feedback/feedback.enums";
import { averageAndMedian } from "../../src/statistics/statistics.service";
import type { BusinessAreaCounts, CriterionCounts, FeedbackStatistics, KindCounts, MonthCounts } from "../../src/statistics/statistics.types";

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

/** One row of the grouped pass: area × kind × criterion with every count the report needs. */
interface GroupRow {
  areaId: number;
  kind: FeedbackKind;
  criterion: FeedbackCriterion;
  received: unknown;
  closed: unknown;
  inTime: unknown;
  late: unknown;
  openOverdue: unknown;
  forwarded: unknown;
  improvements: unknown;
  duplicates: unknown;
  reopened: unknown;
  wantedReply: unknown;
  replied: unknown;
}

const COUNTERS = ["received", "closed", "inTime", "late", "openOverdue", "forwarded", "improvements", "duplicates", "reopened", "wantedReply", "replied"] as const;

/**
 * The test oracle: the statistics as they were computed before the summary rows, by three
 * grouped passes over every item of the period (feedback_item only). The package's
 * feedbackStatistics must give exactly the same figures for every period.
 */
export async function rawFeedbackStatistics(ds: DataSource, from: LocalDate, to: LocalDate): Promise<FeedbackStatistics> {
  if (from > to) throw new ValidationError("to", "order", "must not be before from");
  const sql = sqlDialect(ds);
  const period = "f.receivedDate BETWEEN ? AND ?";
  const today = new Date().toISOString().slice(0, 10);

  const groups: GroupRow[] = await ds.query(
    `SELECT f.businessAreaId AS areaId, f.kind AS kind, f.criterion AS criterion,
            COUNT(*) AS received,
            SUM(CASE WHEN f.closedDate IS NOT NULL THEN 1 ELSE 0 END) AS closed,
            SUM(CASE WHEN f.closedDate <= f.dueDate THEN 1 ELSE 0 END) AS inTime,
            SUM(CASE WHEN f.closedDate > f.dueDate THEN 1 ELSE 0 END) AS late,
            SUM(CASE WHEN f.closedDate IS NULL AND f.dueDate < ? THEN 1 ELSE 0 END) AS openOverdue,
            SUM(CASE WHEN f.forwardedTo IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
            SUM(CASE WHEN f.improvementKind IS NOT NULL THEN 1 ELSE 0 END) AS improvements,
            SUM(CASE WHEN f.duplicateOfId IS NOT NULL THEN 1 ELSE 0 END) AS duplicates,
            SUM(CASE WHEN f.reopenedCount > 0 THEN 1 ELSE 0 END) AS reopened,
            SUM(CASE WHEN f.wantsReply THEN 1 ELSE 0 END) AS wantedReply,
            SUM(CASE WHEN f.wantsReply AND f.replyCount > 0 THEN 1 ELSE 0 END) AS replied
       FROM feedback_item f WHERE ${period}
      GROUP BY f.businessAreaId, f.kind, f.criterion`,
    [today, from, to],
  );
  const monthRows: { receivedMonth: string; closedMonth: string | null; n: unknown }[] = await ds.query(
    `SELECT ${sql.yearMonth("f.receivedDate")} AS receivedMonth, ${sql.yearMonth("f.closedDate")} AS closedMonth, COUNT(*) AS n
       FROM feedback_item f WHERE ${period}
      GROUP BY ${sql.yearMonth("f.receivedDate")}, ${sql.yearMonth("f.closedDate")}`,
    [from, to],
  );
  const days = sql.daysBetween("f.receivedDate", "f.closedDate");
  const histogram: { d: unknown; n: unknown }[] = await ds.query(
    `SELECT ${days} AS d, COUNT(*) AS n FROM feedback_item f WHERE ${period} AND f.closedDate IS NOT NULL GROUP BY ${days} ORDER BY d`,
    [from, to],
  );
  const areaIds = [...new Set(groups.map((g) => toInt(g.areaId)))];
  const areaList = areaIds.length ? await ds.getRepository(BusinessArea).createQueryBuilder("a").whereInIds(areaIds).getMany() : [];
  const areaById = new Map(areaList.map((a) => [a.id, a]));

  const totals = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<(typeof COUNTERS)[number], number>;
  const kinds = emptyKinds();
  const areas = new Map<number, BusinessAreaCounts>();
  const byCriterion: CriterionCounts[] = Object.values(FeedbackCriterion).map((criterion) => ({ criterion, ...emptyKinds() }));
  for (const g of groups) {
    for (const c of COUNTERS) totals[c] += toInt(g[c]);
    const n = toInt(g.received);
    const areaId = toInt(g.areaId);
    let area = areas.get(areaId);
    if (!area) {
      area = { ...emptyKinds(), businessArea: areaById.get(areaId)!, mostCommonKinds: [] };
      areas.set(areaId, area);
    }
    addKind(area, g.kind, n);
    addKind(kinds, g.kind, n);
    addKind(byCriterion.find((c) => c.criterion === g.criterion)!, g.kind, n);
  }
  for (const entry of areas.values()) {
    const max = Math.max(...Object.values(FeedbackKind).map((k) => entry[KIND_FIELD[k]]));
    entry.mostCommonKinds = Object.values(FeedbackKind).filter((k) => entry[KIND_FIELD[k]] === max);
  }

  const months = new Map<string, MonthCounts>();
  const month = (m: string) => months.get(m) ?? months.set(m, { month: m, received: 0, closed: 0 }).get(m)!;
  for (const r of monthRows) {
    month(r.receivedMonth).received += toInt(r.n);
    if (r.closedMonth) month(r.closedMonth).closed += toInt(r.n);
  }

  const { average, median } = averageAndMedian(histogram.map((h) => ({ days: Number(h.d), count: toInt(h.n) })));
  return {
    from,
    to,
    received: totals.received,
    closed: totals.closed,
    notClosed: totals.received - totals.closed,
    handledInTime: totals.inTime,
    handledLate: totals.late,
    openOverdue: totals.openOverdue,
    forwarded: totals.forwarded,
    improvements: totals.improvements,
    duplicates: totals.duplicates,
    reopened: totals.reopened,
    wantedReply: totals.wantedReply,
    repliedToWhoWanted: totals.replied,
    averageHandlingDays: average,
    medianHandlingDays: median,
    kinds,
    byBusinessArea: [...areas.values()].sort((a, b) => b.total - a.total || a.businessArea.name.localeCompare(b.businessArea.name, "sv")),
    byCriterion,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  };
}
