import Redis from "ioredis";
import { MemoryRateLimitStore, type RateLimitStore } from "./rate-limit";

/**
 * The rate limit's sliding-window counters in Redis, so every gateway replica counts against the
 * same budget per client (the limit is per subject, not per replica).
 *
 * The algorithm is MemoryRateLimitStore's (see rate-limit.ts for the guarantee), run as one Lua
 * script per request: the counters of one client are a hash of sub-window → count, read, pruned,
 * checked and incremented atomically, so two replicas cannot both take the last request.
 *
 * Why not rate-limiter-flexible's RateLimiterRedis: it is a fixed window per key (INCR + PEXPIRE),
 * which lets a client send 2 × limit across a window edge — the burst rate-limit.ts rules out.
 *
 * When Redis does not answer (down, restarting, slower than `commandTimeoutMs`), each replica
 * falls back to its own in-memory counters (the insurance limiter): requests keep being served and
 * limited, but per replica — with N replicas a client may get up to N × limit until Redis is back.
 * The store returns to Redis on its own once Redis answers again.
 */
export interface RedisRateLimitOptions {
  url: string;
  limit: number;
  windowMs: number;
  slots?: number;
  /** Prefix of the counter keys (one namespace per installation sharing a Redis). */
  keyPrefix?: string;
  /** A request waits at most this long for Redis before the fallback decides (default 200 ms). */
  commandTimeoutMs?: number;
  /** Told when the store switches between Redis and the fallback. */
  onModeChange?: (mode: "redis" | "fallback", error?: unknown) => void;
}

/**
 * KEYS[1] the client's hash; ARGV: limit, slot length (ms), slots, now (ms). Returns 0 when the
 * request is counted, else the milliseconds until it would be. Same arithmetic as
 * MemoryRateLimitStore.hit, over the hash fields that lie in the window.
 */
const SLIDING_WINDOW_SCRIPT = `
local limit = tonumber(ARGV[1])
local slotMs = tonumber(ARGV[2])
local slots = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local slot = math.floor(now / slotMs)
local oldest = slot - slots
local fields = redis.call('HGETALL', KEYS[1])
local counts = {}
local total = 0
for i = 1, #fields, 2 do
  local s = tonumber(fields[i])
  if s < oldest then
    redis.call('HDEL', KEYS[1], fields[i])
  else
    local c = tonumber(fields[i + 1])
    counts[s] = (counts[s] or 0) + c
    total = total + c
  end
end
if total < limit then
  redis.call('HINCRBY', KEYS[1], tostring(slot), 1)
  redis.call('PEXPIRE', KEYS[1], (slots + 1) * slotMs)
  return 0
end
local freed = 0
for s = oldest, slot do
  freed = freed + (counts[s] or 0)
  if total - freed < limit then
    return (s + slots + 1) * slotMs - now
  end
end
return slots * slotMs
`;

type SlidingWindowRedis = Redis & {
  slidingWindowHit(key: string, limit: number, slotMs: number, slots: number, now: number): Promise<number>;
};

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: SlidingWindowRedis;
  private readonly fallback: MemoryRateLimitStore;
  private readonly slots: number;
  private readonly slotMs: number;
  private readonly prefix: string;
  private mode: "redis" | "fallback" = "redis";

  constructor(private readonly options: RedisRateLimitOptions) {
    this.slots = options.slots ?? 10;
    this.slotMs = options.windowMs / this.slots;
    this.prefix = `${options.keyPrefix ?? "arbetsliv:"}ratelimit:`;
    this.fallback = new MemoryRateLimitStore(options.limit, options.windowMs, this.slots);
    this.redis = new Redis(options.url, {
      // Fail fast instead of queueing: a request must not wait for a Redis that is away.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 200,
      connectTimeout: 2_000,
      // Keep trying to reconnect in the background, at most every 2 s.
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      lazyConnect: false,
    }) as SlidingWindowRedis;
    this.redis.defineCommand("slidingWindowHit", { numberOfKeys: 1, lua: SLIDING_WINDOW_SCRIPT });
    // ioredis emits "error" on every failed reconnect; the mode change below is what is logged.
    this.redis.on("error", () => undefined);
    this.firstConnection = new Promise((resolve) => this.redis.once("ready", resolve));
  }

  /** Resolves when the connection is first ready: requests at start wait for it (up to the command timeout). */
  private readonly firstConnection: Promise<unknown>;
  private connectedOnce = false;

  async hit(key: string, now: number): Promise<number> {
    try {
      if (!this.connectedOnce) await this.awaitFirstConnection();
      const waitMs = await this.redis.slidingWindowHit(
        this.prefix + key,
        this.options.limit,
        this.slotMs,
        this.slots,
        now,
      );
      this.switchTo("redis");
      return Number(waitMs);
    } catch (error) {
      this.switchTo("fallback", error);
      return this.fallback.hit(key, now);
    }
  }

  private async awaitFirstConnection(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, this.options.commandTimeoutMs ?? 200)));
    await Promise.race([this.firstConnection, timeout]);
    clearTimeout(timer);
    // After a first connection, a lost one fails fast into the fallback while ioredis reconnects.
    if (this.redis.status === "ready") this.connectedOnce = true;
  }

  /** Where the last request was counted (health details, tests). */
  get currentMode(): "redis" | "fallback" {
    return this.mode;
  }

  async close(): Promise<void> {
    this.fallback.close();
    this.redis.disconnect();
  }

  private switchTo(mode: "redis" | "fallback", error?: unknown): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.options.onModeChange?.(mode, error);
  }
}
