/** The domain's one slug: scopes, access log, events. */
export const DOMAIN = "synpunkter";

export const SynpunkterScopes = {
  /** Person-level: items with description and submitter contact. Every read is access-logged. */
  READ: "synpunkter:read",
  /** Register and handle items. */
  WRITE: "synpunkter:write",
  /** Register only — for the e-service integration ("one way in"). */
  SUBMIT: "synpunkter:submit",
  /** Aggregated statistics, for the board and Kommunstyrelsen: whole months, small counts suppressed. */
  STATS: "synpunkter:stats",
  /** The board's own report: exact statistics, small counts included; every read is access-logged. */
  STATS_EXACT: "synpunkter:stats:exact",
  /** Receive the domain's events (ids and non-personal facts); details through GraphQL with the other scopes. */
  EVENTS: "synpunkter:events",
} as const;
