import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError, messageIn, type Language, type Principal } from "@arbetsliv/core";
import type { Authenticate } from "../auth/bearer";
import type { GraphqlExecution } from "../execution/apollo-execution";
import type { RequestLimits } from "../limits/request-limits";
import { clientText } from "../logger";
import { deadlineAnswer, RETRY_AFTER } from "./availability";
import { requestLanguage, VARY_LANGUAGE } from "./language";
import { GATEWAY_MESSAGES } from "./messages";
import { BodyTooLargeError, readBody } from "./request-body";
import { RESPONSE_TOO_LARGE, RESPONSE_TOO_LARGE_STATUS } from "./response-limit";
import { graphqlError, sendJson } from "./respond";
import { trustedHttpRequest, type TrustedDocuments } from "./trusted-documents";

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
  /** TRUSTED_DOCUMENTS: the only documents run; null runs any (http/trusted-documents.ts). */
  trusted: TrustedDocuments | null = null,
  /** API_DEFAULT_LANGUAGE: messages in this language when Accept-Language names neither sv nor en. */
  defaultLanguage: Language = "en",
): GraphqlEndpoint {
  function tooManyRequests(res: ServerResponse, retry: number, requestId: string, language: Language): void {
    graphqlError(res, 429, "RATE_LIMITED", GATEWAY_MESSAGES.rateLimited(retry)[language], requestId, {
      "retry-after": String(retry),
    });
  }

  return async (req, res, requestId, url, log) => {
    // Every answer here may hold messages in the request's language (codes never change).
    const language = requestLanguage(req.headers, defaultLanguage);
    res.setHeader("vary", VARY_LANGUAGE);
    let principal: Principal | null;
    try {
      principal = await authenticate(req);
    } catch (e) {
      // Failed sign-ins count against the caller's address too, so tokens cannot be guessed at full speed.
      const retry = await limits.takeRate(req.socket.remoteAddress ?? "unknown");
      if (retry > 0) return tooManyRequests(res, retry, requestId, language);
      const message = e instanceof DomainError ? messageIn(e, language) : GATEWAY_MESSAGES.invalidToken[language];
      graphqlError(res, 401, "UNAUTHENTICATED", message, requestId, { "www-authenticate": "Bearer" });
      return;
    }
    log.subject = principal?.subject;
    const retryAfter = await limits.takeRate(principal?.subject ?? req.socket.remoteAddress ?? "unknown");
    if (retryAfter > 0) return tooManyRequests(res, retryAfter, requestId, language);
    let body: unknown = undefined;
    if (req.method === "POST") {
      const read = await readJsonBody(req, res, limits.maxBodyBytes, requestId, language);
      if (!read) return;
      body = read.body;
    }
    // A documentId becomes its stored text, before the limits; with a list, other documents are refused.
    const document = trustedHttpRequest(trusted, req.method, body, url.search);
    if ("refusal" in document) {
      const { status, code, message, field } = document.refusal;
      log.refused = [code];
      sendJson(
        res,
        status,
        { errors: [{ message: message[language], extensions: { code, field, requestId } }] },
        { "x-request-id": requestId },
      );
      return;
    }
    body = document.body;
    if (document.search !== url.search) url.search = document.search;
    // Abusive documents (size, tokens, depth, aliases, cost…) are refused here, before Apollo parses and validates.
    const refusal = limits.refuseDocument(
      req.method === "POST" ? (body as { query?: unknown } | null)?.query : url.searchParams.get("query"),
    );
    if (refusal) {
      log.refused = refusal.errors.map((e) => e.code);
      sendJson(
        res,
        refusal.status,
        {
          errors: refusal.errors.map((e) => ({
            message: messageIn(e, language),
            extensions: { code: e.code, requestId },
          })),
        },
        { "x-request-id": requestId },
      );
      return;
    }
    // Past the deadline the client is answered 503 and the request's further statements are refused.
    const deadline = limits.startDeadline();
    const { response, statements } = await execution.execute(
      { method: req.method ?? "GET", headers: req.headers, search: url.search, body, principal, requestId, language },
      deadline,
    );
    log.statements = statements;
    if (!response) {
      log.timedOut = true;
      sendJson(res, 503, deadlineAnswer(deadline, requestId, language), { "retry-after": RETRY_AFTER });
      return;
    }
    log.operation = clientText((body as { operationName?: unknown } | null | undefined)?.operationName);
    const tooLarge =
      response.body.kind === "complete"
        ? limits.responseTooLarge(response.body.string, body)
        : response.body.kind === "bytes"
          ? limits.responseTooLarge(response.body.bytes, body)
          : null;
    if (tooLarge) {
      log.refused = [RESPONSE_TOO_LARGE];
      graphqlError(res, RESPONSE_TOO_LARGE_STATUS, RESPONSE_TOO_LARGE, tooLarge.message[language], requestId);
      return;
    }
    const outHeaders: Record<string, string> = { "x-request-id": requestId };
    // Apollo sets its own cache-control on some answers; ours (no-store, set by stampResponse) stays.
    for (const [key, value] of response.headers) if (key !== "cache-control") outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else if (response.body.kind === "bytes") {
      res.end(response.body.bytes);
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
  language: Language,
): Promise<{ body: unknown } | null> {
  let text: string;
  try {
    text = await readBody(req, maxBodyBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      res.on("finish", () => req.destroy());
      graphqlError(res, 413, "PAYLOAD_TOO_LARGE", GATEWAY_MESSAGES.bodyTooLarge(maxBodyBytes)[language], requestId, {
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
    graphqlError(res, 400, "BAD_REQUEST", GATEWAY_MESSAGES.invalidJson[language], requestId);
    return null;
  }
  if (Array.isArray(body)) {
    graphqlError(res, 400, "BATCH_NOT_ALLOWED", GATEWAY_MESSAGES.batchRefused[language], requestId);
    return null;
  }
  return { body };
}
