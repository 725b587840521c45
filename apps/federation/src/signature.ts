import { createHash, createHmac, hash, timingSafeEqual } from "node:crypto";
import { forwardingHeaders } from "@arbetsliv/core/observability";
import { MemoryReplayStore, type ReplayStore } from "./subgraph/replay-store";

/**
 * Gateway → subgraph request signing. Subgraphs answer only requests the federated gateway signed
 * with the secret they share (GATEWAY_SUBGRAPH_SECRET), so a caller that reaches a subgraph's port
 * directly cannot skip the gateway's limits, nor pick its own request id.
 *
 * Header: `x-gateway-signature: t=<unix milliseconds>,v1=<hex HMAC-SHA256>` over
 * `v1\n<t>\n<METHOD>\n<path>\n<request id>\n<traceparent>\n<tracestate>\n<sha256(Authorization)>\n<sha256(body)>`:
 * the token, the body and the trace context cannot be swapped under a signature. A signature is
 * accepted within SIGNATURE_TOLERANCE_MS of the subgraph's clock, and once (a replay inside the
 * window is refused: per process, or across replicas with Redis, replay-store.ts).
 */
export const SIGNATURE_HEADER = "x-gateway-signature";
/**
 * The gateway's request id (core's forwarded `x-request-id`), trusted by the subgraph only
 * because the signature covers it.
 */
export const REQUEST_ID_HEADER = "x-request-id";
/** W3C trace context the gateway forwards (its server span), covered by the signature too. */
export const TRACE_HEADERS = ["traceparent", "tracestate"] as const;
export const SIGNATURE_TOLERANCE_MS = 30_000;
/** Shorter secrets are refused at start (a 256-bit HMAC key). */
export const MIN_SECRET_LENGTH = 32;

export interface SignedParts {
  method: string;
  path: string;
  requestId: string;
  authorization: string | undefined;
  body: string;
  /** The `traceparent` header sent with the request ("" or absent: none). */
  traceparent?: string;
  /** The `tracestate` header sent with the request ("" or absent: none). */
  tracestate?: string;
}

// crypto.hash (one call, no Hash object) exists from Node 20.12; before it, createHash.
const sha256: (text: string) => string =
  typeof hash === "function"
    ? (text) => hash("sha256", text, "hex")
    : (text) => createHash("sha256").update(text).digest("hex");

/** sha256 of the Authorization header by its text: a client sends the same token request after request. */
const authorizationHashes = new Map<string, string>();
const MAX_AUTHORIZATION_HASHES = 1_000;

function authorizationHash(authorization: string): string {
  let hashed = authorizationHashes.get(authorization);
  if (hashed === undefined) {
    if (authorizationHashes.size >= MAX_AUTHORIZATION_HASHES) authorizationHashes.clear();
    authorizationHashes.set(authorization, (hashed = sha256(authorization)));
  }
  return hashed;
}

function mac(secret: string, timestamp: number, parts: SignedParts): string {
  const payload = [
    "v1",
    String(timestamp),
    parts.method.toUpperCase(),
    parts.path,
    parts.requestId,
    // Header values cannot hold a newline, so these lines cannot shift into each other.
    parts.traceparent ?? "",
    parts.tracestate ?? "",
    authorizationHash(parts.authorization ?? ""),
    sha256(parts.body),
  ].join("\n");
  return createHmac("sha256", secret).update(payload).digest("hex");
}

/**
 * The trace context to send with a gateway → subgraph request: the active span's (the gateway's
 * server span), empty strings when tracing is off. Sent as headers and passed to signRequest.
 */
export function activeTraceContext(): { traceparent: string; tracestate: string } {
  const carrier = forwardingHeaders({ requestId: "" });
  return { traceparent: carrier.traceparent ?? "", tracestate: carrier.tracestate ?? "" };
}

/** The header value for a request (the gateway's side). */
export function signRequest(secret: string, parts: SignedParts, now = Date.now()): string {
  return `t=${now},v1=${mac(secret, now, parts)}`;
}

export type SignatureRefusal = "missing" | "malformed" | "expired" | "invalid" | "replayed";

/** The subgraph's side: checks a request's signature; null when it is good. */
export class SignatureVerifier {
  constructor(
    private readonly secret: string,
    private readonly toleranceMs = SIGNATURE_TOLERANCE_MS,
    private readonly now: () => number = Date.now,
    /** Where used signatures are remembered: this process (default) or Redis for every replica. */
    private readonly replays: ReplayStore = new MemoryReplayStore(),
  ) {}

  async verify(header: string | string[] | undefined, parts: SignedParts): Promise<SignatureRefusal | null> {
    if (header === undefined) return "missing";
    const m = typeof header === "string" ? /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header) : null;
    if (!m) return "malformed";
    const timestamp = Number(m[1]);
    const now = this.now();
    if (Math.abs(now - timestamp) > this.toleranceMs) return "expired";
    const expected = Buffer.from(mac(this.secret, timestamp, parts), "hex");
    if (!timingSafeEqual(expected, Buffer.from(m[2], "hex"))) return "invalid";
    // Remembered until it would be refused as expired anyway.
    const first = await this.replays.firstUse(m[2], timestamp + this.toleranceMs - now + 1, now);
    return first ? null : "replayed";
  }
}

/** The shared secret from the environment: required in production, a fixed development one otherwise. */
export function subgraphSecret(env: NodeJS.ProcessEnv, production: boolean): string {
  const secret = env.GATEWAY_SUBGRAPH_SECRET;
  if (secret) {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new Error(`GATEWAY_SUBGRAPH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return secret;
  }
  if (production) throw new Error("GATEWAY_SUBGRAPH_SECRET is required in production (NODE_ENV=production)");
  return DEVELOPMENT_SUBGRAPH_SECRET;
}

export const DEVELOPMENT_SUBGRAPH_SECRET = "arbetsliv-development-subgraph-secret-not-for-production";
