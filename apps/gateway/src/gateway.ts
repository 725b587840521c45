import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import {
  buildModuleSchema,
  scopeAuthChecker,
  configureAccessLogKey,
  createTokenVerifier,
  type DomainModule,
} from "@arbetsliv/core";
import { createDataSource } from "@arbetsliv/core/data";
import { createExecutionRuntime } from "@arbetsliv/core/execution";
import type { GatewayConfig } from "./config";
import type { Logger } from "./logger";
import { bearerAuthenticator } from "./auth/bearer";
import { createRequestLimits } from "./limits/request-limits";
import { createGraphqlExecution } from "./execution/apollo-execution";
import { graphqlEndpoint } from "./http/graphql-endpoint";
import { createRouter } from "./http/router";
import { createGatewayLifecycle } from "./lifecycle/gateway-lifecycle";
import { createEventRuntime } from "./events/event-runtime";
import { attachSubscriptionServer } from "./events/subscription-server";
import type { SpanExporter } from "@arbetsliv/core/observability";
import { createGatewayMetrics, createGatewayTracing, sqlSpanSubscribers } from "./observability/gateway-observability";

export interface Gateway {
  readonly url: string;
  readonly ds: DataSource;
  readonly schema: GraphQLSchema;
  /** Binds the port first (answering 503 STARTING meanwhile), then opens, migrates and seeds the database. */
  start(): Promise<void>;
  /**
   * Graceful and idempotent (every call returns the same promise): stops accepting, answers what
   * arrives on open connections for a short grace, finishes in-flight requests within `timeoutMs`
   * (default SHUTDOWN_TIMEOUT_MS), then closes Apollo and the database pool.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * The gateway composed of its parts: execution (core's runtime under Apollo), auth (bearer token →
 * principal), limits (rate, body, document, time, answer), HTTP (routing, /graphql) and lifecycle
 * (start, health, readiness, shutdown), with the event runtime (relay, webhooks, subscriptions).
 */
export async function createGateway(
  config: GatewayConfig,
  modules: readonly DomainModule[],
  logger: Logger,
  /** Tests: spans to this exporter (tracing on whatever OTEL_TRACES_EXPORTER says). */
  options: { traceExporter?: SpanExporter } = {},
): Promise<Gateway> {
  configureAccessLogKey(config.accessLogKey);
  // Off unless configured (observability/gateway-observability.ts): null costs one branch per request.
  const tracing = createGatewayTracing(config, options.traceExporter);
  const ds = createDataSource(config.database, {
    modules,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    onReplicaReadState: (state, error) =>
      state === "primary"
        ? logger.log("warn", "no read replica answers; reading from the primary until one does", {
            error: String((error as Error)?.message ?? error),
          })
        : logger.log("info", "a read replica answers again; reads go to the replicas"),
    querySubscribers: sqlSpanSubscribers(config, tracing),
  });
  const metrics = createGatewayMetrics(config, ds, logger);
  const schema = await buildModuleSchema(modules);
  // Synchronous plain fields, list bounds and the compiled executor (@arbetsliv/core/execution).
  const runtime = createExecutionRuntime(schema, { authChecker: scopeAuthChecker });
  const verifier = createTokenVerifier(config.auth);
  // Relay, webhook dispatcher and the subscriptions' event source (events/event-runtime.ts).
  const events = createEventRuntime(config.events, modules, logger);
  const execution = createGraphqlExecution(config, runtime, ds, events, logger);

  const lifecycle = createGatewayLifecycle({
    config,
    modules,
    ds,
    events,
    execution,
    logger,
    attachSubscriptions: (server, accepting) =>
      attachSubscriptionServer({
        server,
        schema,
        runtime: events,
        verifier,
        ds,
        limits: config.events.subscriptions,
        logger,
        production: config.env === "production",
        accepting,
        trustedDocuments: config.trustedDocuments,
        defaultLanguage: config.defaultLanguage,
      }),
  });
  const limits = createRequestLimits(config, schema, logger);
  const route = createRouter({
    graphiql: config.graphiql,
    graphql: graphqlEndpoint(
      bearerAuthenticator(verifier),
      limits,
      execution,
      config.trustedDocuments,
      config.defaultLanguage,
    ),
    ready: () => lifecycle.ready(),
    draining: () => lifecycle.draining(),
    logger,
    defaultLanguage: config.defaultLanguage,
    metrics,
    tracing,
  });

  let stopping: Promise<void> | undefined;
  return {
    get url() {
      return lifecycle.url;
    },
    ds,
    schema,
    start: () => lifecycle.start(route),
    // Idempotent as lifecycle.stop is: the rate limit's Redis connection closes after the last request.
    // Buffered spans are exported last, after the last request's.
    stop: (options) =>
      (stopping ??= lifecycle
        .stop(options)
        .finally(() => limits.close())
        .finally(() => tracing?.shutdown().catch(() => undefined))),
  };
}
