import "reflect-metadata";
import { configureAccessLogKey, createTokenVerifier } from "@arbetsliv/core";
import { createDataSource } from "@arbetsliv/core/data";
import { buildSubgraph } from "@arbetsliv/core/federation";
import { createLogger, loadConfig } from "@arbetsliv/gateway";
import { createEventRuntime } from "@arbetsliv/gateway/edge";
import { subgraphSecret } from "./signature";
import { subgraphObservability, subgraphTracingConfig } from "./subgraph/subgraph-observability";
import { replayStore } from "./subgraph/replay-store";
import { createSubgraphServer } from "./subgraph/subgraph-server";
import { subgraphSpec } from "./topology";
import { stopOnSignals } from "./stop-on-signals";

/**
 * One subgraph process: `SUBGRAPH=<name> PORT=<port> node dist/subgraph-main.js`, with the
 * monolith's configuration (DATABASE_URL, AUTH_*, ACCESS_LOG_KEY…, apps/gateway/.env.example)
 * and GATEWAY_SUBGRAPH_SECRET. The database must be migrated already (`pnpm start` or the
 * gateway's migrations); subgraphs never migrate, so starting several at once cannot race.
 * METRICS_TOKEN, OTEL_TRACES_EXPORTER (…) as the monolith's; REDIS_URL shares the signature
 * replay memory between replicas. The platform subgraph also serves `Subscription.events` over
 * graphql-ws (WS_* limits, NATS_URL/NATS_STREAM/NATS_SUBJECT_PREFIX as the monolith's with
 * EVENTS_RELAY=external: without NATS_URL it reads the outbox, sequenced by `pnpm relay`).
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const spec = subgraphSpec(process.env.SUBGRAPH ?? "");
  if (config.database.kind !== "mysql")
    throw new Error(
      "A subgraph needs a database the other processes share: set DATABASE_URL to MariaDB or MySQL (the embedded database lives inside one process)",
    );
  configureAccessLogKey(config.accessLogKey);
  const observability = subgraphObservability(
    { ...config, tracing: subgraphTracingConfig(process.env, spec.name) },
    spec.name,
  );
  const ds = createDataSource(config.database, {
    modules: spec.dataModules,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    querySubscribers: observability.querySubscribers,
  });
  const metrics = observability.metricsFor(ds);
  const subgraph = await buildSubgraph(spec.name, spec.modules);
  // The platform's live events: read from JetStream (NATS_URL) or the outbox, never relayed here —
  // the cluster's one relay process (`pnpm relay`) sequences and publishes them.
  const subscriptions = spec.subscriptions
    ? {
        runtime: createEventRuntime({ ...config.events, relay: "external" }, spec.modules, logger),
        limits: config.events.subscriptions,
      }
    : undefined;
  const server = createSubgraphServer({
    subgraph,
    ds,
    verifier: createTokenVerifier(config.auth),
    secret: subgraphSecret(process.env, config.env === "production"),
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    requestTimeoutMs: config.requestTimeoutMs,
    production: config.env === "production",
    defaultLanguage: config.defaultLanguage,
    logger,
    routes: metrics ? [metrics.route] : [],
    metrics: metrics?.metrics,
    subscriptions,
    tracing: observability.tracing,
    replays: replayStore(config, (mode, error) =>
      logger.log(mode === "redis" ? "info" : "warn", `signature replay memory: ${mode}`, {
        subgraph: spec.name,
        ...(mode === "fallback"
          ? { reason: String((error as Error)?.message ?? error), scope: "this process only until Redis answers" }
          : {}),
      }),
    ),
  });
  stopOnSignals(logger, () => server.stop(), { subgraph: spec.name });
  await server.start();
  logger.log("info", "subgraph listening", { subgraph: spec.name, url: server.url });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
