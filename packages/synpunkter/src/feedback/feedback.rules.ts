import { ValidationError, type Message } from "@arbetsliv/core";
import { addDays, type LocalDate } from "@arbetsliv/core/values";

/** Due date: received date plus the business area's handling time in calendar days. */
export function dueDateFor(receivedDate: LocalDate, handlingDays: number): LocalDate {
  return addDays(receivedDate, handlingDays);
}

/**
 * "Handled in time" as the 2021 report uses it: the item's final closing is on or before its
 * due date. An item closed in time, reopened for completion and closed again after the due
 * date counts as late — the report explains exactly such a case.
 */
export function handledInTime(item: { closedDate: LocalDate | null; dueDate: LocalDate }): boolean {
  return item.closedDate !== null && item.closedDate <= item.dueDate;
}

/** Open and past the due date on `today` (the municipality's today, municipal-date.ts): overdue from the day after. */
export function isOverdue(item: { closedDate: LocalDate | null; dueDate: LocalDate }, today: LocalDate): boolean {
  return item.closedDate === null && item.dueDate < today;
}

/** A reply needs somewhere to go: an anonymous submitter cannot want or get one. */
export function assertContactForReply(
  field: string,
  wantsReply: boolean,
  contact: { submitterEmail?: string | null; submitterPhone?: string | null; submitterName?: string | null },
): void {
  if (wantsReply && !contact.submitterEmail && !contact.submitterPhone) {
    throw new ValidationError(field, "reply-needs-contact", {
      en: "a reply needs the submitter's e-mail or phone; anonymous submitters get no reply",
      sv: "återkoppling kräver e-postadress eller telefonnummer till den som lämnat synpunkten; anonyma får ingen återkoppling",
    });
  }
}

export function assertNotBefore(field: string, date: LocalDate, earliest: LocalDate, what: Message): void {
  if (date < earliest)
    throw new ValidationError(field, "not-before", {
      en: `must not be before ${what.en} (${earliest})`,
      sv: `får inte vara före ${what.sv} (${earliest})`,
    });
}

/**
 * A handling step's date (given, or today by default): not in the future (the municipality's
 * today) and not before the item's previous step (its latest history date), so a back-registered
 * case gets a history that runs forwards. Rules "not-in-future" and "not-before", as registering.
 */
export function assertStepDate(field: string, date: LocalDate, previousStep: LocalDate, today: LocalDate): void {
  if (date > today)
    throw new ValidationError(field, "not-in-future", {
      en: `must not be in the future (today is ${today})`,
      sv: `får inte ligga i framtiden (i dag är det ${today})`,
    });
  assertNotBefore(field, date, previousStep, { en: "the item's previous step", sv: "synpunktens föregående steg" });
}
