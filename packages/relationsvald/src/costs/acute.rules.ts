import { addDays, daysBetween, type LocalDate } from "@arbetsliv/core/values";
import { type SqlDialect } from "@arbetsliv/core/data";
import type { AcuteCover, CostedStay, Stay } from "./placement-days.rules";

/*
 * The acute two-night rule (the partner rule with Kvinnojouren: "när en akutplacering varar i mer
 * än 2 dygn utgår … dygnsavgift fr.o.m. 3:e dygnet"), in its two forms side by side: TypeScript
 * for the invoice lines and SQL for the statistics, which aggregate in the database. Change one,
 * change the other: acute.rules.spec.ts runs both on random stays and agreements and requires the
 * same answer on both databases.
 */

/** The nights after which an acute placement is followed up (and, under the IOP, starts to be charged). */
export const ACUTE_FOLLOW_UP_NIGHTS = 2;

/** Nights from start to move-out (placement-days' nightsBetween, which imports this file). */
const nights = (start: LocalDate, end: LocalDate) => Math.max(0, daysBetween(start, end));

// ---- Did an acute placement run past two nights? ----

/** TypeScript: ongoing placements count up to asOf (their nights up to and including asOf). */
export function acuteRanPastTwoNights(stay: Stay, asOf: LocalDate): boolean {
  return nights(stay.startDate, stay.endDate ?? addDays(asOf, 1)) > ACUTE_FOLLOW_UP_NIGHTS;
}

/** SQL over a placement row `p` (startDate, endDate); `asOfPlus1` is the day after asOf (a parameter or expression). */
export function acuteRanPastTwoNightsSql(d: Pick<SqlDialect, "daysBetween">, asOfPlus1: string, p = "p"): string {
  return `${d.daysBetween(`${p}.startDate`, `COALESCE(${p}.endDate, ${asOfPlus1})`)} > ${ACUTE_FOLLOW_UP_NIGHTS}`;
}

// ---- How many of an acute placement's first nights does the service fee cover? ----

/**
 * TypeScript: the agreement with acute cover in force on the placement's first night gives its
 * nights (2 under the Kvinnojouren IOP); 0 when none, or when the placement did not start acute.
 */
export function acuteFreeNights(stay: CostedStay, covers: readonly AcuteCover[]): number {
  if (!stay.acute) return 0;
  const cover = covers.find(
    (c) =>
      c.acuteFreeNights > 0 && c.validFrom <= stay.startDate && (c.validTo === null || c.validTo >= stay.startDate),
  );
  return cover?.acuteFreeNights ?? 0;
}

/**
 * SQL: the ON condition joining a placement `p` (LEFT JOIN) to the provider's agreement `a` with
 * acute cover in force on its first night (the service keeps at most one such agreement per day;
 * an agreement's validTo is never null in the table).
 */
export function acuteCoverJoinSql(p = "p", a = "a"): string {
  return `${a}.providerId = ${p}.providerId AND ${a}.acuteFreeNights > 0 AND ${p}.acute = 1
                   AND ${a}.validFrom <= ${p}.startDate AND ${a}.validTo >= ${p}.startDate`;
}

/** SQL: the first night charged at a daily fee — the start, moved past the covered nights when the join found cover. */
export function acuteBillStartSql(d: Pick<SqlDialect, "addDays">, p = "p", a = "a"): string {
  return `CASE WHEN ${a}.id IS NULL THEN ${p}.startDate ELSE ${d.addDays(`${p}.startDate`, `${a}.acuteFreeNights`)} END`;
}
