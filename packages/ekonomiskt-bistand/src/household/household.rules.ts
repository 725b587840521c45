import type { LocalDate } from "@arbetsliv/core/values";
import { MemberRole } from "../enums";
import type { Household, HouseholdAddress } from "./household.entity";

/** The address shown: never for a household with protected identity (whatever the scopes), none once gallrad. */
export function addressOf(
  household: Pick<Household, "protectedIdentity" | "street" | "postalCode" | "city">,
): HouseholdAddress | null {
  if (household.protectedIdentity || household.street === null) return null;
  return { street: household.street, postalCode: household.postalCode ?? "", city: household.city ?? "" };
}

interface MemberPeriod {
  role: MemberRole;
  joinedOn: LocalDate;
  leftOn: LocalDate | null;
}

/** Members who were part of the household on some day of the month (first…last day). */
export function membersInMonth<M extends MemberPeriod>(members: M[], first: LocalDate, last: LocalDate): M[] {
  return members.filter((m) => m.joinedOn <= last && (m.leftOn === null || m.leftOn >= first));
}

/**
 * Why a month cannot be calculated for lack of an applicant, or null when the applicant was a member
 * that month. A member's joinedOn defaults to the day the member is registered, so an application for
 * an earlier month finds nobody: the reason names the dates instead of "no applicant".
 */
export function applicantMissingIn(month: string, first: LocalDate, last: LocalDate, members: MemberPeriod[]) {
  const applicant = members.find((m) => m.role === MemberRole.APPLICANT);
  if (!applicant) return "the household has no applicant";
  if (applicant.joinedOn > last) {
    const earliest = members.reduce((d, m) => (m.joinedOn < d ? m.joinedOn : d), applicant.joinedOn);
    const nobody = membersInMonth(members, first, last).length === 0;
    return (
      `${nobody ? `no member was part of the household in ${month}` : `the applicant was not a member in ${month}`}: ` +
      `the applicant joined on ${applicant.joinedOn}` +
      (nobody && earliest < applicant.joinedOn ? ` (the first member on ${earliest})` : "") +
      ` — a member counts from joinedOn, which defaults to the day the member was registered; ` +
      `register members with the date they joined to calculate an earlier month`
    );
  }
  if (applicant.leftOn !== null && applicant.leftOn < first)
    return `the applicant left the household on ${applicant.leftOn}, before ${month}`;
  return null;
}
