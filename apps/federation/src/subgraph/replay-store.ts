import Redis from "ioredis";

/**
 * Where a subgraph remembers the gateway signatures it has accepted, so each is accepted once
 * (signature.ts). In memory a replay is refused only by the replica that saw the signature; with
 * REDIS_URL every replica of every subgraph shares the memory, so a signature taken off the wire
 * cannot be replayed to a second replica either.
 */
export interface ReplayStore {
  /** True the first time `signature` is presented; false for a replay. Remembered for `ttlMs`. */
  firstUse(signature: string, ttlMs: number, now: number): Promise<boolean>;
  close(): Promise<void>;
}

/** This process's memory: a Map of signature → the time it may be forgotten. */
export class MemoryReplayStore implements ReplayStore {
  private readonly seen = new Map<string, number>();

  async firstUse(signature: string, ttlMs: number, now: number): Promise<boolean> {
    this.forgetExpired(now);
    if (this.seen.has(signature)) return false;
    this.seen.set(signature, now + ttlMs);
    return true;
  }

  /** Signatures past their time can no longer be accepted anyway (expired): forget them. */
  private forgetExpired(now: number): void {
    for (const [signature, until] of this.seen) {
      if (until >= now) break; // insertion order is roughly time order
      this.seen.delete(signature);
    }
  }

  async close(): Promise<void> {
    this.seen.clear();
  }
}

export interface RedisReplayStoreOptions {
  url: string;
  /** REDIS_KEY_PREFIX: the installation's namespace in a shared Redis (keys `<prefix>replay:<signature>`). */
  keyPrefix: string;
  /** A request waits at most this long for Redis before the memory decides (default 200 ms). */
  commandTimeoutMs?: number;
  /** Told when the store switches between Redis and the per-process fallback. */
  onModeChange?: (mode: "redis" | "fallback", error?: unknown) => void;
}

/**
 * Used signatures in Redis (`SET key 1 PX <ttl> NX`: atomic, so of two replicas racing with the
 * same signature exactly one gets "OK"). When Redis does not answer, the process's own memory
 * decides (a replay to the same replica is still refused; to another, only until Redis is back),
 * as the rate limit's Redis store falls back (apps/gateway/src/http/redis-rate-limit.ts). Every
 * accepted signature is also kept in memory, so a fallback still knows what this replica saw.
 */
export class RedisReplayStore implements ReplayStore {
  private readonly redis: Redis;
  private readonly memory = new MemoryReplayStore();
  private readonly prefix: string;
  private readonly firstConnection: Promise<unknown>;
  private connectedOnce = false;
  private mode: "redis" | "fallback" = "redis";

  constructor(private readonly options: RedisReplayStoreOptions) {
    this.prefix = `${options.keyPrefix}replay:`;
    this.redis = new Redis(options.url, {
      // Fail fast instead of queueing: a request must not wait for a Redis that is away.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 200,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    // ioredis emits "error" on every failed reconnect; the mode change is what is logged.
    this.redis.on("error", () => undefined);
    this.firstConnection = new Promise((resolve) => this.redis.once("ready", resolve));
  }

  async firstUse(signature: string, ttlMs: number, now: number): Promise<boolean> {
    try {
      if (!this.connectedOnce) await this.awaitFirstConnection();
      const set = await this.redis.set(this.prefix + signature, "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
      this.switchTo("redis");
      if (set !== "OK") return false;
      await this.memory.firstUse(signature, ttlMs, now);
      return true;
    } catch (error) {
      this.switchTo("fallback", error);
      return this.memory.firstUse(signature, ttlMs, now);
    }
  }

  /** Where the last signature was checked (tests). */
  get currentMode(): "redis" | "fallback" {
    return this.mode;
  }

  async close(): Promise<void> {
    await this.memory.close();
    this.redis.disconnect();
  }

  private async awaitFirstConnection(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, this.options.commandTimeoutMs ?? 200)));
    await Promise.race([this.firstConnection, timeout]);
    clearTimeout(timer);
    if (this.redis.status === "ready") this.connectedOnce = true;
  }

  private switchTo(mode: "redis" | "fallback", error?: unknown): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.options.onModeChange?.(mode, error);
  }
}

/** REDIS_URL set: the shared store (keys under REDIS_KEY_PREFIX); unset: this process's memory. */
export function replayStore(
  config: { redisUrl: string | null; redisKeyPrefix: string },
  onModeChange?: RedisReplayStoreOptions["onModeChange"],
): ReplayStore {
  if (!config.redisUrl) return new MemoryReplayStore();
  return new RedisReplayStore({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, onModeChange });
}
