/** The domain's one slug: module, access log, events, graphs and job names. */
export const DOMAIN = "iop";

/** Scopes of the IOP module. Deny by default: every operation names the scope it needs. */
export const IopScopes = {
  /** Agreements, partners and their contact persons (person-level: contact reads are access-logged). */
  READ: "iop:read",
  /** Register and change partners, agreements, money and follow-up. */
  WRITE: "iop:write",
  /** Aggregates only: counts of partnerships, costs per year and funding budget, follow-up figures. */
  STATS: "iop:stats",
  /** Receive IOP's events (ids and non-personal facts); details are read through GraphQL with the scopes above. */
  EVENTS: "iop:events",
} as const;
