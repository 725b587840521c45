import type { DataSource } from "typeorm";
import type { EventLog } from "@arbetsliv/events";
import * as events from "@arbetsliv/events";

/** The relay's API as the bench uses it (packages/events/src/relay). */
export interface Relay {
  wake(): void;
  onSequenced(listener: (lastPosition: number) => void): void;
  stop(): Promise<void>;
}
export type StartRelay = (options: {
  ds: DataSource;
  nats?: { servers: string; stream?: string; subjectPrefix?: string | null };
  log: EventLog;
  pollMs?: number;
  batchSize?: number;
}) => Relay | Promise<Relay>;

export interface Dispatcher {
  wake(): void;
  stop(): Promise<void> | void;
}
export type StartWebhookDispatcher = (options: {
  ds: DataSource;
  log: EventLog;
  targetPolicy?: { allowPrivateTargets: boolean; allowHttp: boolean };
}) => Dispatcher | Promise<Dispatcher>;

/** The runtime parts the events package exports so far (they are written alongside the bench). */
export function runtimeApi(): { startRelay?: StartRelay; startWebhookDispatcher?: StartWebhookDispatcher } {
  const api = events as unknown as Record<string, unknown>;
  return {
    startRelay: typeof api.startRelay === "function" ? (api.startRelay as StartRelay) : undefined,
    startWebhookDispatcher:
      typeof api.startWebhookDispatcher === "function"
        ? (api.startWebhookDispatcher as StartWebhookDispatcher)
        : undefined,
  };
}
