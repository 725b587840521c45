import type { IncomingMessage, ServerResponse } from "node:http";
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from "@opentelemetry/api";
import { operationLabel, UNKNOWN_OPERATION } from "./operation-label";
import type { Tracing } from "./tracing";

export interface ServerSpan {
  span: Span;
  /** The context to run the request in: its statements' spans become the server span's children. */
  context: Context;
}

/**
 * The server span of one GraphQL request. An incoming W3C `traceparent` (and `tracestate`) is
 * continued — the span joins the caller's trace as a child of the caller's span; without one (or a
 * malformed one) a new trace begins. Named "graphql" until the operation is known (endServerSpan).
 */
export function startServerSpan(
  tracing: Tracing,
  req: IncomingMessage,
  ids: { requestId: string; correlationId?: string },
  path: string,
): ServerSpan {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracing.tracer.startSpan(
    "graphql",
    {
      kind: SpanKind.SERVER,
      attributes: {
        "http.request.method": req.method ?? "GET",
        "url.path": path,
        "arbetsliv.request_id": ids.requestId,
        ...(ids.correlationId ? { "arbetsliv.correlation_id": ids.correlationId } : {}),
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * The `traceresponse` header (W3C Trace Context Level 2): the trace id and this server's span, so
 * a client (or a test) can find the request's trace.
 */
export function traceResponseHeader(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, "0")}`;
}

/** Names the span after the operation (the checked name, as the metrics label it) and ends it with the HTTP status. */
export function endServerSpan(span: Span, operationName: unknown, status: number, error?: unknown): void {
  const operation = operationLabel(operationName);
  if (operation !== UNKNOWN_OPERATION) {
    span.updateName(operation);
    span.setAttribute("graphql.operation.name", operation);
  }
  span.setAttribute("http.response.status_code", status);
  // The error's type only: a message may quote data (a statement's values, a caller's input).
  if (error !== undefined) span.setAttribute("error.type", error instanceof Error ? error.name : "Error");
  if (status >= 500 || error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/**
 * Runs one request inside its server span (startServerSpan … endServerSpan): the answer carries
 * `traceresponse`, and what `run` does — statements, forwardingHeaders() for calls onward — is
 * under the span. For a subgraph server's handler as for the gateway's router.
 */
export async function tracedRequest(
  tracing: Tracing,
  req: IncomingMessage,
  res: ServerResponse,
  ids: { requestId: string; correlationId?: string },
  path: string,
  run: () => Promise<void>,
  operationName: () => unknown,
): Promise<void> {
  const { span, context: spanContext } = startServerSpan(tracing, req, ids, path);
  if (!res.headersSent) res.setHeader("traceresponse", traceResponseHeader(span));
  let failure: unknown;
  try {
    await context.with(spanContext, run);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    endServerSpan(span, operationName(), failure === undefined ? res.statusCode : 500, failure);
  }
}
