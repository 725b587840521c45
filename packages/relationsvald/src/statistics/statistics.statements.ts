import { addDays } from "@arbetsliv/core/values";
import type { Period } from "../costs/placement-days.rules";
import { acuteBillStartSql, acuteCoverJoinSql, acuteRanPastTwoNightsSql } from "../costs/acute.rules";
import { monthSpansCte, monthsCte, named, type StatsDialect } from "./sql";

/*
 * The statistics' statements, each with its parameters ([sql, values] for query()): the services
 * in statistics.service.ts run them, and the bench's floor imports them so it runs the same SQL.
 * `d` is the source's dialect (statsDialect).
 */

/** A positional statement: the SQL with "?" and its values in order (both drivers use "?"). */
export type Statement = [sql: string, values: unknown[]];

/** Placements with at least one night in the period (the definition of "placements in a period"). */
export const ACTIVE = "p.startDate <= :to AND (p.endDate IS NULL OR p.endDate > :from)";

/** The named parameters every statistics statement may use. */
export function statisticsParams(period: Period, extra: Record<string, unknown> = {}) {
  return {
    from: period.from,
    to: period.to,
    toPlus1: addDays(period.to, 1),
    firstMonth: `${period.from.slice(0, 7)}-01`,
    ...extra,
  };
}

/** The figures of placementStatistics: per type and in total, and the distinct children per type and in total. */
export function placementStatisticsStatements(
  d: StatsDialect,
  period: Period,
): { byType: Statement; total: Statement; childrenByType: Statement; childrenTotal: Statement } {
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
  const values = statisticsParams(period);
  return {
    byType: named(`SELECT p.type AS type, ${select} FROM rv_placement p WHERE ${ACTIVE} GROUP BY p.type`, values),
    total: named(`SELECT ${select} FROM rv_placement p WHERE ${ACTIVE}`, values),
    childrenByType: named(
      `SELECT p.type AS type, COUNT(DISTINCT pc.childId) AS children FROM rv_placement p
         JOIN rv_placement_child pc ON pc.placementId = p.id WHERE ${ACTIVE} GROUP BY p.type`,
      values,
    ),
    childrenTotal: named(
      `SELECT COUNT(DISTINCT pc.childId) AS children FROM rv_placement p JOIN rv_placement_child pc ON pc.placementId = p.id WHERE ${ACTIVE}`,
      values,
    ),
  };
}

/** `AND <column> IN (:pv0, …)` and its values when the report is limited to some providers. */
function providerFilter(column: string, providerIds: number[] | undefined) {
  return {
    byProvider: providerIds ? `AND ${column} IN (${providerIds.map((_, i) => `:pv${i}`).join(", ")})` : "",
    providerValues: Object.fromEntries((providerIds ?? []).map((id, i) => [`pv${i}`, id])),
  };
}

/**
 * Placement costs by month, type and provider (placementCostRows): for each placement, fee period
 * and month, the nights in all three (and in the period) × persons × the fee.
 */
export function placementCostStatement(d: StatsDialect, period: Period, providerIds?: number[]): Statement {
  const { byProvider, providerValues } = providerFilter("p.providerId", providerIds);
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
  return named(sql, statisticsParams(period, providerValues));
}

/** Fixed service fees spread pro rata over their days, by month and provider (serviceFeeRows). */
export function serviceFeeStatement(d: StatsDialect, period: Period, providerIds?: number[]): Statement {
  const { byProvider, providerValues } = providerFilter("a.providerId", providerIds);
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
  return named(sql, statisticsParams(period, providerValues));
}

/** The budget per month (each year's budget spread over its days) and for the whole period (budgetFor). */
export function budgetStatements(d: StatsDialect, period: Period): { byMonth: Statement; total: Statement } {
  const yearStart = d.yearStart("b.year");
  const yearEnd = d.yearStart("b.year + 1");
  const yearDays = d.daysBetween(yearStart, yearEnd);
  const cumulative = (x: string) => d.roundDiv(`b.amount * ${d.daysBetween(yearStart, x)}`, yearDays);
  const share = (lo: string, hi: string) => `${cumulative(hi)} - ${cumulative(lo)}`;
  const values = statisticsParams(period, {
    fromYear: Number(period.from.slice(0, 4)),
    toYear: Number(period.to.slice(0, 4)),
  });
  return {
    byMonth: named(
      `WITH RECURSIVE ${monthsCte(d)}
       SELECT ${d.yearMonth("m.monthStart")} AS month,
              SUM(${share(d.max("m.monthStart", d.date(":from")), d.min(d.nextMonth("m.monthStart"), d.date(":toPlus1")))}) AS amount
         FROM rv_budget b JOIN months m ON ${d.year("m.monthStart")} = b.year
        GROUP BY ${d.yearMonth("m.monthStart")}`,
      values,
    ),
    total: named(
      `SELECT SUM(${share(d.max(yearStart, d.date(":from")), d.min(yearEnd, d.date(":toPlus1")))}) AS amount FROM rv_budget b WHERE b.year BETWEEN :fromYear AND :toYear`,
      values,
    ),
  };
}
