import type { DataSource } from "typeorm";
import {
  createServiceMetrics,
  createTracing,
  databaseSystemOf,
  METRICS_PATH,
  metricsEndpoint,
  SqlSpanSubscriber,
  tracingConfigFromEnv,
  type ServiceMetrics,
  type TracingConfig,
  type SpanExporter,
  type Tracing,
} from "@arbetsliv/core/observability";
import type { GatewayConfig } from "@arbetsliv/gateway";
import type { MountedRoute } from "./subgraph-server";

export interface SubgraphObservability {
  /** OTEL_TRACES_EXPORTER=otlp (or a test's exporter): the subgraph's tracer; null when off. */
  readonly tracing: Tracing | null;
  /** For the subgraph's DataSource: a span per SQL statement when tracing is on. */
  readonly querySubscribers: SqlSpanSubscriber[];
  /** METRICS_TOKEN set: the metrics over `ds` and the /metrics route; null when off. */
  metricsFor(ds: DataSource): { metrics: ServiceMetrics; route: MountedRoute } | null;
}

/**
 * A subgraph's metrics and traces, configured as the monolith's (METRICS_TOKEN, OTEL_*; loadConfig
 * already checked them): the series carry `service="subgraph-<name>"`; the spans' service.name is
 * `config.tracing`'s (subgraphTracingConfig). Off unless set.
 */
export function subgraphObservability(
  config: Pick<GatewayConfig, "tracing" | "metricsToken" | "database">,
  subgraph: string,
  traceExporter?: SpanExporter,
): SubgraphObservability {
  const tracing = createTracing(config.tracing, { exporter: traceExporter });
  const system =
    config.database.kind === "mysql" ? (config.database.mariadb ? "mariadb" : "mysql") : ("sqlite" as const);
  return {
    tracing,
    querySubscribers: tracing ? [new SqlSpanSubscriber(tracing.tracer, databaseSystemOf(system))] : [],
    metricsFor(ds) {
      const token = config.metricsToken;
      if (!token) return null;
      const metrics = createServiceMetrics({ service: `subgraph-${subgraph}`, ds });
      const serve = metricsEndpoint(metrics.registry, token);
      const route: MountedRoute = async (req, res, url) => {
        if (url.pathname !== METRICS_PATH) return false;
        await serve(req, res);
        return true;
      };
      return { metrics, route };
    },
  };
}

/** OTEL_* as loadConfig reads them, with `arbetsliv-subgraph-<name>` when OTEL_SERVICE_NAME is unset. */
export function subgraphTracingConfig(env: NodeJS.ProcessEnv, subgraph: string): TracingConfig {
  return tracingConfigFromEnv(env, `arbetsliv-subgraph-${subgraph}`).config;
}
