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
import { type Ore } from "@arbetsliv/core/values";
import { toInt } from "@arbetsliv/core/data";
import { PLACEMENT_TYPES, PlacementType } from "../enums";
import { PlacementProvider } from "../providers/provider.entity";
import { DOMAIN } from "../scopes";
import type { Period } from "../costs/placement-days.rules";
import { statsDialect } from "./sql";
import {
  budgetStatements,
  placementCostStatement,
  placementStatisticsStatements,
  serviceFeeStatement,
} from "./statistics.statements";
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
  if (period.from > period.to)
    throw new ValidationError(toField, "order", {
      en: `must not be before ${fromField}`,
      sv: `får inte vara före ${fromField}`,
    });
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS)
    throw new ValidationError(toField, "range", {
      en: "the period may be at most 20 years",
      sv: "perioden får vara högst 20 år",
    });
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
  const q = placementStatisticsStatements(statsDialect(ds), period);
  const byTypeRows: FigureRow[] = await ds.query(...q.byType);
  const [totalRow]: FigureRow[] = await ds.query(...q.total);
  const childRows: { type: PlacementType; children: unknown }[] = await ds.query(...q.childrenByType);
  const [childTotal]: { children: unknown }[] = await ds.query(...q.childrenTotal);
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
    throw new ValidationError("fromYear", "range", { en: "must be a year", sv: "måste vara ett årtal" });
  if (!Number.isInteger(toYear) || toYear < fromYear || toYear - fromYear > 19) {
    throw new ValidationError("toYear", "range", {
      en: "must be fromYear or later, at most 20 years",
      sv: "måste vara fromYear eller senare, högst 20 år",
    });
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
  if (filter.providerIds && filter.providerIds.length === 0) return [];
  const rows: RawCostRow[] = await ds.query(...placementCostStatement(statsDialect(ds), period, filter.providerIds));
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
  const rows: { month: string; providerId: unknown; amount: unknown }[] = await ds.query(
    ...serviceFeeStatement(statsDialect(ds), period, filter.providerIds),
  );
  return rows.map((r) => ({ month: r.month, providerId: toInt(r.providerId), amount: toInt(r.amount) }));
}

/** The budget per month (each year's budget spread over its days) and for the whole period (SQL). */
export async function budgetFor(ds: DataSource, period: Period): Promise<{ byMonth: Map<string, Ore>; total: Ore }> {
  const q = budgetStatements(statsDialect(ds), period);
  const monthly: { month: string; amount: unknown }[] = await ds.query(...q.byMonth);
  const [total]: { amount: unknown }[] = await ds.query(...q.total);
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
