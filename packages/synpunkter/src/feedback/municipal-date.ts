import type { LocalDate } from "@arbetsliv/core/values";

/** The municipality's time zone: a caseworker's "today" is Borås's calendar day, not UTC's. */
export const MUNICIPAL_TIME_ZONE = "Europe/Stockholm";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: MUNICIPAL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const HOUR_MS = 3_600_000;
// Stockholm's days (and its summer-time changes) begin on whole UTC hours, so the text is kept
// for the clock's hour: a computed field asking per row (`overdue`) does not format every time.
const lastHour = { hour: Number.NaN, text: "" };

/**
 * Today's date in Europe/Stockholm (YYYY-MM-DD): the default date of a handling step, the latest
 * date a step may carry, and the day an item is overdue after its due date (the `overdue` field
 * and filter, the statistics' openOverdue). Between 23:00 and 24:00 UTC (22:00 in summer) it is
 * UTC's tomorrow.
 */
export function municipalToday(now: Date = new Date()): LocalDate {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (hour !== lastHour.hour) {
    lastHour.text = dayFormat.format(now);
    lastHour.hour = hour;
  }
  return lastHour.text;
}
