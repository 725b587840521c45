/** The domain's one slug: module name, access log, events, graphs, statistics disclosure. */
export const DOMAIN = "ekonomiskt-bistand";

export const EkonomisktBistandScopes = {
  /** Person-level: households, members, applications, calculations, decisions, payouts (caseworkers). Access-logged. */
  READ: "ekonomiskt-bistand:read",
  /** Register households and applications, calculate, decide, pay, correct, FUT cases. */
  WRITE: "ekonomiskt-bistand:write",
  /** Aggregated indicators only (the board, Kommunstyrelsen, integrators): whole months, small counts suppressed. */
  STATS: "ekonomiskt-bistand:stats",
  /** The board's own report: exact indicators, small counts included; every read is access-logged. */
  STATS_EXACT: "ekonomiskt-bistand:stats:exact",
  /**
   * Skyddade personuppgifter: may see households with protected identity at all. Their address is
   * still never returned, whatever the scopes.
   */
  PROTECTED: "ekonomiskt-bistand:protected",
  /**
   * Receive the domain's events (ids and non-personal facts). Events about a household with
   * protected identity need PROTECTED as well.
   */
  EVENTS: "ekonomiskt-bistand:events",
  /** Platform administration (riksnorm years, cost caps, budget): core's `admin` scope. */
  ADMIN: "admin",
} as const;
