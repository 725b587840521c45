// `@arbetsliv/core/observability`: metrics (Prometheus, prom-client) and traces (OpenTelemetry)
// shared by the gateway and the subgraph servers, so every process reports alike.
export * from "./operation-label";
export * from "./request-metrics";
export * from "./database-pool-metrics";
export * from "./outbox-metrics";
export * from "./service-metrics";
export * from "./metrics-endpoint";
export * from "./tracing";
export * from "./server-span";
export * from "./request-ids";
export * from "./sql-spans";
