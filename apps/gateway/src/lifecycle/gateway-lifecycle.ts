import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import { type DomainModule } from "@arbetsliv/core";
import { describeDatabase, runPendingMigrations } from "@arbetsliv/core/data";
import type { GatewayConfig } from "../config";
import type { EventRuntime } from "../events/event-runtime";
import type { SubscriptionServer } from "../events/subscription-server";
import type { GraphqlExecution } from "../execution/apollo-execution";
import { cachedReadiness } from "../http/readiness";
import { sendJson } from "../http/respond";
import { stampResponse, type RequestIds } from "../http/response-headers";
import type { Logger } from "../logger";
import { trackRequests, type RequestTracker } from "./http-drain";
import { answerWhileStarting, databaseStartupError, listen } from "./startup";

export interface LifecycleParts {
  config: GatewayConfig;
  modules: readonly DomainModule[];
  ds: DataSource;
  events: EventRuntime;
  execution: GraphqlExecution;
  logger: Logger;
  /** graphql-ws on the same port; `accepting` is false while starting or draining. */
  attachSubscriptions(server: Server, accepting: () => boolean): SubscriptionServer;
}

export interface GatewayLifecycle {
  readonly url: string;
  /** Binds the port first (answering 503 STARTING meanwhile), then opens, migrates and seeds the database; serving requests with `route`. */
  start(route: (req: IncomingMessage, res: ServerResponse, ids: RequestIds) => Promise<void>): Promise<void>;
  /** Graceful and idempotent (every call returns the same promise). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** /readyz: not draining, and the database answers (one `SELECT 1` at a time, reused for 1 s). */
  ready(): Promise<boolean>;
  /** Past the shutdown's grace: requests on open connections are answered 503. */
  draining(): boolean;
}

/** Start, health and shutdown of the gateway process's server, database, events and Apollo. */
export function createGatewayLifecycle({
  config,
  modules,
  ds,
  events,
  execution,
  logger,
  attachSubscriptions,
}: LifecycleParts): GatewayLifecycle {
  let server: Server | null = null;
  let subscriptions: SubscriptionServer | null = null;
  let requests: RequestTracker | null = null;
  let serving = false;
  let draining = false;
  let executionStarted = false;
  let starting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;

  const databaseReady = cachedReadiness(() => ds.query("SELECT 1"));

  const lifecycle: GatewayLifecycle = {
    get url() {
      const address = server?.address() as AddressInfo | null;
      return address ? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${address.port}` : "";
    },
    async ready() {
      return !draining && ds.isInitialized && (await databaseReady());
    },
    draining: () => draining,
    start(route) {
      starting = (async () => {
        server = createServer();
        server.keepAliveTimeout = 5_000;
        requests = trackRequests(server);
        // graphql-ws on the same port: WebSocket upgrades of /graphql (events/subscription-server.ts).
        subscriptions = attachSubscriptions(server, () => serving && !draining && !stopping);
        server.on("request", (req: IncomingMessage, res: ServerResponse) => {
          // Every response, whatever answers it, carries the security headers and a server request id.
          const ids = stampResponse(req, res);
          if (!serving) answerWhileStarting(req, res, ids.requestId);
          else if (stopping && req.url?.startsWith("/readyz"))
            sendJson(res, 503, { status: "shutting down" }, { "retry-after": "1" });
          else route(req, res, ids).catch((error) => logger.log("error", "request failed", { error }));
        });
        // The port first: a port in use fails before the database is touched, and probes see a live
        // process (/healthz 200, /readyz 503, /graphql 503 STARTING) while it migrates and seeds.
        await listen(server, config.port, config.host);
        logger.log("info", "gateway listening; opening the database", { url: `${lifecycle.url}/graphql` });
        try {
          await openDatabase(config, modules, ds, logger);
          await events.start(ds);
          await execution.start();
          executionStarted = true;
        } catch (e) {
          if (!stopping) {
            server.close();
            server.closeAllConnections();
            if (ds.isInitialized) await ds.destroy().catch(() => undefined);
          }
          throw e;
        }
        serving = true;
        logger.log("info", "gateway started", {
          url: `${lifecycle.url}/graphql`,
          database: describeDatabase(config.database),
          env: config.env,
        });
      })();
      return starting;
    },
    stop(options = {}) {
      stopping ??= (async () => {
        const timeoutMs = options.timeoutMs ?? config.shutdownTimeoutMs;
        const began = Date.now();
        logger.log("info", "shutting down: finishing in-flight requests", {
          inFlight: requests?.inFlight ?? 0,
          timeoutMs,
        });
        // Subscriptions end first (complete, then close 1001): clients reconnect to another instance.
        events.hub?.close();
        await subscriptions?.close();
        const { cut } = requests
          ? await requests.drain({ timeoutMs, onGraceEnd: () => (draining = true) })
          : { cut: 0 };
        draining = true;
        if (cut > 0) logger.log("warn", "requests still running at the shutdown deadline were cut", { cut, timeoutMs });
        // A start still migrating or seeding ends first (the process's own deadline bounds the wait).
        await starting?.catch(() => undefined);
        if (executionStarted) await execution.stop();
        // The relay and dispatcher finish their batch before the database closes.
        await events.stop();
        if (ds.isInitialized) await ds.destroy();
        logger.log("info", "gateway stopped", { durationMs: Date.now() - began });
      })();
      return stopping;
    },
  };
  return lifecycle;
}

/** Opens the database, runs pending migrations (MariaDB, when configured), loads reference data and seeds demo data (when configured). */
async function openDatabase(
  config: GatewayConfig,
  modules: readonly DomainModule[],
  ds: DataSource,
  logger: Logger,
): Promise<void> {
  try {
    await ds.initialize();
  } catch (e) {
    throw databaseStartupError(e, config.database);
  }
  if (config.database.kind === "mysql" && config.migrationsRun) {
    // On a DataSource of their own, without the statement timeout (a migration may rightly run long).
    const ran = await runPendingMigrations(config.database, modules);
    if (ran.length) logger.log("info", "migrations applied", { migrations: ran });
  }
  for (const module of modules) await module.referenceData?.(ds);
  if (config.demoSeed) {
    for (const module of modules) await module.seedDemo?.(ds);
  }
}
