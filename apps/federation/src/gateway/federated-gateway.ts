import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildModuleSchema, createTokenVerifier, type DomainModule } from "@arbetsliv/core";
import type { GatewayConfig, Logger } from "@arbetsliv/gateway";
import {
  bearerAuthenticator,
  createRequestLimits,
  graphqlEndpoint,
  cachedReadiness,
  createRouter,
  stampResponse,
  attachSubscriptionServer,
  type SubscriptionServer,
} from "@arbetsliv/gateway/edge";
import type { FederatedGatewayObservability } from "../cluster/federated-observability";
import { createFederatedExecution } from "./federated-execution";
import { createSubscriptionRelay, SUBSCRIPTION_SUBGRAPH } from "./subscription-relay";

export interface FederatedGatewayOptions {
  config: GatewayConfig;
  /** The monolith's modules: their schema sizes the document limits exactly as the monolith's. */
  modules: readonly DomainModule[];
  supergraphSdl: string;
  subgraphUrls: ReadonlyMap<string, string>;
  secret: string;
  logger: Logger;
  /** METRICS_TOKEN / OTEL_TRACES_EXPORTER, built by gateway-main.ts (absent or null parts: off). */
  observability?: FederatedGatewayObservability;
}

export interface FederatedGateway {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Hive Gateway behind the monolith's own edge: the same router (/healthz, /readyz, /graphql), the
 * same endpoint (token verified with the same keys, rate, body, trusted documents, depth, alias
 * and cost limits sized on the same schema, deadline, answer size), and Hive Gateway executing
 * the query plan over the signed subgraphs. Subscriptions over graphql-ws at /graphql pass the
 * monolith's own subscription server (token at init, scopes, limits, trusted documents, only
 * `events`) and are relayed to the platform subgraph (subscription-relay.ts).
 */
export async function createFederatedGateway(options: FederatedGatewayOptions): Promise<FederatedGateway> {
  const { config, logger } = options;
  const schema = await buildModuleSchema(options.modules);
  const limits = createRequestLimits(config, schema, logger);
  const verifier = createTokenVerifier(config.auth);
  const platformUrl = options.subgraphUrls.get(SUBSCRIPTION_SUBGRAPH);
  if (!platformUrl) throw new Error(`No URL for the ${SUBSCRIPTION_SUBGRAPH} subgraph, which serves the subscriptions`);
  const execution = createFederatedExecution({
    supergraphSdl: options.supergraphSdl,
    schema,
    secret: options.secret,
    introspection: config.introspection,
    production: config.env === "production",
    logger,
  });
  // Ready when every subgraph says it is (each checks its database).
  const subgraphsReady = cachedReadiness(async () => {
    const answers = await Promise.all(
      [...options.subgraphUrls.values()].map((url) =>
        fetch(new URL("/ready", url), { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    if (answers.includes(false)) throw new Error("a subgraph is not ready");
  });
  let draining = false;
  const route = createRouter({
    graphiql: false,
    graphql: graphqlEndpoint(
      bearerAuthenticator(verifier),
      limits,
      execution,
      config.trustedDocuments,
      config.defaultLanguage,
    ),
    ready: async () => !draining && (await subgraphsReady()),
    draining: () => draining,
    logger,
    defaultLanguage: config.defaultLanguage,
    metrics: options.observability?.metrics ?? null,
    tracing: options.observability?.tracing ?? null,
  });
  let server: Server | undefined;
  let subscriptions: SubscriptionServer | undefined;
  let serving = false;
  let stopping: Promise<void> | undefined;
  return {
    get url() {
      const address = server?.address() as AddressInfo | null;
      return address ? `http://${config.host}:${address.port}` : "";
    },
    async start() {
      await execution.start();
      server = createServer((req, res) => void route(req, res, stampResponse(req, res)));
      subscriptions = attachSubscriptionServer({
        server,
        schema,
        relay: createSubscriptionRelay({
          url: platformUrl,
          secret: options.secret,
          maxQueued: config.events.subscriptions.maxQueuedEvents,
          logger,
        }),
        verifier,
        limits: config.events.subscriptions,
        logger,
        production: config.env === "production",
        accepting: () => serving && !draining,
        trustedDocuments: config.trustedDocuments,
        defaultLanguage: config.defaultLanguage,
      });
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(config.port, config.host, () => resolve());
      });
      serving = true;
    },
    stop() {
      return (stopping ??= (async () => {
        draining = true;
        // Subscriptions end first (1001, their upstream connections closed): clients reconnect to another replica.
        await subscriptions?.close();
        if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
        await execution.stop();
        await limits.close();
        // The last spans, after the last request.
        await options.observability?.tracing?.shutdown().catch(() => undefined);
      })());
    },
  };
}
