import type { IncomingHttpHeaders } from "node:http";
import { context, propagation } from "@opentelemetry/api";

/** The header that carries a request's id from one process to the next (gateway → subgraph). */
export const REQUEST_ID_HEADER = "x-request-id";
/** The client's own id for its request, passed along unchanged. */
export const CORRELATION_ID_HEADER = "x-correlation-id";

/** Short ids of safe characters only: no header injection, nothing long enough to carry data. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function isValidRequestId(value: unknown): value is string {
  return typeof value === "string" && REQUEST_ID.test(value);
}

/**
 * The request id an upstream process (the gateway) forwarded, when it is well-formed. A server
 * takes it as its own request id only for requests it trusts to come from that upstream (a
 * subgraph: signed gateway requests); from anyone else it is the client's correlation id.
 */
export function forwardedRequestId(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[REQUEST_ID_HEADER];
  return isValidRequestId(value) ? value : undefined;
}

export interface ForwardedIds {
  /** This process's id for the request: the next process logs and traces it under the same id. */
  requestId: string;
  /** The client's own id, if it sent a usable one. */
  correlationId?: string;
}

/**
 * Headers for a call this request makes to another process (a subgraph): the W3C trace context
 * of the active span (`traceparent`, and `tracestate` when set — nothing when tracing is off or no
 * span is active), the request id and the client's correlation id. Adds to `headers` and returns it.
 */
export function forwardingHeaders(ids: ForwardedIds, headers: Record<string, string> = {}): Record<string, string> {
  propagation.inject(context.active(), headers);
  if (isValidRequestId(ids.requestId)) headers[REQUEST_ID_HEADER] = ids.requestId;
  if (isValidRequestId(ids.correlationId)) headers[CORRELATION_ID_HEADER] = ids.correlationId;
  return headers;
}
