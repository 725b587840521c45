import "reflect-metadata";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import {
  buildModuleSchema,
  scopeAuthChecker,
  configureAccessLogKey,
  createDataSource,
  createRequestContext,
  createTokenVerifier,
  describeDatabase,
  formatError,
  newStatementCounter,
  withStatementCounter,
  runPendingMigrations,
  RequestDeadline,
  DomainError,
  type DomainModule,
  type Principal,
  type RequestContext,
} from "@arbetsliv/core";
import type { GatewayConfig } from "./config";
import { GRAPHIQL_PAGE, graphiqlAsset } from "./http/graphiql";
import { BodyTooLargeError, readBody } from "./http/request-body";
import { RESPONSE_TOO_LARGE, RESPONSE_TOO_LARGE_STATUS, responseTooLarge } from "./http/response-limit";
import { GRAPHIQL_CSP, stampResponse, type RequestIds } from "./http/response-headers";
import { createRateLimiter } from "./http/rate-limit";
import { cachedReadiness } from "./http/readiness";
import { availabilityPlugin, deadlineAnswer, RETRY_AFTER } from "./http/availability";
import { withoutSuggestions } from "./http/mask-suggestions";
import { clientText, type Logger } from "./logger";
import { trackRequests, type RequestTracker } from "./lifecycle/http-drain";
import { answerWhileStarting, databaseStartupError, listen } from "./lifecycle/startup";
import { QUERY_LIMITS, createRequestGuard, securityValidationRules } from "./security";
import { useSyncFieldResolvers } from "./execution/sync-field-resolvers";
import { enforceListBounds } from "./execution/list-bounds";
import { compiledExecutionGateway } from "./execution/compiled-executor";
import { inputChecksPlugin } from "./execution/input-checks";
import { createEventRuntime } from "./events/event-runtime";
import { attachSubscriptionServer, type SubscriptionServer } from "./events/subscription-server";
import { wakeRelayAfterMutations } from "./events/wake-plugin";

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

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function graphqlError(res: ServerResponse, status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId } }] }, headers);
}

export async function createGateway(config: GatewayConfig, modules: readonly DomainModule[], logger: Logger): Promise<Gateway> {
  configureAccessLogKey(config.accessLogKey);
  const ds = createDataSource(config.database, { modules, statementTimeoutMs: config.dbStatementTimeoutMs, connectTimeoutMs: config.dbConnectTimeoutMs });
  const schema = await buildModuleSchema(modules);
  // Plain and @Authorized property fields resolve synchronously (same checks); see execution/sync-field-resolvers.ts.
  useSyncFieldResolvers(schema, scopeAuthChecker);
  // A list longer than its declared bound or `first` fails rather than outgrow the cost estimate.
  enforceListBounds(schema);
  const verifier = createTokenVerifier(config.auth);
  const production = config.env === "production";
  const rateLimiter = createRateLimiter({ limit: config.rateLimitPerMinute, windowMs: config.rateLimitWindowMs });
  const guard = createRequestGuard(schema);
  // Relay, webhook dispatcher and the subscriptions' event source (events/event-runtime.ts).
  const events = createEventRuntime(config.events, modules, logger);

  const apollo = new ApolloServer<RequestContext>({
    // The schema reaches Apollo through the compiled executor's gateway (execution/compiled-executor.ts).
    gateway: compiledExecutionGateway(schema),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Signals are handled once, in main.ts: Apollo's own handlers made a second stop() that never resolved.
    stopOnTerminationSignals: false,
    // No automatic persisted queries: every document arrives whole, for the request guard to see (and
    // Apollo's APQ errors carry no code, so a bad `extensions.persistedQuery` became an internal error).
    persistedQueries: false,
    validationRules: securityValidationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      // Apollo's default cache-control plugin wraps every resolver (+45 % per request, STACK-NOTES).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      availabilityPlugin,
      inputChecksPlugin(schema),
      wakeRelayAfterMutations(events),
    ],
    formatError: (formatted, error) => {
      const safe = formatError(formatted, error, {
        includeStack: !production,
        onInternalError: (err) => logger.log("error", "internal error", { error: String((err as Error)?.stack ?? err) }),
      });
      // No "Did you mean …" in production, also not from variables (http/mask-suggestions.ts).
      return production ? withoutSuggestions(safe) : safe;
    },
  });

  let server: Server | null = null;
  let subscriptions: SubscriptionServer | null = null;
  let requests: RequestTracker | null = null;
  let serving = false;
  let draining = false;
  let apolloStarted = false;
  let starting: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;

  async function authenticate(req: IncomingMessage): Promise<Principal | null> {
    const header = req.headers.authorization;
    if (!header) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new DomainError("UNAUTHENTICATED", "The Authorization header must be 'Bearer <token>'");
    return verifier.verify(m[1]);
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, requestId: string, url: URL, log: Record<string, unknown>): Promise<void> {
    let principal: Principal | null;
    try {
      principal = await authenticate(req);
    } catch (e) {
      // Failed sign-ins count against the caller's address too, so tokens cannot be guessed at full speed.
      const retry = await rateLimiter.take(req.socket.remoteAddress ?? "unknown");
      if (retry > 0) {
        graphqlError(res, 429, "RATE_LIMITED", `Too many requests; try again in ${retry} s`, requestId, { "retry-after": String(retry) });
        return;
      }
      const message = e instanceof DomainError ? e.message : "The bearer token is invalid or expired";
      graphqlError(res, 401, "UNAUTHENTICATED", message, requestId, { "www-authenticate": "Bearer" });
      return;
    }
    log.subject = principal?.subject;
    const clientKey = principal?.subject ?? req.socket.remoteAddress ?? "unknown";
    const retryAfter = await rateLimiter.take(clientKey);
    if (retryAfter > 0) {
      graphqlError(res, 429, "RATE_LIMITED", `Too many requests; try again in ${retryAfter} s`, requestId, { "retry-after": String(retryAfter) });
      return;
    }
    let body: unknown = undefined;
    if (req.method === "POST") {
      let text: string;
      try {
        text = await readBody(req, config.maxBodyBytes);
      } catch (e) {
        if (e instanceof BodyTooLargeError) {
          res.on("finish", () => req.destroy());
          graphqlError(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${config.maxBodyBytes} bytes`, requestId, { connection: "close" });
          return;
        }
        throw e;
      }
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        graphqlError(res, 400, "BAD_REQUEST", "The request body is not valid JSON", requestId);
        return;
      }
      if (Array.isArray(body)) {
        graphqlError(res, 400, "BATCH_NOT_ALLOWED", "Batched operations are not accepted; send one operation per request", requestId);
        return;
      }
    }
    // Abusive documents (size, tokens, depth, aliases, cost…) are refused here, before Apollo parses and validates.
    const refusal = guard(req.method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query"));
    if (refusal) {
      log.refused = refusal.errors.map((e) => e.code);
      sendJson(res, refusal.status, { errors: refusal.errors.map((e) => ({ message: e.message, extensions: { code: e.code, requestId } })) }, { "x-request-id": requestId });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    // Past the deadline the client is answered 503 and the request's further statements are refused.
    const deadline = new RequestDeadline(config.requestTimeoutMs);
    const counter = newStatementCounter(deadline);
    const execution = withStatementCounter(counter, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => createRequestContext(ds, principal, requestId),
      }),
    );
    const response = await Promise.race([execution, deadline.reached.then(() => null)]);
    deadline.dispose();
    log.statements = counter.count;
    if (!response) {
      execution.catch(() => undefined); // finishes in the background, refused at its next statement
      log.timedOut = true;
      sendJson(res, 503, deadlineAnswer(deadline, requestId), { "retry-after": RETRY_AFTER });
      return;
    }
    log.operation = clientText((body as { operationName?: unknown } | null | undefined)?.operationName);
    // The last cap: an answer heavier than MAX_RESPONSE_BYTES is not sent (http/response-limit.ts).
    const tooLarge = response.body.kind === "complete" ? responseTooLarge(response.body.string, config.maxResponseBytes, body) : null;
    if (tooLarge) {
      log.refused = [RESPONSE_TOO_LARGE];
      graphqlError(res, RESPONSE_TOO_LARGE_STATUS, RESPONSE_TOO_LARGE, tooLarge.message, requestId);
      return;
    }
    const outHeaders: Record<string, string> = { "x-request-id": requestId };
    // Apollo sets its own cache-control on some answers; ours (no-store, set by stampResponse) stays.
    for (const [key, value] of response.headers) if (key !== "cache-control") outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  // One `SELECT 1` at a time, its answer reused for 1 s (http/readiness.ts).
  const databaseReady = cachedReadiness(() => ds.query("SELECT 1"));
  async function ready(): Promise<boolean> {
    return !draining && ds.isInitialized && (await databaseReady());
  }

  async function handle(req: IncomingMessage, res: ServerResponse, { requestId, correlationId }: RequestIds): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? "/", "http://localhost");
    const log: Record<string, unknown> = { requestId, correlationId, method: req.method, path: clientText(url.pathname, 200) };
    try {
      if (url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
      } else if (url.pathname === "/readyz") {
        const ok = await ready();
        sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready", database: ok ? "reachable" : "unreachable" });
      } else if (draining) {
        graphqlError(res, 503, "SHUTTING_DOWN", "The gateway is shutting down; retry against another instance", requestId, { connection: "close" });
      } else if (url.pathname.startsWith("/graphiql/") && config.graphiql) {
        const asset = graphiqlAsset(url.pathname.slice("/graphiql/".length));
        if (!asset) sendJson(res, 404, { error: "not found" });
        else {
          res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=3600" });
          res.end(asset.body);
        }
      } else if (url.pathname === "/graphql" || url.pathname === "/") {
        const wantsHtml = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
        if (wantsHtml && config.graphiql) {
          res.writeHead(200, {
            "content-type": "text/html; charset=utf-8",
            "content-security-policy": GRAPHIQL_CSP,
          });
          res.end(GRAPHIQL_PAGE);
        } else if (url.pathname === "/graphql") {
          await handleGraphql(req, res, requestId, url, log);
        } else {
          sendJson(res, 200, { service: "arbetsliv-gateway", graphql: "/graphql", health: "/healthz", ready: "/readyz" });
        }
      } else {
        sendJson(res, 404, { error: "not found" });
      }
    } catch (e) {
      logger.log("error", "request failed", { requestId, error: e });
      if (!res.headersSent) graphqlError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error — quote the request id to support", requestId);
      else res.end();
    } finally {
      log.status = res.statusCode;
      log.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (url.pathname !== "/healthz" && url.pathname !== "/readyz") logger.log("info", "request", log);
    }
  }

  const gateway: Gateway = {
    get url() {
      const address = server?.address() as AddressInfo | null;
      return address ? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${address.port}` : "";
    },
    ds,
    schema,
    start() {
      starting = (async () => {
        server = createServer();
        server.keepAliveTimeout = 5_000;
        requests = trackRequests(server);
        // graphql-ws on the same port: WebSocket upgrades of /graphql (events/subscription-server.ts).
        subscriptions = attachSubscriptionServer({
          server,
          schema,
          runtime: events,
          verifier,
          ds,
          limits: config.events.subscriptions,
          logger,
          production,
          accepting: () => serving && !draining && !stopping,
        });
        server.on("request", (req: IncomingMessage, res: ServerResponse) => {
          // Every response, whatever answers it, carries the security headers and a server request id.
          const ids = stampResponse(req, res);
          if (!serving) answerWhileStarting(req, res, ids.requestId);
          else if (stopping && req.url?.startsWith("/readyz")) sendJson(res, 503, { status: "shutting down" }, { "retry-after": "1" });
          else handle(req, res, ids).catch((error) => logger.log("error", "request failed", { error }));
        });
        // The port first: a port in use fails before the database is touched, and probes see a live
        // process (/healthz 200, /readyz 503, /graphql 503 STARTING) while it migrates and seeds.
        await listen(server, config.port, config.host);
        logger.log("info", "gateway listening; opening the database", { url: `${gateway.url}/graphql` });
        try {
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
          if (config.demoSeed) {
            for (const module of modules) await module.seedDemo?.(ds);
          }
          await events.start(ds);
          await apollo.start();
          apolloStarted = true;
        } catch (e) {
          if (!stopping) {
            server.close();
            server.closeAllConnections();
            if (ds.isInitialized) await ds.destroy().catch(() => undefined);
          }
          throw e;
        }
        serving = true;
        logger.log("info", "gateway started", { url: `${gateway.url}/graphql`, database: describeDatabase(config.database), env: config.env });
      })();
      return starting;
    },
    stop(options = {}) {
      stopping ??= (async () => {
        const timeoutMs = options.timeoutMs ?? config.shutdownTimeoutMs;
        const began = Date.now();
        logger.log("info", "shutting down: finishing in-flight requests", { inFlight: requests?.inFlight ?? 0, timeoutMs });
        // Subscriptions end first (complete, then close 1001): clients reconnect to another instance.
        events.hub?.close();
        await subscriptions?.close();
        const { cut } = requests ? await requests.drain({ timeoutMs, onGraceEnd: () => (draining = true) }) : { cut: 0 };
        draining = true;
        if (cut > 0) logger.log("warn", "requests still running at the shutdown deadline were cut", { cut, timeoutMs });
        // A start still migrating or seeding ends first (the process's own deadline bounds the wait).
        await starting?.catch(() => undefined);
        if (apolloStarted) await apollo.stop();
        // The relay and dispatcher finish their batch before the database closes.
        await events.stop();
        if (ds.isInitialized) await ds.destroy();
        logger.log("info", "gateway stopped", { durationMs: Date.now() - began });
      })();
      return stopping;
    },
  };
  return gateway;
}
