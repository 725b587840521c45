// Pseudo-random numbers: SeededRandom from @arbetsliv/core (the same generator the demo seeds use).

const DAY = 86_400_000;
const isoCache = new Map<number, string>();

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/** YYYY-MM-DD of a day number (cached: seeding asks for the same few thousand days millions of times). */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function addDaysIso(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

export function daysBetweenIso(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds months, clamping to the month's last day (like core's addMonths). */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
