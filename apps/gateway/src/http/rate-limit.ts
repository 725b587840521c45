/**
 * Rate limit per client identity (token subject, else remote address): a sliding window.
 *
 * Guarantee: in ANY interval of `windowMs` (60 s in production) at most `limit` requests of one
 * client are accepted — no burst on top, also not across a window edge. A client may send its
 * whole budget at once (a page firing parallel requests); after that it waits until requests
 * leave the window. Refused requests do not count.
 *
 * How: the window is cut into `slots` sub-windows of windowMs/slots. A request is accepted when the
 * accepted requests of the current sub-window and the `slots` before it are fewer than `limit`.
 * Any interval of windowMs lies within slots + 1 consecutive sub-windows, and at the last
 * acceptance within such a run the whole run was counted, so it holds at most `limit`. The price
 * of counting per sub-window instead of per request: a client that spent its budget may wait up to
 * one sub-window (6 s of 60) longer than an exact log would make it. Memory: slots + 1 counters
 * per client seen in the last window.
 *
 * Why not rate-limiter-flexible's memory limiter: it is a fixed window from each key's first
 * request (its MemoryStorage.incrby), so a client gets `limit` at the end of one window and
 * `limit` again at the start of the next (2 × limit within a moment); bounding that edge with a
 * second, shorter fixed window would also cap a legitimate burst to limit × short/long.
 * With REDIS_URL the same counters live in Redis, a hash per client updated by one Lua script
 * (http/redis-rate-limit.ts); the gateway only sees `RateLimiter.take`.
 */
export interface RateLimitStore {
  /** Counts one request of `key` if the window allows it: 0, else milliseconds until it would. */
  hit(key: string, now: number): number | Promise<number>;
}

export interface RateLimiter {
  /** 0 when the request may go ahead, else the seconds the client must wait (for `retry-after`). */
  take(client: string): Promise<number>;
}

export interface RateLimitOptions {
  /** Requests per window; 0 turns the limit off. */
  limit: number;
  windowMs: number;
  /** Sub-windows per window (default 10). */
  slots?: number;
}

interface ClientCounts {
  /** The newest sub-window counted (absolute index: time / slot length). */
  slot: number;
  /** Ring of slots + 1 counters, indexed by sub-window modulo its length. */
  counts: Int32Array;
}

/** The sliding-window counters in this process's memory (one gateway instance). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly clients = new Map<string, ClientCounts>();
  private readonly slotMs: number;
  private readonly ring: number;
  private sweeper: NodeJS.Timeout;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly slots = 10,
  ) {
    this.slotMs = windowMs / slots;
    this.ring = slots + 1;
    // Forget clients whose every counted sub-window has left the window.
    this.sweeper = setInterval(() => this.sweep(Date.now()), windowMs);
    this.sweeper.unref();
  }

  hit(key: string, now: number): number {
    const slot = Math.floor(now / this.slotMs);
    let client = this.clients.get(key);
    if (!client) {
      client = { slot, counts: new Int32Array(this.ring) };
      this.clients.set(key, client);
    } else if (client.slot < slot) {
      // Sub-windows that have passed since the last request start again from zero.
      const passed = Math.min(slot - client.slot, this.ring);
      for (let i = 1; i <= passed; i++) client.counts[(client.slot + i) % this.ring] = 0;
      client.slot = slot;
    }
    const { counts } = client;
    let total = 0;
    for (let i = 0; i < this.ring; i++) total += counts[i];
    if (total < this.limit) {
      counts[slot % this.ring]++;
      return 0;
    }
    // Refused: wait until enough of the oldest sub-windows have left the window.
    let freed = 0;
    for (let s = slot - this.slots; s <= slot; s++) {
      freed += counts[((s % this.ring) + this.ring) % this.ring];
      if (total - freed < this.limit) return (s + this.ring) * this.slotMs - now;
    }
    return this.windowMs;
  }

  private sweep(now: number): void {
    const oldest = Math.floor(now / this.slotMs) - this.slots;
    for (const [key, client] of this.clients) if (client.slot < oldest) this.clients.delete(key);
  }

  /** Stops the sweeper (a store closed with its gateway). */
  close(): void {
    clearInterval(this.sweeper);
  }

  /** Clients currently remembered (tests, metrics). */
  get size(): number {
    return this.clients.size;
  }
}

/** The gateway's limiter: in memory unless another store is given (Redis: http/redis-rate-limit.ts). */
export function createRateLimiter(options: RateLimitOptions, store?: RateLimitStore): RateLimiter {
  if (options.limit === 0) return { take: async () => 0 };
  const counters = store ?? new MemoryRateLimitStore(options.limit, options.windowMs, options.slots);
  return {
    async take(client) {
      const waitMs = await counters.hit(client, Date.now());
      return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
    },
  };
}
