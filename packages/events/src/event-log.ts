/** The logger the event runtime writes to (the gateway's Logger fits it). Must never throw. */
export interface EventLog {
  log(level: "debug" | "info" | "warn" | "error", message: string, fields?: Record<string, unknown>): void;
}

export const silentLog: EventLog = { log: () => undefined };
