import { ApplicationStatus, RoundStatus } from "./enums";

// Swedish messages name a status by the word a caseworker uses; English ones keep the enum value.

const ROUND_STATUS_SV: Record<RoundStatus, string> = {
  OPEN: "öppen",
  ALLOCATED: "fördelad",
  DECIDED: "beslutad",
};

const APPLICATION_STATUS_SV: Record<ApplicationStatus, string> = {
  REFUSED: "avvisad",
  RECEIVED: "inkommen",
  ELIGIBLE: "prövad och berättigad",
  INELIGIBLE: "avslagen",
};

/** A round's status in a Swedish message ("öppen", "fördelad", "beslutad"). */
export function roundStatusSv(status: RoundStatus): string {
  return ROUND_STATUS_SV[status];
}

/** An application's status in a Swedish message ("avvisad", "inkommen" …). */
export function applicationStatusSv(status: ApplicationStatus): string {
  return APPLICATION_STATUS_SV[status];
}
