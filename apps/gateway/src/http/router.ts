import type { IncomingMessage, ServerResponse } from "node:http";
import type { Language } from "@arbetsliv/core";
import { clientText, type Logger } from "../logger";
import { requestLanguage } from "./language";
import { GATEWAY_MESSAGES } from "./messages";
import { GRAPHIQL_PAGE, graphiqlAsset } from "./graphiql";
import type { GraphqlEndpoint } from "./graphql-endpoint";
import { graphqlError, sendJson } from "./respond";
import { GRAPHIQL_CSP, type RequestIds } from "./response-headers";

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
}

/** Routes a request of a serving gateway to its answer, and writes the request log line. */
export function createRouter({ graphiql, graphql, ready, draining, logger, defaultLanguage = "en" }: RouterOptions) {
  return async function route(
    req: IncomingMessage,
    res: ServerResponse,
    { requestId, correlationId }: RequestIds,
  ): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? "/", "http://localhost");
    const log: Record<string, unknown> = {
      requestId,
      correlationId,
      method: req.method,
      path: clientText(url.pathname, 200),
    };
    try {
      if (url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
      } else if (url.pathname === "/readyz") {
        const ok = await ready();
        sendJson(res, ok ? 200 : 503, {
          status: ok ? "ready" : "not ready",
          database: ok ? "reachable" : "unreachable",
        });
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
          await graphql(req, res, requestId, url, log);
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
      log.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (url.pathname !== "/healthz" && url.pathname !== "/readyz") logger.log("info", "request", log);
    }
  };
}

export type Router = ReturnType<typeof createRouter>;
