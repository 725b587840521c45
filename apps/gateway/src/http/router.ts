import type { IncomingMessage, ServerResponse } from "node:http";
import type { Language } from "@arbetsliv/core";
import { clientText, type Logger } from "../logger";
import { requestLanguage } from "./language";
import { GATEWAY_MESSAGES } from "./messages";
import { GRAPHIQL_PAGE, graphiqlAsset } from "./graphiql";
import type { GraphqlEndpoint } from "./graphql-endpoint";
import { graphqlError, sendJson } from "./respond";
import { GRAPHIQL_CSP, type RequestIds } from "./response-headers";
import type { Tracing } from "@arbetsliv/core/observability";
import {
  recordGraphqlRequest,
  tracedGraphqlRequest,
  type GatewayMetrics,
} from "../observability/gateway-observability";

export interface RouterOptions {
  graphiql: boolean;
  graphql: GraphqlEndpoint;
  /** Readiness for /readyz: not draining and the database answering. */
  ready(): Promise<boolean>;
  /** Shutting down: requests on open connections are answered 503 SHUTTING_DOWN. */
  draining(): boolean;
  logger: Logger;
  /** API_DEFAULT_LANGUAGE: the language of the gateway's own messages when Accept-Language names neither sv nor en. */
  defaultLanguage?: Language;
  /** METRICS_TOKEN set: /metrics, and every /graphql request recorded; null: neither. */
  metrics?: GatewayMetrics | null;
  /** OTEL_TRACES_EXPORTER=otlp: a server span per /graphql request; null: none. */
  tracing?: Tracing | null;
}

/** Routes a request of a serving gateway to its answer, and writes the request log line. */
export function createRouter({
  graphiql,
  graphql,
  ready,
  draining,
  logger,
  defaultLanguage = "en",
  metrics = null,
  tracing = null,
}: RouterOptions) {
  // The operation name as the client sent it (log.operation after execution; GET: its parameter).
  const operationNameOf = (log: Record<string, unknown>, url: URL) =>
    log.operation ?? (log.method === "GET" ? url.searchParams.get("operationName") : undefined);

  return async function route(req: IncomingMessage, res: ServerResponse, ids: RequestIds): Promise<void> {
    const { requestId, correlationId } = ids;
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? "/", "http://localhost");
    const log: Record<string, unknown> = {
      requestId,
      correlationId,
      method: req.method,
      path: clientText(url.pathname, 200),
    };
    let graphqlRequest = false;
    try {
      if (url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
      } else if (url.pathname === "/readyz") {
        const ok = await ready();
        sendJson(res, ok ? 200 : 503, {
          status: ok ? "ready" : "not ready",
          database: ok ? "reachable" : "unreachable",
        });
      } else if (url.pathname === "/metrics" && metrics) {
        // Only with METRICS_TOKEN, and only for its bearer (core's observability/metrics-endpoint.ts).
        await metrics.serve(req, res);
      } else if (draining()) {
        graphqlError(
          res,
          503,
          "SHUTTING_DOWN",
          GATEWAY_MESSAGES.shuttingDown[requestLanguage(req.headers, defaultLanguage)],
          requestId,
          { connection: "close" },
        );
      } else if (url.pathname.startsWith("/graphiql/") && graphiql) {
        const asset = graphiqlAsset(url.pathname.slice("/graphiql/".length));
        if (!asset) sendJson(res, 404, { error: "not found" });
        else {
          res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=3600" });
          res.end(asset.body);
        }
      } else if (url.pathname === "/graphql" || url.pathname === "/") {
        const wantsHtml = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
        if (wantsHtml && graphiql) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": GRAPHIQL_CSP });
          res.end(GRAPHIQL_PAGE);
        } else if (url.pathname === "/graphql") {
          graphqlRequest = true;
          if (tracing)
            await tracedGraphqlRequest(
              tracing,
              req,
              res,
              ids,
              url.pathname,
              () => graphql(req, res, requestId, url, log),
              () => operationNameOf(log, url),
            );
          else await graphql(req, res, requestId, url, log);
        } else {
          sendJson(res, 200, {
            service: "arbetsliv-gateway",
            graphql: "/graphql",
            health: "/healthz",
            ready: "/readyz",
          });
        }
      } else {
        sendJson(res, 404, { error: "not found" });
      }
    } catch (e) {
      logger.log("error", "request failed", { requestId, error: e });
      if (!res.headersSent)
        graphqlError(
          res,
          500,
          "INTERNAL_SERVER_ERROR",
          GATEWAY_MESSAGES.internal[requestLanguage(req.headers, defaultLanguage)],
          requestId,
        );
      else res.end();
    } finally {
      log.status = res.statusCode;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.durationMs = durationMs;
      if (metrics && graphqlRequest)
        recordGraphqlRequest(metrics.metrics, operationNameOf(log, url), res.statusCode, durationMs / 1000);
      if (url.pathname !== "/healthz" && url.pathname !== "/readyz") logger.log("info", "request", log);
    }
  };
}

export type Router = ReturnType<typeof createRouter>;
