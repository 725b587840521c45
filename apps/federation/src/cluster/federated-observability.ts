import {
  createServiceMetrics,
  createTracing,
  metricsEndpoint,
  tracingConfigFromEnv,
  type SpanExporter,
  type Tracing,
} from "@arbetsliv/core/observability";
import type { GatewayConfig } from "@arbetsliv/gateway";
import type { GatewayMetrics } from "@arbetsliv/gateway/edge";

/** What the federated gateway's router records and traces with (the monolith router's `metrics` and `tracing`); null: off. */
export interface FederatedGatewayObservability {
  metrics: GatewayMetrics | null;
  tracing: Tracing | null;
}

/**
 * The federated gateway's metrics and traces, configured as the monolith's (METRICS_TOKEN,
 * OTEL_*; loadConfig checked them): series with `service="federated-gateway"` (no database, so
 * no pool or outbox gauges: the subgraphs report theirs), spans named `arbetsliv-federated-gateway`
 * unless OTEL_SERVICE_NAME says otherwise. Its server span is active while Hive Gateway fetches,
 * so the signing plugin forwards its context to the subgraphs.
 */
export function federatedGatewayObservability(
  config: Pick<GatewayConfig, "metricsToken">,
  env: NodeJS.ProcessEnv,
  traceExporter?: SpanExporter,
): FederatedGatewayObservability {
  const tracing = createTracing(tracingConfigFromEnv(env, "arbetsliv-federated-gateway").config, {
    exporter: traceExporter,
  });
  if (!config.metricsToken) return { metrics: null, tracing };
  const metrics = createServiceMetrics({ service: "federated-gateway" });
  return { metrics: { metrics, serve: metricsEndpoint(metrics.registry, config.metricsToken) }, tracing };
}
