import type { Message } from "@arbetsliv/core";

/**
 * The rule texts several fields of the domain share, in both languages the API answers in
 * (`Message`: English for `error.message`, Swedish chosen by Accept-Language). A message used once
 * stays where it is thrown.
 */
export const MUST_NOT_BE_NEGATIVE: Message = { en: "must not be negative", sv: "får inte vara negativt" };
export const MUST_BE_MORE_THAN_ZERO: Message = { en: "must be more than 0", sv: "måste vara större än 0" };
export const MUST_NOT_BE_IN_FUTURE: Message = {
  en: "must not be in the future",
  sv: "får inte vara ett framtida datum",
};
export const GIVEN_TWICE: Message = { en: "is given twice", sv: "anges två gånger" };
export const MUST_NOT_BE_BEFORE_START: Message = {
  en: "must not be before the start",
  sv: "får inte vara före startdatumet",
};
export const YEAR_2000_TO_2100: Message = {
  en: "must be a year between 2000 and 2100",
  sv: "måste vara ett år mellan 2000 och 2100",
};
export const ONLY_UNDER_7_HAVE_LUNCH: Message = {
  en: "only age groups under 7 have a lunch variant",
  sv: "bara åldersgrupperna under 7 år har ett belopp för lunch i förskolan",
};
