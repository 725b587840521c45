import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";

/** The path Prometheus scrapes. */
export const METRICS_PATH = "/metrics";
/** The shortest METRICS_TOKEN accepted: a guessable token would publish the process's figures. */
export const MIN_METRICS_TOKEN_LENGTH = 32;

/**
 * METRICS_TOKEN: /metrics is served only when it is set, and only to a request bearing it
 * (`Authorization: Bearer <token>`, Prometheus's `authorization` / `bearer_token_file`). Unset,
 * /metrics does not exist (404): nothing is public by default. Returns the token, or the problem.
 */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv): { token: string | null; problem?: string } {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === "") return { token: null };
  if (token.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(token))
    return {
      token: null,
      problem: `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 32), or unset to turn /metrics off`,
    };
  return { token };
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Answers GET /metrics for the holder of `token`: 401 without it or with another (compared in constant time). */
export function metricsEndpoint(registry: Registry, token: string) {
  const expected = digest(token);
  return async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers.authorization;
    const presented = typeof header === "string" && header.startsWith("Bearer ") ? header.slice(7) : null;
    if (presented === null || !timingSafeEqual(digest(presented), expected)) {
      req.resume();
      const body = JSON.stringify({ error: "unauthorized: /metrics needs Authorization: Bearer <METRICS_TOKEN>" });
      res.writeHead(401, { "content-type": "application/json; charset=utf-8", "www-authenticate": "Bearer" });
      res.end(body);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("GET /metrics\n");
      return;
    }
    const text = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType });
    res.end(req.method === "HEAD" ? undefined : text);
  };
}
