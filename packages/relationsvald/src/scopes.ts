import type { ScopeDefinition } from "@arbetsliv/core";

/** The domain's one slug: module name, access log, events, graphs, disclosure policy. */
export const DOMAIN = "relationsvald";

export const RelationsvaldScopes = {
  /** Person-level: clients, children, placements. Every read is access-logged. */
  READ: "relationsvald:read",
  /** Register and change clients, providers, fees, placements and provider invoices. */
  WRITE: "relationsvald:write",
  /** Aggregates only: counts, days, costs, budget. Never a person. Small counts suppressed, whole months only. */
  STATS: "relationsvald:stats",
  /** The board's own report: exact statistics, small counts included; every read is access-logged. */
  STATS_EXACT: "relationsvald:stats:exact",
  /** Explicitly granted: may see that a person with protected identity exists in the register. */
  PROTECTED: "relationsvald:protected",
  /**
   * Finance: the monthly invoice basis (fakturaunderlag) of every placement. Placements of people with
   * protected identity are in its sums but never itemised — unless relationsvald:protected is held too.
   */
  INVOICE: "relationsvald:invoice",
  /** The lawful yes/no inquiry "is this person placed?" (courts, police, some agencies). */
  INQUIRY: "relationsvald:inquiry",
  /** Receive the domain's events (ids and non-personal facts); protected placements need PROTECTED instead. */
  EVENTS: "relationsvald:events",
} as const;

export const relationsvaldScopeDefinitions: ScopeDefinition[] = [
  {
    name: RelationsvaldScopes.READ,
    description: "Read clients, accompanying children and placements (person-level; every read is access-logged).",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.WRITE,
    description:
      "Register and change clients, children, providers, daily fees, placements, budgets and provider invoices.",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.STATS,
    description:
      "Aggregated statistics only: placements, persons, days, costs against budget. Whole calendar months; counts below DISCLOSURE_MIN_CELL (3) and the cells that would reveal them are suppressed.",
  },
  {
    name: RelationsvaldScopes.STATS_EXACT,
    description:
      "The board secretariat's report: exact statistics including small counts (which can point to a person, so this is granted like person-level access; every read is access-logged).",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.PROTECTED,
    description:
      "Granted explicitly, on top of read/write: see that people with protected identity (skyddade personuppgifter) exist in the register. Their address and location never leave the API.",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.INVOICE,
    description:
      "Finance: the monthly invoice basis per provider (invoiceBasis) with its totals to the öre. Placements of people with protected identity are included only as one aggregated sum, never a placement id, person, date or type; other placements are itemised (person-level: every read is access-logged).",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.INQUIRY,
    description: "The lawful inquiry whether a person is placed: answers yes/no only; every inquiry is access-logged.",
    personLevel: true,
  },
  {
    name: RelationsvaldScopes.EVENTS,
    description:
      "Receive the domain's events: ids and non-personal facts; details through GraphQL with your own scopes. Events about placements of people with protected identity need relationsvald:protected instead.",
  },
];
