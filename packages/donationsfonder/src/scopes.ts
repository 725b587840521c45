import { CoreScopes } from "@arbetsliv/core";

/** The domain's one slug: module name, scopes, access log, events, statistics disclosure, graphs. */
export const DOMAIN = "donationsfonder";

export const DonationScopes = {
  /** Person-level: applications, allocations per applicant, payout list. Every read is access-logged. */
  READ: "donationsfonder:read",
  /** Register and correct applications, run the allocation, adjust it, record the board decision, mark payouts paid. */
  WRITE: "donationsfonder:write",
  /** Aggregated reports per round and fund (no person data): small counts suppressed. */
  STATS: "donationsfonder:stats",
  /** The board's own report: exact figures, small counts included; every read is access-logged. */
  STATS_EXACT: "donationsfonder:stats:exact",
  /** Reference data: funds and their statutes, the round schedule, rounds, policies and fund budgets. */
  ADMIN: "donationsfonder:admin",
  /** Receive the domain's events: ids, dates and amounts, never a person. */
  EVENTS: "donationsfonder:events",
} as const;

/** Funds, rounds and schedules are not person data: anyone working with the domain may read them. */
export const ANY_DONATION_SCOPE = [
  DonationScopes.READ,
  DonationScopes.WRITE,
  DonationScopes.STATS,
  DonationScopes.STATS_EXACT,
  DonationScopes.ADMIN,
  DonationScopes.EVENTS,
  CoreScopes.ADMIN,
];
/** Reference data may be changed by the domain's administrators or by platform administrators. */
export const ADMIN_SCOPES = [DonationScopes.ADMIN, CoreScopes.ADMIN];
