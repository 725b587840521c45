import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import { registerDatabasePoolMetrics } from "./database-pool-metrics";
import { registerOutboxMetrics, type OutboxMetricsOptions } from "./outbox-metrics";
import { RequestMetrics } from "./request-metrics";

export interface ServiceMetricsOptions {
  /** The `service` label on every series (e.g. "gateway", "subgraph-iop"): one scrape config for all processes. */
  service: string;
  /** The database whose pool is reported. */
  ds?: DataSource;
  /** Report the events outbox's backlog (a process that runs or watches the relay). */
  outbox?: Omit<OutboxMetricsOptions, "prefix">;
  /** Distinct operation names kept as labels (default 200). */
  operationLimit?: number;
}

/**
 * The metrics of one process — a gateway or a subgraph server — in a registry of its own:
 * GraphQL requests and latency (recorded per request), rate-limit refusals (counted per
 * refusal), the database pool and the outbox's backlog (read when scraped) and Node's process
 * metrics (prom-client's defaults: CPU, memory, event loop lag, GC, handles). No series carries
 * person data: the only label a client influences is the checked operation name (operation-label.ts).
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly requests: RequestMetrics;
  /** A request refused by the rate limit (HTTP 429). */
  countRateLimitRefusal(): void;
}

export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics(registry, { operationLimit: options.operationLimit });
  const refusals = new Counter({
    name: "arbetsliv_rate_limit_refusals_total",
    help: "Requests refused by the rate limit (HTTP 429 RATE_LIMITED), whichever store counted them (memory, Redis or its in-memory fallback).",
    registers: [registry],
  });
  if (options.ds) registerDatabasePoolMetrics(registry, options.ds);
  if (options.ds && options.outbox) registerOutboxMetrics(registry, options.ds, options.outbox);
  return {
    registry,
    requests,
    countRateLimitRefusal: () => refusals.inc(),
  };
}
