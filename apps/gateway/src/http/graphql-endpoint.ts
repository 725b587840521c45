import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError, type Principal } from "@arbetsliv/core";
import type { Authenticate } from "../auth/bearer";
import type { GraphqlExecution } from "../execution/apollo-execution";
import type { RequestLimits } from "../limits/request-limits";
import { clientText } from "../logger";
import { deadlineAnswer, RETRY_AFTER } from "./availability";
import { BodyTooLargeError, readBody } from "./request-body";
import { RESPONSE_TOO_LARGE, RESPONSE_TOO_LARGE_STATUS } from "./response-limit";
import { graphqlError, sendJson } from "./respond";

/** Answers one request to /graphql; `log` collects what the request log line says about it. */
export type GraphqlEndpoint = (
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  url: URL,
  log: Record<string, unknown>,
) => Promise<void>;

/**
 * /graphql over HTTP, in the order a request meets things: the caller (auth), the rate, the body,
 * the document's limits, then execution within the deadline, and the answer's size.
 */
export function graphqlEndpoint(
  authenticate: Authenticate,
  limits: RequestLimits,
  execution: GraphqlExecution,
): GraphqlEndpoint {
  function tooManyRequests(res: ServerResponse, retry: number, requestId: string): void {
    graphqlError(res, 429, "RATE_LIMITED", `Too many requests; try again in ${retry} s`, requestId, {
      "retry-after": String(retry),
    });
  }

  return async (req, res, requestId, url, log) => {
    let principal: Principal | null;
    try {
      principal = await authenticate(req);
    } catch (e) {
      // Failed sign-ins count against the caller's address too, so tokens cannot be guessed at full speed.
      const retry = await limits.takeRate(req.socket.remoteAddress ?? "unknown");
      if (retry > 0) return tooManyRequests(res, retry, requestId);
      const message = e instanceof DomainError ? e.message : "The bearer token is invalid or expired";
      graphqlError(res, 401, "UNAUTHENTICATED", message, requestId, { "www-authenticate": "Bearer" });
      return;
    }
    log.subject = principal?.subject;
    const retryAfter = await limits.takeRate(principal?.subject ?? req.socket.remoteAddress ?? "unknown");
    if (retryAfter > 0) return tooManyRequests(res, retryAfter, requestId);
    let body: unknown = undefined;
    if (req.method === "POST") {
      const read = await readJsonBody(req, res, limits.maxBodyBytes, requestId);
      if (!read) return;
      body = read.body;
    }
    // Abusive documents (size, tokens, depth, aliases, cost…) are refused here, before Apollo parses and validates.
    const refusal = limits.refuseDocument(
      req.method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query"),
    );
    if (refusal) {
      log.refused = refusal.errors.map((e) => e.code);
      sendJson(
        res,
        refusal.status,
        { errors: refusal.errors.map((e) => ({ message: e.message, extensions: { code: e.code, requestId } })) },
        { "x-request-id": requestId },
      );
      return;
    }
    // Past the deadline the client is answered 503 and the request's further statements are refused.
    const deadline = limits.startDeadline();
    const { response, statements } = await execution.execute(
      { method: req.method ?? "GET", headers: req.headers, search: url.search, body, principal, requestId },
      deadline,
    );
    log.statements = statements;
    if (!response) {
      log.timedOut = true;
      sendJson(res, 503, deadlineAnswer(deadline, requestId), { "retry-after": RETRY_AFTER });
      return;
    }
    log.operation = clientText((body as { operationName?: unknown } | null | undefined)?.operationName);
    const tooLarge = response.body.kind === "complete" ? limits.responseTooLarge(response.body.string, body) : null;
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
  };
}

/** A POST body as JSON (one operation, no batch); null when the client was answered with why not. */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  requestId: string,
): Promise<{ body: unknown } | null> {
  let text: string;
  try {
    text = await readBody(req, maxBodyBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      res.on("finish", () => req.destroy());
      graphqlError(res, 413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBodyBytes} bytes`, requestId, {
        connection: "close",
      });
      return null;
    }
    throw e;
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    graphqlError(res, 400, "BAD_REQUEST", "The request body is not valid JSON", requestId);
    return null;
  }
  if (Array.isArray(body)) {
    graphqlError(
      res,
      400,
      "BATCH_NOT_ALLOWED",
      "Batched operations are not accepted; send one operation per request",
      requestId,
    );
    return null;
  }
  return { body };
}
