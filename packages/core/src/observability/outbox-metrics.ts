import { Gauge, type Registry } from "prom-client";
import type { DataSource } from "typeorm";
import { runAsBackgroundWork } from "../data/statement-counter";

/** The events outbox's table (core's OutboxEvent entity). */
const OUTBOX_TABLE = "event_outbox";

/**
 * Where an event waits: `sequence` — committed, no feed position yet (the relay's sequencer gives
 * it one); `publish` — sequenced, not yet acknowledged by JetStream (only with NATS: without it
 * nothing is ever published, so that stage is not reported).
 */
export type OutboxStage = "sequence" | "publish";

export interface OutboxStageReading {
  stage: OutboxStage;
  /** Rows waiting at this stage. */
  pending: number;
  /** Seconds since the oldest of them happened (its `occurredAt`); 0 when none waits. */
  oldestSeconds: number;
}

/**
 * Counted from the outbox's rows, as the relay decides what is pending (packages/events
 * relay/sequencer.ts: `position IS NULL`; relay/publisher.ts: `publishedAt IS NULL AND position IS
 * NOT NULL`). One statement per stage, over the indexed columns; nothing is done per request.
 */
export async function readOutboxLag(
  ds: DataSource,
  stages: readonly OutboxStage[],
  now = Date.now(),
): Promise<OutboxStageReading[]> {
  const q = (name: string) => ds.driver.escape(name);
  const where: Record<OutboxStage, string> = {
    sequence: `${q("position")} IS NULL`,
    publish: `${q("publishedAt")} IS NULL AND ${q("position")} IS NOT NULL`,
  };
  const readings: OutboxStageReading[] = [];
  for (const stage of stages) {
    const rows = (await ds.query(
      `SELECT COUNT(*) AS pending, MIN(${q("occurredAt")}) AS oldest FROM ${q(OUTBOX_TABLE)} WHERE ${where[stage]}`,
    )) as { pending: number | string; oldest: string | null }[];
    const pending = Number(rows[0]?.pending ?? 0);
    const oldest = rows[0]?.oldest ? Date.parse(rows[0].oldest) : NaN;
    readings.push({
      stage,
      pending,
      oldestSeconds: pending > 0 && Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0,
    });
  }
  return readings;
}

export interface OutboxMetricsOptions {
  /** Events are published to JetStream (NATS_URL set): the `publish` stage is reported too. */
  publishes: boolean;
  prefix?: string;
  /** A failed reading (database away): the gauges are left out of that scrape. */
  onError?: (error: unknown) => void;
}

/** Gauges of the outbox's backlog, read from its rows when scraped (one reading per scrape, shared by both). */
export function registerOutboxMetrics(registry: Registry, ds: DataSource, options: OutboxMetricsOptions): void {
  const prefix = options.prefix ?? "arbetsliv_";
  const stages: OutboxStage[] = options.publishes ? ["sequence", "publish"] : ["sequence"];
  // Both gauges are collected in the same pass of a scrape: they share the reading in flight.
  let inFlight: Promise<OutboxStageReading[]> | null = null;
  const read = (): Promise<OutboxStageReading[]> => {
    if (inFlight) return inFlight;
    const reading = ds.isInitialized
      ? // Its statements are nobody's request (the statement counters tell background work apart).
        runAsBackgroundWork("metrics", () => readOutboxLag(ds, stages))
      : Promise.resolve([]);
    inFlight = reading
      .catch((error) => {
        options.onError?.(error);
        return [];
      })
      .finally(() => (inFlight = null));
    return inFlight;
  };
  new Gauge({
    name: `${prefix}outbox_pending_events`,
    help: "Events in the outbox waiting for the relay, by stage (sequence: no feed position yet; publish: not yet stored by JetStream, only with NATS).",
    labelNames: ["stage"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) this.labels(r.stage).set(r.pending);
    },
  });
  new Gauge({
    name: `${prefix}outbox_oldest_pending_seconds`,
    help: "Age of the oldest event waiting at each stage (0 when none waits): the outbox's lag.",
    labelNames: ["stage"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await read()) this.labels(r.stage).set(r.oldestSeconds);
    },
  });
}
