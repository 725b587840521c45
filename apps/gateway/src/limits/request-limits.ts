import type { GraphQLSchema } from "graphql";
import type { Message } from "@arbetsliv/core";
import { RequestDeadline } from "@arbetsliv/core/data";
import type { GatewayConfig } from "../config";
import type { Logger } from "../logger";
import { createRateLimiter } from "../http/rate-limit";
import { RedisRateLimitStore } from "../http/redis-rate-limit";
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
  responseTooLarge(text: string | Uint8Array, requestBody: unknown): { message: Message } | null;
  /** Closes the rate limit's Redis connection, if any (at shutdown). */
  close(): Promise<void>;
}

export function createRequestLimits(config: GatewayConfig, schema: GraphQLSchema, logger: Logger): RequestLimits {
  const rate = { limit: config.rateLimitPerMinute, windowMs: config.rateLimitWindowMs };
  // With REDIS_URL every replica counts against one budget per client; without, this process's memory.
  const store =
    config.redisUrl && rate.limit > 0
      ? new RedisRateLimitStore({
          ...rate,
          url: config.redisUrl,
          keyPrefix: config.redisKeyPrefix,
          onModeChange: (mode, error) =>
            mode === "fallback"
              ? logger.log(
                  "warn",
                  "rate limit: Redis does not answer; counting in this replica's memory until it does",
                  {
                    error: String((error as Error)?.message ?? error),
                  },
                )
              : logger.log("info", "rate limit: Redis answers again; counting shared across replicas"),
        })
      : undefined;
  const rateLimiter = createRateLimiter(rate, store);
  const guard = createRequestGuard(schema);
  return {
    maxBodyBytes: config.maxBodyBytes,
    takeRate: (key) => rateLimiter.take(key),
    refuseDocument: guard,
    startDeadline: () => new RequestDeadline(config.requestTimeoutMs),
    responseTooLarge: (text, requestBody) => responseTooLarge(text, config.maxResponseBytes, requestBody),
    close: async () => store?.close(),
  };
}
