import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDisableSuggestions } from "@apollo/server/plugin/disableSuggestions";
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
  DomainError,
  type DomainModule,
  type Principal,
  type RequestContext,
} from "@arbetsliv/core";
import type { GatewayConfig } from "./config";
import { GRAPHIQL_PAGE, graphiqlAsset } from "./http/graphiql";
import { BodyTooLargeError, readBody } from "./http/request-body";
import type { Logger } from "./logger";
import { QUERY_LIMITS, RateLimiter, createRequestGuard, securityValidationRules } from "./security";
import { useSyncFieldResolvers } from "./execution/sync-field-resolvers";
import { compiledExecutionGateway } from "./execution/compiled-executor";

export interface Gateway {
  readonly url: string;
  readonly ds: DataSource;
  readonly schema: GraphQLSchema;
  start(): Promise<void>;
  /** Graceful: refuses new requests, finishes in-flight ones, then closes the database. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
  const ds = createDataSource(config.database, { modules });
  const schema = await buildModuleSchema(modules);
  // Plain and @Authorized property fields resolve synchronously (same checks); see execution/sync-field-resolvers.ts.
  useSyncFieldResolvers(schema, scopeAuthChecker);
  const verifier = createTokenVerifier(config.auth);
  const production = config.env === "production";
  const rateLimiter = new RateLimiter(config.rateLimitPerMinute);
  const guard = createRequestGuard(schema);

  const apollo = new ApolloServer<RequestContext>({
    // The schema reaches Apollo through the compiled executor's gateway (execution/compiled-executor.ts).
    gateway: compiledExecutionGateway(schema),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    validationRules: securityValidationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      // Apollo's default cache-control plugin wraps every resolver (+45 % per request, STACK-NOTES).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
    ],
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        includeStack: !production,
        onInternalError: (err) => logger.log("error", "internal error", { error: String((err as Error)?.stack ?? err) }),
      }),
  });

  let server: Server | null = null;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;

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
      const retry = rateLimiter.take(req.socket.remoteAddress ?? "unknown");
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
    const retryAfter = rateLimiter.take(clientKey);
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
    const counter = newStatementCounter();
    const response = await withStatementCounter(counter, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: async () => createRequestContext(ds, principal, requestId),
      }),
    );
    log.statements = counter.count;
    log.operation = (body as { operationName?: string } | undefined)?.operationName;
    const outHeaders: Record<string, string> = { "x-request-id": requestId };
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function ready(): Promise<boolean> {
    if (draining || !ds.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([ds.query("SELECT 1"), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), 2000)))]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    // Generated ids are base64url, so no run of digits in them looks like a personnummer to the log masking.
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : `req_${randomBytes(12).toString("base64url")}`;
    const url = new URL(req.url ?? "/", "http://localhost");
    const log: Record<string, unknown> = { requestId, method: req.method, path: url.pathname };
    inFlight++;
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
            "content-security-policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
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
      logger.log("error", "request failed", { requestId, error: String((e as Error)?.stack ?? e) });
      if (!res.headersSent) graphqlError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error — quote the request id to support", requestId);
      else res.end();
    } finally {
      inFlight--;
      log.status = res.statusCode;
      log.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (url.pathname !== "/healthz" && url.pathname !== "/readyz") logger.log("info", "request", log);
      if (draining && inFlight === 0) idle?.();
    }
  }

  const gateway: Gateway = {
    get url() {
      const address = server?.address() as AddressInfo | null;
      return address ? `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${address.port}` : "";
    },
    ds,
    schema,
    async start() {
      await ds.initialize();
      if (config.database.kind === "mysql" && config.migrationsRun) {
        const ran = await ds.runMigrations({ transaction: "each" });
        if (ran.length) logger.log("info", "migrations applied", { migrations: ran.map((m) => m.name) });
      }
      if (config.demoSeed) {
        for (const module of modules) await module.seedDemo?.(ds);
      }
      await apollo.start();
      server = createServer((req, res) => void handle(req, res));
      server.keepAliveTimeout = 5_000;
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(config.port, config.host, () => resolve());
      });
      logger.log("info", "gateway started", { url: `${gateway.url}/graphql`, database: describeDatabase(config.database), env: config.env });
    },
    async stop() {
      if (draining) return;
      draining = true;
      logger.log("info", "shutting down: finishing in-flight requests", { inFlight });
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (idle = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, config.shutdownTimeoutMs))),
        ]);
        clearTimeout(timer);
      }
      server?.closeAllConnections();
      await closed;
      await apollo.stop();
      if (ds.isInitialized) await ds.destroy();
      logger.log("info", "gateway stopped");
    },
  };
  return gateway;
}
