import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers every response carries, whatever its path or status. Answers hold personnummer, so
 * nothing may be stored by a browser or a proxy (`no-store`; the GraphiQL assets, which hold no
 * data, override it), sniffed as another type, framed by another site or leak its URL onward.
 */
const EVERY_RESPONSE: [string, string][] = [
  ["cache-control", "no-store"],
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "no-referrer"],
  ["x-frame-options", "DENY"],
  // JSON answers need no scripts, styles or frames at all; the GraphiQL page sets its own policy.
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
];

/** The GraphiQL page (development): its own scripts and styles only, never inside a frame. */
export const GRAPHIQL_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Random bytes drawn 6 kB at a time: one randomBytes call per request costs ~2 µs, a slice of a pool ~0.1 µs.
const ID_BYTES = 12;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * The server's own id for a request: 96 random bits in base64url, so no run of digits in it looks
 * like a personnummer to the log masking. A client never chooses it (see `correlationIdOf`).
 */
export function newRequestId(): string {
  if (offset + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * 512);
    offset = 0;
  }
  const id = pool.toString("base64url", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return `req_${id}`;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * A client's own id for a request (`x-correlation-id`, or `x-request-id` as many clients send):
 * echoed back and logged as `correlationId`, never used as the server's request id. Only short
 * ids of safe characters are kept; anything else is ignored.
 */
export function correlationIdOf(req: IncomingMessage): string | undefined {
  const value = req.headers["x-correlation-id"] ?? req.headers["x-request-id"];
  return typeof value === "string" && CORRELATION_ID.test(value) ? value : undefined;
}

export interface RequestIds {
  /** The server's id: in the response, the request log and the access log. */
  requestId: string;
  /** The client's own id, if it sent a usable one. */
  correlationId: string | undefined;
}

/** Gives a request its ids and sets the headers every response carries (writeHead's own headers add to or override these). */
export function stampResponse(req: IncomingMessage, res: ServerResponse): RequestIds {
  const requestId = newRequestId();
  const correlationId = correlationIdOf(req);
  for (const [name, value] of EVERY_RESPONSE) res.setHeader(name, value);
  res.setHeader("x-request-id", requestId);
  if (correlationId) res.setHeader("x-correlation-id", correlationId);
  return { requestId, correlationId };
}
