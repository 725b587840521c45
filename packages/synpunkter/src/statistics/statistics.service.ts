import type { DataSource } from "typeorm";
import {
  DisclosureControl,
  ValidationError,
  assertWholeMonths,
  disclosureInfo,
  disclosurePolicy,
  logExactStatisticsRead,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { addDays, addMonths, type LocalDate } from "@arbetsliv/core/values";
import { sqlDialect, toInt } from "@arbetsliv/core/data";
import { DOMAIN } from "../scopes";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";
import { municipalToday } from "../feedback/municipal-date";
import { COUNTER_SUMS_SQL, SUMMARY_COUNTERS, closedMonthSql, type SummaryCounter } from "./feedback-summary";
import type {
  BusinessAreaCounts,
  CriterionCounts,
  FeedbackStatistics,
  KindCounts,
  MonthCounts,
} from "./statistics.types";

const KIND_FIELD: Record<FeedbackKind, keyof Omit<KindCounts, "total" | "suppressed">> = {
  [FeedbackKind.PRAISE]: "praise",
  [FeedbackKind.QUESTION]: "question",
  [FeedbackKind.SUGGESTION]: "suggestion",
  [FeedbackKind.COMPLAINT]: "complaint",
};

type Counts = { [K in keyof Omit<KindCounts, "suppressed">]: number } & { suppressed: string[] };

function emptyKinds(): Counts {
  return { praise: 0, question: 0, suggestion: 0, complaint: 0, total: 0, suppressed: [] };
}

function addKind(counts: Counts, kind: FeedbackKind, n: number): void {
  counts[KIND_FIELD[kind]] += n;
  counts.total += n;
}

/** One row of a grouped pass: area × kind × criterion with every count the report needs. */
export type GroupRow = { areaId: unknown; kind: FeedbackKind; criterion: FeedbackCriterion } & Record<
  SummaryCounter,
  unknown
>;

/**
 * A period split into whole months (read from the summary rows) and the days at its edges
 * that do not fill a month (read from the items, few rows through the receivedDate index).
 */
export interface PeriodSplit {
  /** First and last whole month, YYYY-MM, or null when the period holds none. */
  months: { from: string; to: string } | null;
  /** Date ranges (inclusive) outside the whole months: none, one or two. */
  edges: [LocalDate, LocalDate][];
}

export function splitPeriod(from: LocalDate, to: LocalDate): PeriodSplit {
  const monthStart = (m: string) => `${m}-01`;
  const monthEnd = (m: string) => addDays(addMonths(monthStart(m), 1), -1);
  const firstWhole = from.endsWith("-01") ? from.slice(0, 7) : addMonths(monthStart(from.slice(0, 7)), 1).slice(0, 7);
  const lastWhole =
    to === monthEnd(to.slice(0, 7)) ? to.slice(0, 7) : addMonths(monthStart(to.slice(0, 7)), -1).slice(0, 7);
  if (firstWhole > lastWhole) return { months: null, edges: [[from, to]] };
  const edges: [LocalDate, LocalDate][] = [];
  if (from < monthStart(firstWhole)) edges.push([from, addDays(monthStart(firstWhole), -1)]);
  if (to > monthEnd(lastWhole)) edges.push([addDays(monthEnd(lastWhole), 1), to]);
  return { months: { from: firstWhole, to: lastWhole }, edges };
}

/**
 * The board report for any period (on the received date), computed in SQL from the records:
 * whole months from the summary rows kept on write (feedback-summary.ts), the partial months at
 * the edges with the same sums over the items themselves, and openOverdue (it depends on the municipality's today)
 * as a count of the period's open items through IDX_feedback_open_due. JavaScript only merges
 * and pivots the grouped rows (a few thousand at most, whatever the number of items).
 */
/**
 * The statistics a caller may see for a period: exact with synpunkter:stats:exact (the read is
 * access-logged); otherwise whole months only, small counts suppressed.
 */
export async function feedbackStatisticsFor(
  ctx: RequestContext,
  from: LocalDate,
  to: LocalDate,
): Promise<FeedbackStatistics> {
  const policy = disclosurePolicy(ctx, DOMAIN);
  if (from > to)
    throw new ValidationError("to", "order", { en: "must not be before from", sv: "får inte vara före from" });
  assertWholeMonths(policy, from, to);
  await logExactStatisticsRead(ctx, policy, DOMAIN, "Query.feedbackStatistics", `${from}..${to}`);
  return feedbackStatistics(ctx.ds, from, to, policy);
}

/** `today` decides openOverdue: the municipality's today (Europe/Stockholm) unless a caller fixes the day. */
export async function feedbackStatistics(
  ds: DataSource,
  from: LocalDate,
  to: LocalDate,
  policy: DisclosurePolicy,
  today: LocalDate = municipalToday(),
): Promise<FeedbackStatistics> {
  if (from > to)
    throw new ValidationError("to", "order", { en: "must not be before from", sv: "får inte vara före from" });
  const sql = sqlDialect(ds);
  const { months: whole, edges } = splitPeriod(from, to);

  const groups: GroupRow[] = [];
  const monthRows: { receivedMonth: string; closedMonth: string; n: unknown }[] = [];
  const histogram: { d: unknown; n: unknown }[] = [];
  if (whole) {
    const span = [whole.from, whole.to];
    groups.push(
      ...(await ds.query(
        `SELECT s.businessAreaId AS areaId, s.kind AS kind, s.criterion AS criterion,
                ${SUMMARY_COUNTERS.map((c) => `SUM(s.${c}) AS ${c}`).join(", ")}
           FROM feedback_month_summary s WHERE s.receivedMonth BETWEEN ? AND ?
          GROUP BY s.businessAreaId, s.kind, s.criterion`,
        span,
      )),
    );
    // n > 0: rows emptied by later changes (a reopened item's old closing) stay as zeros.
    monthRows.push(
      ...(await ds.query(
        `SELECT c.receivedMonth AS receivedMonth, c.closedMonth AS closedMonth, SUM(c.n) AS n
           FROM feedback_month_closed c WHERE c.receivedMonth BETWEEN ? AND ? AND c.n > 0
          GROUP BY c.receivedMonth, c.closedMonth`,
        span,
      )),
    );
    histogram.push(
      ...(await ds.query(
        `SELECT h.handlingDays AS d, SUM(h.n) AS n FROM feedback_month_handling h
          WHERE h.receivedMonth BETWEEN ? AND ? AND h.n > 0 GROUP BY h.handlingDays`,
        span,
      )),
    );
  }
  if (edges.length) {
    const inEdges = `(${edges.map(() => "f.receivedDate BETWEEN ? AND ?").join(" OR ")})`;
    const params = edges.flat();
    groups.push(
      ...(await ds.query(
        `SELECT f.businessAreaId AS areaId, f.kind AS kind, f.criterion AS criterion,
                ${COUNTER_SUMS_SQL}
           FROM feedback_item f WHERE ${inEdges}
          GROUP BY f.businessAreaId, f.kind, f.criterion`,
        params,
      )),
    );
    // One pass for both: the closing month and the handling days (null while open) of each item.
    const receivedMonth = sql.yearMonth("f.receivedDate");
    const days = sql.daysBetween("f.receivedDate", "f.closedDate");
    const closings: { receivedMonth: string; closedMonth: string; d: unknown; n: unknown }[] = await ds.query(
      `SELECT ${receivedMonth} AS receivedMonth, ${closedMonthSql(sql)} AS closedMonth, ${days} AS d, COUNT(*) AS n
         FROM feedback_item f WHERE ${inEdges}
        GROUP BY ${receivedMonth}, ${closedMonthSql(sql)}, ${days}`,
      params,
    );
    for (const r of closings) {
      monthRows.push(r);
      if (r.d !== null) histogram.push(r);
    }
  }
  const [overdue]: { n: unknown }[] = await ds.query(
    `SELECT COUNT(*) AS n FROM feedback_item f WHERE f.closedDate IS NULL AND f.dueDate < ? AND f.receivedDate BETWEEN ? AND ?`,
    [today, from, to],
  );
  return controlFeedbackStatistics(
    await assembleStatistics(ds, from, to, { groups, monthRows, histogram, openOverdue: toInt(overdue.n) }),
    policy,
  );
}

/** The grouped rows of a period, from whichever source: summed and pivoted into the report. */
export interface GroupedFigures {
  groups: GroupRow[];
  monthRows: { receivedMonth: string; closedMonth: string | null; n: unknown }[];
  histogram: { d: unknown; n: unknown }[];
  openOverdue: number;
}

/** Pivots grouped rows into the report (JavaScript only adds up a few thousand rows at most). */
export async function assembleStatistics(
  ds: DataSource,
  from: LocalDate,
  to: LocalDate,
  figures: GroupedFigures,
): Promise<Omit<FeedbackStatistics, "disclosure">> {
  const { groups, monthRows, histogram } = figures;
  const areaIds = [...new Set(groups.map((g) => toInt(g.areaId)))];
  const areaList = areaIds.length
    ? await ds.getRepository(BusinessArea).createQueryBuilder("a").whereInIds(areaIds).getMany()
    : [];
  const areaById = new Map(areaList.map((a) => [a.id, a]));

  const totals = Object.fromEntries(SUMMARY_COUNTERS.map((c) => [c, 0])) as Record<SummaryCounter, number>;
  const kinds = emptyKinds();
  const areas = new Map<number, BusinessAreaCounts & Counts>();
  const byCriterion: (CriterionCounts & Counts)[] = Object.values(FeedbackCriterion).map((criterion) => ({
    criterion,
    ...emptyKinds(),
  }));
  for (const g of groups) {
    for (const c of SUMMARY_COUNTERS) totals[c] += toInt(g[c]);
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

  const months = new Map<string, MonthCounts & { received: number; closed: number }>();
  const month = (m: string) =>
    months.get(m) ?? months.set(m, { month: m, received: 0, closed: 0, suppressed: [] }).get(m)!;
  for (const r of monthRows) {
    month(r.receivedMonth).received += toInt(r.n);
    if (r.closedMonth) month(r.closedMonth).closed += toInt(r.n);
  }

  const { average, median } = averageAndMedian(
    mergeHistogram(histogram.map((h) => ({ days: Number(h.d), count: toInt(h.n) }))),
  );
  return {
    from,
    to,
    received: totals.received,
    closed: totals.closed,
    notClosed: totals.received - totals.closed,
    handledInTime: totals.inTime,
    handledLate: totals.late,
    openOverdue: figures.openOverdue,
    forwarded: totals.forwarded,
    improvements: totals.improvements,
    duplicates: totals.duplicates,
    reopened: totals.reopened,
    wantedReply: totals.wantedReply,
    repliedToWhoWanted: totals.replied,
    averageHandlingDays: average,
    medianHandlingDays: median,
    kinds,
    byBusinessArea: [...areas.values()].sort(
      (a, b) => b.total - a.total || a.businessArea.name.localeCompare(b.businessArea.name, "sv"),
    ),
    byCriterion,
    byMonth: monthsInPeriod([...months.values()], from, to),
    suppressed: [],
  };
}

/**
 * The months of the table that lie inside the period (a month counts when any of its days does),
 * in order. Items of the period closed after it (e.g. in January for a calendar year) count in
 * `closed` but have no row here: the table is the period's own months.
 */
export function monthsInPeriod<M extends { month: string }>(months: M[], from: LocalDate, to: LocalDate): M[] {
  const [first, last] = [from.slice(0, 7), to.slice(0, 7)];
  return months.filter((m) => m.month >= first && m.month <= last).sort((a, b) => a.month.localeCompare(b.month));
}

const KIND_FIELDS = Object.values(KIND_FIELD);
const SINGLE_COUNTS = [
  "openOverdue",
  "forwarded",
  "improvements",
  "duplicates",
  "reopened",
  "wantedReply",
  "repliedToWhoWanted",
] as const;

/**
 * Disclosure control of the board report. Feedback is filed by persons, and a business area ×
 * kind cell of 1 in a month can point to the complainant: the area × kind and criterion × kind
 * tables are two-way tables with their margins (the kind totals, received), the months add up to
 * received and closed, and received = closed + not closed = … ; every other count stands alone.
 * The handling-time average and median are hidden with the closed count, the most common kind
 * with any count of its area.
 */
export function controlFeedbackStatistics(
  stats: Omit<FeedbackStatistics, "disclosure">,
  policy: DisclosurePolicy,
): FeedbackStatistics {
  const control = new DisclosureControl();
  const c = (field: keyof FeedbackStatistics & string) => control.count(stats, field as never);
  const [received, closed, notClosed, inTime, late] = [
    c("received"),
    c("closed"),
    c("notClosed"),
    c("handledInTime"),
    c("handledLate"),
  ];
  for (const f of SINGLE_COUNTS) c(f);
  control.sum(received, [closed, notClosed]);
  control.sum(closed, [inTime, late]);
  control.dependent(stats, "averageHandlingDays", [closed]);
  control.dependent(stats, "medianHandlingDays", [closed]);
  const kindRow = (row: KindCounts) => {
    const cells = KIND_FIELDS.map((f) => control.count(row, f));
    const total = control.count(row, "total");
    control.sum(total, cells);
    return { cells, total };
  };
  const kinds = kindRow(stats.kinds);
  control.sum(received, [kinds.total]);
  for (const table of [stats.byBusinessArea, stats.byCriterion] as KindCounts[][]) {
    const rows = table.map((row) => ({ row, ...kindRow(row) }));
    KIND_FIELDS.forEach((_, k) =>
      control.sum(
        kinds.cells[k],
        rows.map((r) => r.cells[k]),
      ),
    );
    control.sum(
      kinds.total,
      rows.map((r) => r.total),
    );
    for (const r of rows)
      if ("mostCommonKinds" in r.row)
        control.dependent(r.row as BusinessAreaCounts, "mostCommonKinds", [...r.cells, r.total], []);
  }
  const monthCells = stats.byMonth.map((m) => [control.count(m, "received"), control.count(m, "closed")]);
  control.sum(
    received,
    monthCells.map(([r]) => r),
  );
  // Closings after the period have no month row, but closed minus the months gives their number:
  // an unshown count in the same sum, so a small one is protected like a shown cell.
  const closedAfter = control.hiddenCount(
    (stats.closed ?? 0) - stats.byMonth.reduce((sum, m) => sum + (m.closed ?? 0), 0),
  );
  control.sum(closed, [...monthCells.map(([, cl]) => cl), closedAfter]);
  control.apply(policy);
  return { ...stats, disclosure: disclosureInfo(policy, true) };
}

/** Adds up the counts of equal days (whole months and edges give separate rows) and sorts by days. */
export function mergeHistogram(rows: { days: number; count: number }[]): { days: number; count: number }[] {
  const byDays = new Map<number, number>();
  for (const r of rows) byDays.set(r.days, (byDays.get(r.days) ?? 0) + r.count);
  return [...byDays].map(([days, count]) => ({ days, count })).sort((a, b) => a.days - b.days);
}

/**
 * Average and median of handling days from a histogram sorted by days. The average is rounded to
 * one decimal, half up (2.45 → 2.5, 1.15 → 1.2), in whole numbers so no binary fraction tips a
 * half down; the median is exact (a whole day, or a half day between the two middle values).
 */
export function averageAndMedian(histogram: { days: number; count: number }[]): {
  average: number | null;
  median: number | null;
} {
  const n = histogram.reduce((s, h) => s + h.count, 0);
  if (n === 0) return { average: null, median: null };
  const sum = histogram.reduce((s, h) => s + h.days * h.count, 0);
  const valueAt = (index: number) => {
    let seen = 0;
    for (const h of histogram) {
      seen += h.count;
      if (index < seen) return h.days;
    }
    return histogram[histogram.length - 1].days;
  };
  const median = n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
  return { average: roundToTenthHalfUp(sum, n), median };
}

/** sum / n to one decimal, half up, for sum ≥ 0 and n > 0: floor((20·sum + n) / 2n) tenths. */
export function roundToTenthHalfUp(sum: number, n: number): number {
  return Math.floor((20 * sum + n) / (2 * n)) / 10;
}
