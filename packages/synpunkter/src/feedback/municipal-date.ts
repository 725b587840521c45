import type { LocalDate } from "@arbetsliv/core/values";

/** The municipality's time zone: a caseworker's "today" is Borås's calendar day, not UTC's. */
export const MUNICIPAL_TIME_ZONE = "Europe/Stockholm";

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: MUNICIPAL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today's date in Europe/Stockholm (YYYY-MM-DD): the default date of a handling step and the
 * latest date a step may carry. Between 23:00 and 24:00 UTC (22:00 in summer) it is UTC's tomorrow.
 */
export function municipalToday(now: Date = new Date()): LocalDate {
  return dayFormat.format(now);
}
