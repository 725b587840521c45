import type { Message } from "@arbetsliv/core";
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
export function applicantMissingReason(
  month: string,
  first: LocalDate,
  last: LocalDate,
  members: MemberPeriod[],
): Message | null {
  const applicant = members.find((m) => m.role === MemberRole.APPLICANT);
  if (!applicant) return { en: "the household has no applicant", sv: "hushållet har ingen sökande" };
  if (applicant.joinedOn > last) {
    const earliest = members.reduce((d, m) => (m.joinedOn < d ? m.joinedOn : d), applicant.joinedOn);
    const nobody = membersInMonth(members, first, last).length === 0;
    const firstMember = nobody && earliest < applicant.joinedOn;
    return {
      en:
        `${nobody ? `no member was part of the household in ${month}` : `the applicant was not a member in ${month}`}: ` +
        `the applicant joined on ${applicant.joinedOn}` +
        (firstMember ? ` (the first member on ${earliest})` : "") +
        ` — a member counts from joinedOn, which defaults to the day the member was registered; ` +
        `register members with the date they joined to calculate an earlier month`,
      sv:
        `${nobody ? `ingen medlem ingick i hushållet ${month}` : `sökanden var inte medlem ${month}`}: ` +
        `sökanden blev medlem i hushållet ${applicant.joinedOn}` +
        (firstMember ? ` (den första medlemmen ${earliest})` : "") +
        ` — en medlem räknas från joinedOn, som utan annat anges är den dag medlemmen registrerades; ` +
        `registrera medlemmarna med den dag de blev medlemmar för att beräkna en tidigare månad`,
    };
  }
  if (applicant.leftOn !== null && applicant.leftOn < first)
    return {
      en: `the applicant left the household on ${applicant.leftOn}, before ${month}`,
      sv: `sökanden flyttade från hushållet ${applicant.leftOn}, före ${month}`,
    };
  return null;
}

/** The English text of `applicantMissingReason`. */
export function applicantMissingIn(
  month: string,
  first: LocalDate,
  last: LocalDate,
  members: MemberPeriod[],
): string | null {
  return applicantMissingReason(month, first, last, members)?.en ?? null;
}
