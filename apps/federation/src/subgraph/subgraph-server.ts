import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { DataSource } from "typeorm";
import {
  createRequestContext,
  DomainError,
  formatError,
  messageIn,
  scopeAuthChecker,
  type Language,
  type TokenVerifier,
} from "@arbetsliv/core";
import { newStatementCounter, RequestDeadline, withStatementCounter } from "@arbetsliv/core/data";
import { createExecutionRuntime, runOperation, type ExecutionRuntime } from "@arbetsliv/core/execution";
import type { Subgraph } from "@arbetsliv/core/federation";
import { forwardedRequestId, tracedRequest, type ServiceMetrics, type Tracing } from "@arbetsliv/core/observability";
import {
  bearerAuthenticator,
  requestLanguage,
  VARY_LANGUAGE,
  withoutSuggestions,
  BodyTooLargeError,
  readBody,
  graphqlError,
  sendJson,
  newRequestId,
  attachSubscriptionServer,
  WS_CLOSE,
  type EventRuntime,
  type SubscriptionLimits,
  type SubscriptionServer,
} from "@arbetsliv/gateway/edge";
import type { Logger } from "@arbetsliv/gateway";
import { REQUEST_ID_HEADER, SIGNATURE_HEADER, SignatureVerifier } from "../signature";
import { MemoryReplayStore, type ReplayStore } from "./replay-store";

/**
 * Extra routes on the subgraph's port, answered before /graphql (e.g. /metrics from the
 * observability work): return true when the request was answered.
 */
export type MountedRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface SubgraphServerOptions {
  subgraph: Subgraph;
  ds: DataSource;
  verifier: TokenVerifier;
  /** GATEWAY_SUBGRAPH_SECRET: only requests the federated gateway signed with it are answered. */
  secret: string;
  host: string;
  port: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  production: boolean;
  defaultLanguage: Language;
  logger: Logger;
  /** Where /metrics (and what else observability serves) is mounted; see MountedRoute. */
  routes?: readonly MountedRoute[];
  /** Where accepted signatures are remembered (default: this process's memory; Redis: every replica's). Closed at stop. */
  replays?: ReplayStore;
  /** METRICS_TOKEN set: every /graphql request counted (served at /metrics through `routes`); null: none. */
  metrics?: ServiceMetrics | null;
  /** OTEL_TRACES_EXPORTER=otlp: a server span per signed request, a child of the gateway's; null: none. Flushed at stop. */
  tracing?: Tracing | null;
  /**
   * The platform subgraph: `Subscription.events` over graphql-ws at /graphql (the monolith's
   * subscription server), fed by this event runtime (it never relays: EVENTS_RELAY=external).
   * Only upgrades the federated gateway signed are accepted.
   */
  subscriptions?: { runtime: EventRuntime; limits: SubscriptionLimits };
}

export interface SubgraphServer {
  readonly url: string;
  /** Binds the port (answering /ready 503 until the database is open), then opens the database. */
  start(): Promise<void>;
  /** Stops accepting, finishes in-flight requests, closes the database. Idempotent. */
  stop(): Promise<void>;
}

/** A request header as one string ("" when absent or repeated). */
function headerOf(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === "string" ? value : "";
}

const SIGNATURE_MESSAGES: Record<Language, string> = {
  en: "This service answers only requests signed by the gateway; send your request to the gateway",
  sv: "Tjänsten svarar bara på anrop som gatewayen har signerat; skicka anropet till gatewayen",
};

/**
 * One domain's subgraph over HTTP: /health, /ready and POST /graphql. A request is answered only
 * when the gateway signed it (signature.ts); its bearer token is verified again and every field
 * checks its scopes as in the monolith (deny by default). Errors are formatted by core's
 * formatError, in the request's language, as the monolith formats them.
 */
export function createSubgraphServer(options: SubgraphServerOptions): SubgraphServer {
  const { subgraph, ds, logger } = options;
  const runtime: ExecutionRuntime = {
    ...createExecutionRuntime(subgraph.schema, { authChecker: scopeAuthChecker }),
    // Depth, alias and cost limits hold at the gateway, which signs what it sends; its query plans
    // (`_entities` with a page of representations) are not documents a client wrote.
    validationRules: [],
    // The gateway checked the client's arguments (core's checkOperationInput on the monolith's
    // schema) before it signed them; its own plans carry only representations it built.
    checkInput: () => null,
  };
  const authenticate = bearerAuthenticator(options.verifier);
  const replays = options.replays ?? new MemoryReplayStore();
  const signatures = new SignatureVerifier(options.secret, undefined, undefined, replays);
  const { metrics = null, tracing = null } = options;
  const onInternalError = (error: unknown) =>
    logger.log("error", "internal error", { subgraph: subgraph.name, error: String((error as Error)?.stack ?? error) });
  let open = false;
  let draining = false;
  let server: Server | undefined;
  let subscriptions: SubscriptionServer | undefined;
  let stopping: Promise<void> | undefined;

  /** The monolith's subscription server, admitting only upgrades the gateway signed (GET /graphql, empty body). */
  function attachSubscriptions(on: Server, events: NonNullable<SubgraphServerOptions["subscriptions"]>) {
    return attachSubscriptionServer({
      server: on,
      schema: subgraph.schema,
      runtime: events.runtime,
      ds,
      verifier: options.verifier,
      limits: events.limits,
      logger,
      production: options.production,
      accepting: () => open && !draining,
      defaultLanguage: options.defaultLanguage,
      async admitUpgrade(req) {
        const refusal = await signatures.verify(req.headers[SIGNATURE_HEADER], {
          method: req.method ?? "GET",
          path: new URL(req.url ?? "/", "http://localhost").pathname,
          requestId: headerOf(req, REQUEST_ID_HEADER),
          authorization: req.headers.authorization,
          body: "",
          traceparent: headerOf(req, "traceparent"),
          tracestate: headerOf(req, "tracestate"),
        });
        if (!refusal) return null;
        logger.log("warn", "unsigned upgrade refused", { subgraph: subgraph.name, refusal });
        return { code: 403, reason: "Forbidden" };
      },
      // The token the connection is verified with must be the one the gateway signed for.
      admitConnection: (authorization, req) =>
        authorization !== undefined && authorization === req.headers.authorization
          ? null
          : { code: WS_CLOSE.FORBIDDEN, reason: "Forbidden: connectionParams.authorization is not the signed one" },
    });
  }

  /** What a request's metrics and span are labelled with, filled in as it is read. */
  interface Seen {
    operation?: unknown;
  }

  async function answerGraphql(req: IncomingMessage, res: ServerResponse, url: URL, seen: Seen): Promise<void> {
    const language = requestLanguage(req.headers, options.defaultLanguage);
    res.setHeader("vary", VARY_LANGUAGE);
    let text: string;
    try {
      text = await readBody(req, options.maxBodyBytes);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      res.on("finish", () => req.destroy());
      return graphqlError(res, 413, "PAYLOAD_TOO_LARGE", "Request body too large", newRequestId(), {
        connection: "close",
      });
    }
    const header = (name: string) => headerOf(req, name);
    const refusal = await signatures.verify(req.headers[SIGNATURE_HEADER], {
      method: req.method ?? "POST",
      path: url.pathname,
      requestId: header(REQUEST_ID_HEADER),
      authorization: req.headers.authorization,
      body: text,
      traceparent: header("traceparent"),
      tracestate: header("tracestate"),
    });
    if (refusal) {
      logger.log("warn", "unsigned request refused", { subgraph: subgraph.name, refusal });
      // A request id of our own: an unsigned request's id is the caller's choice.
      return graphqlError(res, 403, "GATEWAY_SIGNATURE_REQUIRED", SIGNATURE_MESSAGES[language], newRequestId());
    }
    // Signed: the gateway's request id is this request's id too (one id in every process's log and span).
    const requestId = forwardedRequestId(req.headers) ?? newRequestId();
    const run = () => executeSigned(req, res, text, requestId, language, seen);
    // Only signed requests are traced: an unsigned caller cannot add spans to anyone's trace.
    if (tracing) await tracedRequest(tracing, req, res, { requestId }, url.pathname, run, () => seen.operation);
    else await run();
  }

  async function executeSigned(
    req: IncomingMessage,
    res: ServerResponse,
    text: string,
    requestId: string,
    language: Language,
    seen: Seen,
  ): Promise<void> {
    let principal;
    try {
      principal = await authenticate(req);
    } catch (e) {
      const message = e instanceof DomainError ? messageIn(e, language) : "The bearer token is invalid";
      return graphqlError(res, 401, "UNAUTHENTICATED", message, requestId, { "www-authenticate": "Bearer" });
    }
    let body: { query?: unknown; operationName?: unknown; variables?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return graphqlError(res, 400, "BAD_REQUEST", "The body is not JSON", requestId);
    }
    if (typeof body?.query !== "string")
      return graphqlError(res, 400, "BAD_REQUEST", "The body has no query", requestId);
    seen.operation = body.operationName;
    const deadline = new RequestDeadline(options.requestTimeoutMs);
    const counter = newStatementCounter(deadline, { keepStatements: false });
    const formatOptions = { includeStack: !options.production, onInternalError, language };
    const execution = withStatementCounter(counter, () =>
      runOperation(
        runtime,
        {
          source: body.query as string,
          operationName: typeof body.operationName === "string" ? body.operationName : null,
          variables: (body.variables ?? null) as Record<string, unknown> | null,
          context: createRequestContext(ds, principal, requestId),
        },
        (formatted, error) => {
          const safe = formatError(formatted, error, formatOptions);
          return options.production ? withoutSuggestions(safe) : safe;
        },
      ),
    );
    const result = await Promise.race([execution, deadline.reached.then(() => null)]);
    deadline.dispose();
    // One line per request under the gateway's request id: the same id as the gateway's own line.
    logger.log("info", "request", {
      subgraph: subgraph.name,
      requestId,
      subject: principal?.subject,
      statements: counter.count,
      timedOut: result ? undefined : true,
    });
    if (!result) {
      execution.catch(() => undefined); // finishes in the background, refused at its next statement
      return graphqlError(res, 503, "REQUEST_TIMEOUT", "The request took too long", requestId);
    }
    sendJson(res, 200, result, { "x-request-id": requestId });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/health" || url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/ready" || url.pathname === "/readyz") {
        const ready = open && !draining && (await databaseAnswers());
        return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", subgraph: subgraph.name });
      }
      for (const mounted of options.routes ?? []) if (await mounted(req, res, url)) return;
      if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
      if (draining)
        return graphqlError(res, 503, "SHUTTING_DOWN", "Shutting down", newRequestId(), { connection: "close" });
      if (!open) return graphqlError(res, 503, "STARTING", "Starting", newRequestId());
      if (req.method !== "POST") return graphqlError(res, 405, "METHOD_NOT_ALLOWED", "POST only", newRequestId());
      if (!metrics) return await answerGraphql(req, res, url, {});
      const started = process.hrtime.bigint();
      const seen: Seen = {};
      try {
        await answerGraphql(req, res, url, seen);
      } finally {
        const status = res.headersSent ? res.statusCode : 500;
        metrics.requests.record(seen.operation, status, Number(process.hrtime.bigint() - started) / 1e9);
      }
    } catch (e) {
      logger.log("error", "request failed", { subgraph: subgraph.name, error: e });
      if (!res.headersSent) graphqlError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error", newRequestId());
      else res.end();
    }
  }

  async function databaseAnswers(): Promise<boolean> {
    try {
      await ds.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  return {
    get url() {
      const address = server?.address() as AddressInfo | null;
      return address ? `http://${options.host}:${address.port}/graphql` : "";
    },
    async start() {
      server = createServer((req, res) => void route(req, res));
      if (options.subscriptions) subscriptions = attachSubscriptions(server, options.subscriptions);
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(options.port, options.host, () => resolve());
      });
      if (!ds.isInitialized) await ds.initialize();
      await options.subscriptions?.runtime.start(ds);
      open = true;
    },
    stop() {
      return (stopping ??= (async () => {
        draining = true;
        // Subscriptions end first (1001): the gateway tells its clients the service is unavailable.
        await subscriptions?.close();
        if (server) {
          await new Promise<void>((resolve) => server!.close(() => resolve()));
        }
        await options.subscriptions?.runtime.stop();
        if (ds.isInitialized) await ds.destroy();
        await replays.close();
        // Buffered spans are exported last, after the last request's.
        await tracing?.shutdown().catch(() => undefined);
      })());
    },
  };
}
