import type { GraphQLSchema } from "graphql";
import { RequestDeadline } from "@arbetsliv/core/data";
import type { GatewayConfig } from "../config";
import { createRateLimiter } from "../http/rate-limit";
import { responseTooLarge } from "../http/response-limit";
import { createRequestGuard, type Refusal } from "../security";

/**
 * Every limit a GraphQL request over HTTP meets, in one place: the rate per caller, the body's
 * size, the document (length, tokens, depth, aliases, cost… — security.ts, core's query limits),
 * the time it may take and the size of its answer.
 */
export interface RequestLimits {
  readonly maxBodyBytes: number;
  /** Counts a request against `key`; the seconds to wait before retrying, 0 when within the rate. */
  takeRate(key: string): Promise<number>;
  /** Abusive documents are refused before Apollo parses and validates them; null when accepted. */
  refuseDocument(query: unknown): Refusal | null;
  /** The request's deadline, started now: past it the client is answered 503 and its statements are refused. */
  startDeadline(): RequestDeadline;
  /** The last cap: why an answer heavier than the maximum is not sent (http/response-limit.ts), or null. */
  responseTooLarge(text: string, requestBody: unknown): { message: string } | null;
}

export function createRequestLimits(config: GatewayConfig, schema: GraphQLSchema): RequestLimits {
  const rateLimiter = createRateLimiter({ limit: config.rateLimitPerMinute, windowMs: config.rateLimitWindowMs });
  const guard = createRequestGuard(schema);
  return {
    maxBodyBytes: config.maxBodyBytes,
    takeRate: (key) => rateLimiter.take(key),
    refuseDocument: guard,
    startDeadline: () => new RequestDeadline(config.requestTimeoutMs),
    responseTooLarge: (text, requestBody) => responseTooLarge(text, config.maxResponseBytes, requestBody),
  };
}
