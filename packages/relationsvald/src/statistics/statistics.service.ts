import { In, type DataSource } from "typeorm";
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
import { addDays, type Ore } from "@arbetsliv/core/values";
import { toInt } from "@arbetsliv/core/data";
import { PLACEMENT_TYPES, PlacementType } from "../enums";
import { PlacementProvider } from "../providers/provider.entity";
import { DOMAIN } from "../scopes";
import type { Period } from "../costs/placement-days.rules";
import { acuteBillStartSql, acuteCoverJoinSql, acuteRanPastTwoNightsSql } from "../costs/acute.rules";
import { monthSpansCte, monthsCte, named, statsDialect } from "./sql";
import type {
  CostRow,
  MonthCost,
  ProviderCost,
  TypeCost,
  PlacementCostReport,
  PlacementFigures,
  PlacementStatistics,
  ServiceFeeCostRow,
} from "./statistics.types";

/** Periods longer than this are refused: the month series is generated in SQL. */
const MAX_PERIOD_DAYS = 366 * 20;

export function assertPeriod(period: Period, fromField = "from", toField = "to"): void {
  if (period.from > period.to) throw new ValidationError(toField, "order", `must not be before ${fromField}`);
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) throw new ValidationError(toField, "range", "the period may be at most 20 years");
}

/** Placements with at least one night in the period (the definition of "placements in a period"). */
const ACTIVE = "p.startDate <= :to AND (p.endDate IS NULL OR p.endDate > :from)";

function params(period: Period, extra: Record<string, unknown> = {}) {
  return {
    from: period.from,
    to: period.to,
    toPlus1: addDays(period.to, 1),
    firstMonth: `${period.from.slice(0, 7)}-01`,
    ...extra,
  };
}

function emptyFigures(type: PlacementType | null): PlacementFigures {
  return {
    type,
    placements: 0,
    started: 0,
    ended: 0,
    clients: 0,
    children: 0,
    persons: 0,
    nights: 0,
    personNights: 0,
    averageLength: null,
    acuteStarted: 0,
    acutePastTwoNights: 0,
    acuteShareOverTwoNights: null,
    suppressed: [],
  };
}

interface FigureRow {
  type?: PlacementType;
  placements: unknown;
  started: unknown;
  ended: unknown;
  endedNights: unknown;
  clients: unknown;
  nights: unknown;
  personNights: unknown;
  acuteStarted: unknown;
  acutePast: unknown;
}

function fill(target: PlacementFigures, row: FigureRow, children: number): PlacementFigures {
  const ended = toInt(row.ended);
  const acuteStarted = toInt(row.acuteStarted);
  const acutePast = toInt(row.acutePast);
  target.placements = toInt(row.placements);
  target.started = toInt(row.started);
  target.ended = ended;
  target.clients = toInt(row.clients);
  target.children = children;
  target.persons = target.clients + children;
  target.nights = toInt(row.nights);
  target.personNights = toInt(row.personNights);
  target.averageLength = ended ? Math.round((toInt(row.endedNights) / ended) * 10) / 10 : null;
  target.acuteStarted = acuteStarted;
  target.acutePastTwoNights = acutePast;
  target.acuteShareOverTwoNights = acuteStarted ? Math.round((acutePast / acuteStarted) * 1000) / 1000 : null;
  return target;
}

/**
 * Placements, persons, nights, average length and the acute share for any period, per type
 * and in total — SQL aggregation over rv_placement (and rv_placement_child for children).
 * Includes people with protected identity: these are counts, never persons.
 */
export async function placementStatistics(
  ds: DataSource,
  period: Period,
  policy: DisclosurePolicy,
): Promise<PlacementStatistics> {
  assertPeriod(period);
  const d = statsDialect(ds);
  const endExcl = d.min("COALESCE(p.endDate, :toPlus1)", ":toPlus1");
  const nightsInPeriod = d.daysBetween(d.max("p.startDate", ":from"), endExcl);
  const endedInPeriod = "p.endDate IS NOT NULL AND p.endDate <= :toPlus1";
  const acuteStarted = "p.acute = 1 AND p.startDate >= :from";
  const select = `COUNT(*) AS placements,
      SUM(CASE WHEN p.startDate >= :from THEN 1 ELSE 0 END) AS started,
      SUM(CASE WHEN ${endedInPeriod} THEN 1 ELSE 0 END) AS ended,
      SUM(CASE WHEN ${endedInPeriod} THEN ${d.daysBetween("p.startDate", "p.endDate")} ELSE 0 END) AS endedNights,
      COUNT(DISTINCT p.clientId) AS clients,
      SUM(${nightsInPeriod}) AS nights,
      SUM(${nightsInPeriod} * p.personCount) AS personNights,
      SUM(CASE WHEN ${acuteStarted} THEN 1 ELSE 0 END) AS acuteStarted,
      SUM(CASE WHEN ${acuteStarted} AND ${acuteRanPastTwoNightsSql(d, ":toPlus1")} THEN 1 ELSE 0 END) AS acutePast`;
  const values = params(period);
  const byTypeRows: FigureRow[] = await ds.query(
    ...named(`SELECT p.type AS type, ${select} FROM rv_placement p WHERE ${ACTIVE} GROUP BY p.type`, values),
  );
  const [totalRow]: FigureRow[] = await ds.query(
    ...named(`SELECT ${select} FROM rv_placement p WHERE ${ACTIVE}`, values),
  );
  const childRows: { type: PlacementType; children: unknown }[] = await ds.query(
    ...named(
      `SELECT p.type AS type, COUNT(DISTINCT pc.childId) AS children FROM rv_placement p
         JOIN rv_placement_child pc ON pc.placementId = p.id WHERE ${ACTIVE} GROUP BY p.type`,
      values,
    ),
  );
  const [childTotal]: { children: unknown }[] = await ds.query(
    ...named(
      `SELECT COUNT(DISTINCT pc.childId) AS children FROM rv_placement p JOIN rv_placement_child pc ON pc.placementId = p.id WHERE ${ACTIVE}`,
      values,
    ),
  );
  const byType = PLACEMENT_TYPES.map((type) => {
    const row = byTypeRows.find((r) => r.type === type);
    const children = toInt(childRows.find((r) => r.type === type)?.children);
    return row ? fill(emptyFigures(type), row, children) : emptyFigures(type);
  });
  const stats = {
    from: period.from,
    to: period.to,
    byType,
    total: fill(emptyFigures(null), totalRow, toInt(childTotal?.children)),
  };
  return controlPlacementStatistics(stats, policy);
}

const COUNT_FIELDS = [
  "placements",
  "started",
  "ended",
  "clients",
  "children",
  "persons",
  "acuteStarted",
  "acutePastTwoNights",
] as const;
const NIGHT_FIELDS = ["nights", "personNights"] as const;
type FigureField = (typeof COUNT_FIELDS)[number] | (typeof NIGHT_FIELDS)[number];

/**
 * Disclosure control of the placement table: every count of placements or persons per type and in
 * total is a cell (distinct persons are treated as additive, which is conservative); nights follow
 * their type's placements; the average length and the acute share are hidden with their counts.
 */
export function controlPlacementStatistics(
  stats: Omit<PlacementStatistics, "disclosure">,
  policy: DisclosurePolicy,
): PlacementStatistics {
  const control = new DisclosureControl();
  const cells = [...stats.byType, stats.total].map((row) => {
    const c = {} as Record<FigureField, number>;
    for (const f of COUNT_FIELDS) c[f] = control.count(row, f);
    for (const f of NIGHT_FIELDS) c[f] = control.magnitude(row, f, [c.placements]);
    control.sum(c.persons, [c.clients, c.children]);
    control.dependent(row, "averageLength", [c.ended]);
    control.dependent(row, "acuteShareOverTwoNights", [c.acuteStarted, c.acutePastTwoNights]);
    return c;
  });
  const total = cells.pop()!;
  for (const f of [...COUNT_FIELDS, ...NIGHT_FIELDS])
    control.sum(
      total[f],
      cells.map((c) => c[f]),
    );
  control.apply(policy);
  return { ...stats, disclosure: disclosureInfo(policy, true) };
}

/** Statistics per calendar year, fromYear..toYear (one period per year). */
export async function placementStatisticsByYear(
  ds: DataSource,
  fromYear: number,
  toYear: number,
  policy: DisclosurePolicy,
): Promise<PlacementStatistics[]> {
  if (!Number.isInteger(fromYear) || fromYear < 1900 || fromYear > 9998)
    throw new ValidationError("fromYear", "range", "must be a year");
  if (!Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > 19) {
    throw new ValidationError("toYear", "range", "must be fromYear or later, at most 20 years");
  }
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const result: PlacementStatistics[] = [];
  for (const y of years) result.push(await placementStatistics(ds, { from: `${y}-01-01`, to: `${y}-12-31` }, policy));
  return result;
}

export interface CostFilter {
  providerIds?: number[];
}

interface RawCostRow {
  placementIds: unknown;
  month: string;
  type: PlacementType;
  providerId: unknown;
  chargedNights: unknown;
  chargedPersonNights: unknown;
  amount: unknown;
}

/**
 * Placement costs by month, type and provider, in SQL: for each placement, fee period and
 * month, the nights in all three (and in the period) × persons × the fee. An acute
 * placement's first nights are skipped when an agreement with acute cover was in force on
 * its first night (the partner rule). Equal to the sum of costLines() over the placements.
 */
export async function placementCostRows(
  ds: DataSource,
  period: Period,
  filter: CostFilter = {},
): Promise<
  (Omit<CostRow, "providerName" | "suppressed"> & {
    chargedNights: number;
    chargedPersonNights: number;
    amount: Ore;
    placementIds: number[];
  })[]
> {
  const d = statsDialect(ds);
  const byProvider = filter.providerIds
    ? `AND p.providerId IN (${filter.providerIds.map((_, i) => `:pv${i}`).join(", ")})`
    : "";
  const providerValues = Object.fromEntries((filter.providerIds ?? []).map((id, i) => [`pv${i}`, id]));
  if (filter.providerIds && filter.providerIds.length === 0) return [];
  // Each placement is cut by the fee periods it overlaps (the ON clause keeps only those) and the
  // period into segments [lo, hi), computed once; each segment then meets the months it spans,
  // with plain date comparisons against a month series that carries its own end. The DISTINCT is
  // a no-op (placement, agreement and fee ids make each row unique) that makes MariaDB
  // materialise the segments: merged into the month join, its estimate of the recursive series
  // (2 rows) puts the months first and re-runs the placement ⋈ agreement ⋈ fee join per month
  // (months × placements × agreements: 0.9 s for 2 000 placements, 12× slower than this).
  const lo = d.max("pl.billStart", "f.validFrom", d.date(":from"));
  const hi = d.min(
    "pl.endExcl",
    `COALESCE(${d.addDays("f.validTo", "1")}, ${d.date("'9999-01-01'")})`,
    d.date(":toPlus1"),
  );
  const sql = `WITH RECURSIVE ${monthSpansCte(d)}
    SELECT seg.month AS month, seg.type AS type, seg.providerId AS providerId,
           SUM(seg.nights) AS chargedNights, SUM(seg.nights * seg.personCount) AS chargedPersonNights,
           SUM(seg.nights * seg.personCount * seg.fee) AS amount, GROUP_CONCAT(DISTINCT seg.placementId) AS placementIds
      FROM (
        SELECT s.placementId AS placementId, ${d.yearMonth("m.monthStart")} AS month, s.type AS type, s.providerId AS providerId, s.personCount AS personCount,
               s.fee AS fee, ${d.daysBetween(d.max("s.lo", "m.monthStart"), d.min("s.hi", "m.monthEnd"))} AS nights
          FROM (
            SELECT DISTINCT pl.id AS placementId, pl.agreementId AS agreementId, f.id AS feeId,
                   pl.type AS type, pl.providerId AS providerId, pl.personCount AS personCount, f.dailyFee AS fee, ${lo} AS lo, ${hi} AS hi
              FROM (
                SELECT p.id, a.id AS agreementId, p.type, p.providerId, p.personCount,
                       ${acuteBillStartSql(d)} AS billStart,
                       COALESCE(p.endDate, ${d.date(":toPlus1")}) AS endExcl
                  FROM rv_placement p
                  LEFT JOIN rv_service_fee_agreement a
                    ON ${acuteCoverJoinSql()}
                 WHERE ${ACTIVE} ${byProvider}
              ) pl
              JOIN rv_provider_fee f ON f.providerId = pl.providerId AND f.placementType = pl.type
               AND f.validFrom < pl.endExcl AND (f.validTo IS NULL OR f.validTo >= pl.billStart)
          ) s
          JOIN months m ON m.monthStart < s.hi AND m.monthEnd > s.lo
      ) seg
     WHERE seg.nights > 0
     GROUP BY seg.month, seg.type, seg.providerId
     ORDER BY seg.month, seg.type, seg.providerId`;
  const rows: RawCostRow[] = await ds.query(...named(sql, params(period, providerValues)));
  return rows.map((r) => ({
    month: r.month,
    type: r.type,
    providerId: toInt(r.providerId),
    chargedNights: toInt(r.chargedNights),
    chargedPersonNights: toInt(r.chargedPersonNights),
    amount: toInt(r.amount),
    // The placements behind the row: the basis of disclosure control, never shown.
    placementIds: String(r.placementIds).split(",").map(Number),
  }));
}

/** Fixed service fees spread pro rata over their days, by month and provider (SQL). */
export async function serviceFeeRows(
  ds: DataSource,
  period: Period,
  filter: CostFilter = {},
): Promise<Omit<ServiceFeeCostRow, "providerName">[]> {
  if (filter.providerIds && filter.providerIds.length === 0) return [];
  const d = statsDialect(ds);
  const byProvider = filter.providerIds
    ? `AND a.providerId IN (${filter.providerIds.map((_, i) => `:pv${i}`).join(", ")})`
    : "";
  const providerValues = Object.fromEntries((filter.providerIds ?? []).map((id, i) => [`pv${i}`, id]));
  const lo = d.max("a.validFrom", "m.monthStart", d.date(":from"));
  const hi = d.min(d.addDays("a.validTo", "1"), d.nextMonth("m.monthStart"), d.date(":toPlus1"));
  const total = d.daysBetween("a.validFrom", d.addDays("a.validTo", "1"));
  const cumulative = (x: string) => d.roundDiv(`a.amount * ${d.daysBetween("a.validFrom", x)}`, total);
  const sql = `WITH RECURSIVE ${monthsCte(d)}
    SELECT x.month AS month, x.providerId AS providerId, SUM(x.amount) AS amount FROM (
      SELECT ${d.yearMonth("m.monthStart")} AS month, a.providerId AS providerId,
             ${cumulative(hi)} - ${cumulative(lo)} AS amount, ${d.daysBetween(lo, hi)} AS days
        FROM rv_service_fee_agreement a
        JOIN months m ON a.validFrom < ${d.nextMonth("m.monthStart")} AND a.validTo >= m.monthStart
       WHERE a.validFrom <= :to AND a.validTo >= :from ${byProvider}
    ) x WHERE x.days > 0
    GROUP BY x.month, x.providerId ORDER BY x.month, x.providerId`;
  const rows: { month: string; providerId: unknown; amount: unknown }[] = await ds.query(
    ...named(sql, params(period, providerValues)),
  );
  return rows.map((r) => ({ month: r.month, providerId: toInt(r.providerId), amount: toInt(r.amount) }));
}

/** The budget per month (each year's budget spread over its days) and for the whole period (SQL). */
export async function budgetFor(ds: DataSource, period: Period): Promise<{ byMonth: Map<string, Ore>; total: Ore }> {
  const d = statsDialect(ds);
  const yearStart = d.yearStart("b.year");
  const yearEnd = d.yearStart("b.year + 1");
  const yearDays = d.daysBetween(yearStart, yearEnd);
  const cumulative = (x: string) => d.roundDiv(`b.amount * ${d.daysBetween(yearStart, x)}`, yearDays);
  const share = (lo: string, hi: string) => `${cumulative(hi)} - ${cumulative(lo)}`;
  const values = params(period, { fromYear: Number(period.from.slice(0, 4)), toYear: Number(period.to.slice(0, 4)) });
  const monthly: { month: string; amount: unknown }[] = await ds.query(
    ...named(
      `WITH RECURSIVE ${monthsCte(d)}
       SELECT ${d.yearMonth("m.monthStart")} AS month,
              SUM(${share(d.max("m.monthStart", d.date(":from")), d.min(d.nextMonth("m.monthStart"), d.date(":toPlus1")))}) AS amount
         FROM rv_budget b JOIN months m ON ${d.year("m.monthStart")} = b.year
        GROUP BY ${d.yearMonth("m.monthStart")}`,
      values,
    ),
  );
  const [total]: { amount: unknown }[] = await ds.query(
    ...named(
      `SELECT SUM(${share(d.max(yearStart, d.date(":from")), d.min(yearEnd, d.date(":toPlus1")))}) AS amount FROM rv_budget b WHERE b.year BETWEEN :fromYear AND :toYear`,
      values,
    ),
  );
  return { byMonth: new Map(monthly.map((r) => [r.month, toInt(r.amount)])), total: toInt(total?.amount) };
}

function sumBy<T>(rows: T[], key: (r: T) => string, amount: (r: T) => number): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows) map.set(key(r), (map.get(key(r)) ?? 0) + amount(r));
  return map;
}

/** Costs per type, provider and month against the budget, for any period. JavaScript only pivots the grouped rows. */
export async function placementCostReport(
  ds: DataSource,
  period: Period,
  policy: DisclosurePolicy,
): Promise<PlacementCostReport> {
  assertPeriod(period);
  const rawRows = await placementCostRows(ds, period);
  const rawFees = await serviceFeeRows(ds, period);
  const budget = await budgetFor(ds, period);
  const providerIds = [...new Set([...rawRows.map((r) => r.providerId), ...rawFees.map((r) => r.providerId)])];
  const providers = providerIds.length
    ? await ds.manager.find(PlacementProvider, { where: { id: In(providerIds) } })
    : [];
  const nameOf = (id: number) => providers.find((p) => p.id === id)?.name ?? String(id);
  const placementIds = rawRows.map((r) => r.placementIds);
  const rows = rawRows.map(({ placementIds: _ids, ...r }) => ({
    ...r,
    providerName: nameOf(r.providerId),
    suppressed: [],
  }));
  const serviceFeeRowsNamed = rawFees.map((r) => ({ ...r, providerName: nameOf(r.providerId) }));

  const byType = PLACEMENT_TYPES.map((type) => {
    const ofType = rows.filter((r) => r.type === type);
    return {
      type,
      chargedPersonNights: ofType.reduce((s, r) => s + r.chargedPersonNights, 0),
      amount: ofType.reduce((s, r) => s + r.amount, 0),
      suppressed: [],
    };
  });
  const placementByProvider = sumBy(
    rows,
    (r) => String(r.providerId),
    (r) => r.amount,
  );
  const feesByProvider = sumBy(
    serviceFeeRowsNamed,
    (r) => String(r.providerId),
    (r) => r.amount,
  );
  const byProvider = providerIds
    .sort((a, b) => a - b)
    .map((id) => {
      const placementCost = placementByProvider.get(String(id)) ?? 0;
      const serviceFees = feesByProvider.get(String(id)) ?? 0;
      return {
        providerId: id,
        providerName: nameOf(id),
        placementCost,
        serviceFees,
        total: placementCost + serviceFees,
        suppressed: [],
      };
    });
  const placementByMonth = sumBy(
    rows,
    (r) => r.month,
    (r) => r.amount,
  );
  const feesByMonth = sumBy(
    serviceFeeRowsNamed,
    (r) => r.month,
    (r) => r.amount,
  );
  const months: string[] = [];
  for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7); ) {
    months.push(m);
    const [y, mo] = m.split("-").map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  }
  const byMonth: MonthCost[] = months.map((month) => {
    const placementCost = placementByMonth.get(month) ?? 0;
    const serviceFees = feesByMonth.get(month) ?? 0;
    const monthBudget = budget.byMonth.get(month) ?? 0;
    return {
      month,
      placementCost,
      serviceFees,
      total: placementCost + serviceFees,
      budget: monthBudget,
      difference: monthBudget - placementCost - serviceFees,
      suppressed: [],
    };
  });
  const placementCost = rows.reduce((s, r) => s + r.amount, 0);
  const serviceFees = serviceFeeRowsNamed.reduce((s, r) => s + r.amount, 0);
  const report = {
    from: period.from,
    to: period.to,
    rows,
    serviceFeeRows: serviceFeeRowsNamed,
    byType,
    byProvider,
    byMonth,
    placementCost,
    serviceFees,
    total: placementCost + serviceFees,
    budget: budget.total,
    difference: budget.total - placementCost - serviceFees,
    suppressed: [],
  };
  return controlPlacementCostReport(report, placementIds, policy);
}

/**
 * Disclosure control of the cost report. A cost row (month × type × provider), and each of its
 * sums by type, provider, month and in total, is hidden when fewer than minCell placements are
 * behind it, with complementary cells so that no hidden amount or night count can be computed from
 * the published sums; service fees and budgets are public and never hidden. `placementIds[i]` are
 * the placements behind `report.rows[i]`.
 */
export function controlPlacementCostReport(
  report: Omit<PlacementCostReport, "disclosure">,
  placementIds: readonly (readonly number[])[],
  policy: DisclosurePolicy,
): PlacementCostReport {
  const control = new DisclosureControl();
  const basis = (rowIndexes: number[]) => control.hiddenCount(new Set(rowIndexes.flatMap((i) => placementIds[i])).size);
  const indexesWhere = (keep: (row: CostRow) => boolean) => report.rows.flatMap((row, i) => (keep(row) ? [i] : []));
  const rowCells = report.rows.map((row, i) => {
    const b = basis([i]);
    return {
      row,
      nights: control.magnitude(row, "chargedNights", [b]),
      personNights: control.magnitude(row, "chargedPersonNights", [b]),
      amount: control.magnitude(row, "amount", [b]),
    };
  });
  const amountsWhere = (keep: (row: CostRow) => boolean) => rowCells.filter((c) => keep(c.row)).map((c) => c.amount);
  const costPart = (
    row: TypeCost | ProviderCost | MonthCost,
    field: "amount" | "placementCost",
    keep: (r: CostRow) => boolean,
  ) => {
    const cell = control.magnitude(row as never, field as never, [basis(indexesWhere(keep))]);
    control.sum(cell, amountsWhere(keep));
    return cell;
  };
  const byType = report.byType.map((t) => {
    const ofType = (r: CostRow) => r.type === t.type;
    control.sum(
      control.magnitude(t, "chargedPersonNights", [basis(indexesWhere(ofType))]),
      rowCells.filter((c) => ofType(c.row)).map((c) => c.personNights),
    );
    return costPart(t, "amount", ofType);
  });
  const withFees = (row: ProviderCost | MonthCost, placementCost: number) => {
    const total = control.magnitude(row, "total", []);
    control.sum(total, [placementCost, control.known(row.serviceFees)]);
    return total;
  };
  const byProvider = report.byProvider.map((p) => {
    const cost = costPart(p, "placementCost", (r) => r.providerId === p.providerId);
    withFees(p, cost);
    return cost;
  });
  const byMonth = report.byMonth.map((m) => {
    const cost = costPart(m, "placementCost", (r) => r.month === m.month);
    control.sum(control.known(m.budget), [withFees(m, cost), control.magnitude(m, "difference", [])]);
    return cost;
  });
  const placementCost = control.magnitude(report, "placementCost", [basis(report.rows.map((_, i) => i))]);
  for (const parts of [rowCells.map((c) => c.amount), byType, byProvider, byMonth]) control.sum(placementCost, parts);
  const total = control.magnitude(report, "total", []);
  control.sum(total, [placementCost, control.known(report.serviceFees)]);
  control.sum(control.known(report.budget), [total, control.magnitude(report, "difference", [])]);
  control.apply(policy);
  return { ...report, disclosure: disclosureInfo(policy, true) };
}

/**
 * The statistics queries of the API: each picks the caller's disclosure policy (exact figures
 * with relationsvald:stats:exact, access-logged; otherwise whole months only and small counts
 * suppressed), checks the period and reads the figures.
 */
export class StatisticsService {
  constructor(private readonly ctx: RequestContext) {}

  async statistics(period: Period): Promise<PlacementStatistics> {
    const policy = await this.checkedPolicy("Query.placementStatistics", period);
    return placementStatistics(this.ctx.ds, period, policy);
  }

  /** One period per calendar year; the exact read is logged after the figures (the years are checked first). */
  async statisticsByYear(fromYear: number, toYear: number): Promise<PlacementStatistics[]> {
    const policy = disclosurePolicy(this.ctx, DOMAIN);
    const result = await placementStatisticsByYear(this.ctx.ds, fromYear, toYear, policy);
    await logExactStatisticsRead(this.ctx, policy, DOMAIN, "Query.placementStatisticsByYear", `${fromYear}..${toYear}`);
    return result;
  }

  async costReport(period: Period): Promise<PlacementCostReport> {
    const policy = await this.checkedPolicy("Query.placementCostReport", period);
    return placementCostReport(this.ctx.ds, period, policy);
  }

  private async checkedPolicy(operation: string, period: Period): Promise<DisclosurePolicy> {
    const policy = disclosurePolicy(this.ctx, DOMAIN);
    assertPeriod(period);
    assertWholeMonths(policy, period.from, period.to);
    await logExactStatisticsRead(this.ctx, policy, DOMAIN, operation, `${period.from}..${period.to}`);
    return policy;
  }
}

export const statisticsService = (ctx: RequestContext) => new StatisticsService(ctx);
