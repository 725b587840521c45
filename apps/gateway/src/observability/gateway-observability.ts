import type { IncomingMessage, ServerResponse } from "node:http";
import type { DataSource } from "typeorm";
import {
  createServiceMetrics,
  createTracing,
  databaseSystemOf,
  metricsEndpoint,
  SqlSpanSubscriber,
  tracedRequest,
  type ServiceMetrics,
  type SpanExporter,
  type Tracing,
} from "@arbetsliv/core/observability";
import type { GatewayConfig } from "../config";
import type { Logger } from "../logger";

/**
 * The gateway's metrics and traces, each null when off (METRICS_TOKEN unset; OTEL_TRACES_EXPORTER
 * unset): the router then takes one branch per request and allocates nothing for either.
 */
export interface GatewayMetrics {
  readonly metrics: ServiceMetrics;
  /** GET /metrics for the bearer of METRICS_TOKEN. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Tracing for config.tracing (or spans to `exporter`, for tests); null when off. */
export function createGatewayTracing(config: GatewayConfig, exporter?: SpanExporter): Tracing | null {
  return createTracing(config.tracing, { exporter });
}

/** TypeORM subscribers for the gateway's DataSource: a span per SQL statement when tracing is on, else none. */
export function sqlSpanSubscribers(config: GatewayConfig, tracing: Tracing | null): SqlSpanSubscriber[] {
  if (!tracing) return [];
  const system = config.database.kind === "mysql" ? (config.database.mariadb ? "mariadb" : "mysql") : "sqlite";
  return [new SqlSpanSubscriber(tracing.tracer, databaseSystemOf(system))];
}

/** Metrics for a gateway with METRICS_TOKEN set; null otherwise. */
export function createGatewayMetrics(config: GatewayConfig, ds: DataSource, logger: Logger): GatewayMetrics | null {
  if (!config.metricsToken) return null;
  const metrics = createServiceMetrics({
    service: "gateway",
    ds,
    // The outbox's backlog from its rows; the publish stage exists only with JetStream.
    outbox: {
      publishes: Boolean(config.events.natsUrl),
      onError: (error) =>
        logger.log("warn", "metrics: cannot read the outbox's backlog", { error: String((error as Error)?.message) }),
    },
  });
  return { metrics, serve: metricsEndpoint(metrics.registry, config.metricsToken) };
}

/** One answered /graphql request: counted by operation and status, its latency observed, a 429 counted as a refusal. */
export function recordGraphqlRequest(
  metrics: ServiceMetrics,
  operationName: unknown,
  status: number,
  seconds: number,
): void {
  metrics.requests.record(operationName, status, seconds);
  if (status === 429) metrics.countRateLimitRefusal();
}

/**
 * Runs one /graphql request inside its server span (core's tracedRequest): an incoming
 * `traceparent` is continued, the answer carries `traceresponse`, and the SQL statements it runs
 * become the span's children.
 */
export const tracedGraphqlRequest = tracedRequest;
