export const EventScopes = {
  /** Manage webhook registrations and replays. Receiving events needs each event type's own scope. */
  WEBHOOKS_ADMIN: "events:webhooks:admin",
} as const;
