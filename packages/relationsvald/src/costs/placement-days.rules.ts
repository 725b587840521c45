import { addDays, daysBetween, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { acuteFreeNights } from "./acute.rules";

// The acute two-night rule lives with its SQL form in acute.rules.ts; re-exported for the cost rules' users.
export { acuteFreeNights, acuteRanPastTwoNights } from "./acute.rules";

/**
 * Pure rules for placement days (dygn) and costs. A placement day is a NIGHT: the night
 * that begins on date d is "dated" d, so a stay from the 1st to the 4th has the nights of the
 * 1st, 2nd and 3rd = 3 dygn. `endDate` is the move-out date (not itself a night); null while
 * the placement is ongoing. A period `{ from, to }` holds the nights dated from..to inclusive.
 */

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

export interface Stay {
  startDate: LocalDate;
  /** Move-out date; null while ongoing. */
  endDate: LocalDate | null;
}

/** A daily fee per person (dygnsavgift) in force from validFrom to validTo (both inclusive; null = open). */
export interface FeeRate {
  validFrom: LocalDate;
  validTo: LocalDate | null;
  dailyFeeOre: Ore;
}

/** A provider agreement under which an acute placement's first nights are covered by the fixed service fee. */
export interface AcuteCover {
  validFrom: LocalDate;
  validTo: LocalDate | null;
  /** Nights covered by the fixed service fee (2 under the Kvinnojouren IOP). */
  acuteFreeNights: number;
}

export interface CostedStay extends Stay {
  /** Persons covered: the adult plus accompanying children. */
  personCount: number;
  acute: boolean;
}

/** One invoice line: nights of one placement in one month at one fee. */
export interface CostLine {
  /** YYYY-MM the nights are dated in. */
  month: string;
  /** First night of the line. */
  firstNight: LocalDate;
  /** Last night of the line (inclusive). */
  lastNight: LocalDate;
  nights: number;
  persons: number;
  /** Fee per person and night; null when no fee is in force (amount 0, needs attention). */
  dailyFeeOre: Ore | null;
  /** True for an acute placement's first nights, covered by the provider's fixed service fee. */
  coveredByServiceFee: boolean;
  amountOre: Ore;
}

const FAR_FUTURE: LocalDate = "9999-01-01";

const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/** Nights from start to move-out (3 for the 1st → 4th). */
export function nightsBetween(start: LocalDate, end: LocalDate): number {
  return Math.max(0, daysBetween(start, end));
}

/** The nights of a stay within [from, toExclusive) as a half-open range, or null when none. */
function clip(stay: Stay, period: Period): { from: LocalDate; toExclusive: LocalDate } | null {
  const periodEnd = addDays(period.to, 1);
  const from = maxDate(stay.startDate, period.from);
  const toExclusive = minDate(stay.endDate ?? periodEnd, periodEnd);
  return from < toExclusive ? { from, toExclusive } : null;
}

/** Placement days (nights) of a stay inside a period; an ongoing stay counts up to the period end. */
export function placementNights(stay: Stay, period: Period): number {
  const range = clip(stay, period);
  return range ? daysBetween(range.from, range.toExclusive) : 0;
}

/** True if two stays share a night. Ongoing stays run forever. */
export function staysOverlap(a: Stay, b: Stay): boolean {
  return a.startDate < (b.endDate ?? FAR_FUTURE) && b.startDate < (a.endDate ?? FAR_FUTURE);
}

function firstOfNextMonth(date: LocalDate): LocalDate {
  const [y, m] = date.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * Invoice lines of a placement within a period: split at month boundaries, at fee changes
 * and where the acute cover ends. Cost = nights × persons × the daily fee in force on each
 * night (fees are assumed not to overlap; the service refuses overlapping fees).
 */
export function costLines(
  stay: CostedStay,
  fees: readonly FeeRate[],
  covers: readonly AcuteCover[],
  period: Period,
): CostLine[] {
  const range = clip(stay, period);
  if (!range) return [];
  const freeUntil = addDays(stay.startDate, acuteFreeNights(stay, covers));
  const sortedFees = [...fees].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const feeOn = (night: LocalDate): FeeRate | undefined =>
    sortedFees.find((f) => f.validFrom <= night && (f.validTo === null || f.validTo >= night));

  // Every date where the price of a night may change, inside the range.
  const cuts = new Set<LocalDate>([range.from, range.toExclusive]);
  for (let m = firstOfNextMonth(range.from); m < range.toExclusive; m = firstOfNextMonth(m)) cuts.add(m);
  for (const f of sortedFees) {
    cuts.add(f.validFrom);
    if (f.validTo !== null) cuts.add(addDays(f.validTo, 1));
  }
  cuts.add(freeUntil);
  const points = [...cuts].filter((d) => d >= range.from && d <= range.toExclusive).sort();

  const lines: CostLine[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const toExclusive = points[i + 1];
    const nights = daysBetween(from, toExclusive);
    const covered = from < freeUntil;
    const fee = feeOn(from);
    const dailyFeeOre = fee ? fee.dailyFeeOre : null;
    const line: CostLine = {
      month: from.slice(0, 7),
      firstNight: from,
      lastNight: addDays(toExclusive, -1),
      nights,
      persons: stay.personCount,
      dailyFeeOre: covered ? 0 : dailyFeeOre,
      coveredByServiceFee: covered,
      amountOre: covered || dailyFeeOre === null ? 0 : nights * stay.personCount * dailyFeeOre,
    };
    const last = lines[lines.length - 1];
    if (
      last &&
      last.month === line.month &&
      last.dailyFeeOre === line.dailyFeeOre &&
      last.coveredByServiceFee === line.coveredByServiceFee &&
      addDays(last.lastNight, 1) === line.firstNight
    ) {
      last.lastNight = line.lastNight;
      last.nights += line.nights;
      last.amountOre += line.amountOre;
    } else {
      lines.push(line);
    }
  }
  return lines;
}

/** Total cost of a placement in a period (sum of its lines). */
export function placementCost(
  stay: CostedStay,
  fees: readonly FeeRate[],
  covers: readonly AcuteCover[],
  period: Period,
): Ore {
  return costLines(stay, fees, covers, period).reduce((sum, l) => sum + l.amountOre, 0);
}

/**
 * A fixed amount for a validity period (a service fee, a yearly budget) spread pro rata over
 * days: the share of the days validFrom..validTo (inclusive) that fall inside the period, in
 * whole öre. Computed as the difference of rounded cumulative shares, so the shares of any
 * partition of the validity period (e.g. its months) add up to the amount exactly.
 */
export function proRata(amountOre: Ore, validFrom: LocalDate, validTo: LocalDate, period: Period): Ore {
  const end = addDays(validTo, 1);
  const total = daysBetween(validFrom, end);
  const from = maxDate(validFrom, period.from);
  const toExclusive = minDate(end, addDays(period.to, 1));
  if (total <= 0 || from >= toExclusive) return 0;
  const cumulative = (date: LocalDate) => Math.round((amountOre * daysBetween(validFrom, date)) / total);
  return cumulative(toExclusive) - cumulative(from);
}
