import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import Redis from "ioredis";
import { MemoryRateLimitStore } from "../../src/http/rate-limit";
import { RedisRateLimitStore } from "../../src/http/redis-rate-limit";
import { GatewayProcess } from "../process-gateway";
import { freePort } from "./private-mariadb";

/**
 * The rate limit shared by gateway replicas through Redis (REDIS_URL): the same sliding window as
 * in memory, one budget per subject across replicas, and the documented fallback when Redis is away.
 * The shared Redis is the machine's (REDIS_URL, default 127.0.0.1:6379; `.ci/redis-setup.sh`
 * starts it); the outage drill starts and kills its own redis-server on a free port, by pid.
 */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A private redis-server (no persistence) on `port`, ready when it answers PING. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => undefined);
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if (probe.status !== "ready") await probe.connect();
        if ((await probe.ping()) === "PONG") return child;
      } catch {
        probe.disconnect();
        await sleep(50);
      }
    }
    throw new Error(`redis-server on port ${port} did not answer`);
  } finally {
    probe.disconnect();
  }
}

async function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}

async function send(gw: GatewayProcess, token: string): Promise<number> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: '{"query":"{ __typename }"}',
  });
  await res.text();
  return res.status;
}

describe("rate-limit counters in Redis", () => {
  it("answer exactly as the in-memory sliding window does, for any sequence of requests", async () => {
    const prefix = `test-${randomBytes(4).toString("hex")}:`;
    const redis = new Redis(REDIS_URL);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 1_500 })), {
            minLength: 1,
            maxLength: 60,
          }),
          fc.integer({ min: 1, max: 6 }),
          async (steps, limit) => {
            const run = `${prefix}${randomBytes(4).toString("hex")}:`;
            const memory = new MemoryRateLimitStore(limit, 1_000, 10);
            const shared = new RedisRateLimitStore({
              url: REDIS_URL,
              limit,
              windowMs: 1_000,
              slots: 10,
              keyPrefix: run,
              // The sliding window's answers are compared here, not its timing: a machine loaded by
              // other suites must not push a slow first connection into the fallback (its own drill below).
              commandTimeoutMs: 5_000,
            });
            try {
              let now = 1_700_000_000_000;
              for (const [client, gap] of steps) {
                now += gap;
                expect(await shared.hit(client, now)).toBe(memory.hit(client, now));
              }
              expect(shared.currentMode).toBe("redis");
            } finally {
              memory.close();
              await shared.close();
            }
          },
        ),
        { numRuns: 40 },
      );
      // A client's counters expire with its window: nothing is left behind for long.
      const store = new RedisRateLimitStore({ url: REDIS_URL, limit: 3, windowMs: 1_000, keyPrefix: prefix });
      try {
        await store.hit("expiring", Date.now());
        const ttl = await redis.pttl(`${prefix}ratelimit:expiring`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(1_100);
      } finally {
        await store.close();
      }
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});

describe("two gateway replicas (production mode) sharing Redis", () => {
  const LIMIT = 10;
  let a: GatewayProcess;
  let b: GatewayProcess;
  const env = {
    REDIS_URL,
    REDIS_KEY_PREFIX: `test-${randomBytes(4).toString("hex")}:`,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  };
  beforeAll(async () => {
    [a, b] = await Promise.all([
      GatewayProcess.start({ demoSeed: false, env }),
      GatewayProcess.start({ demoSeed: false, env }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it("hold one budget per subject, not one per replica", async () => {
    const token = await a.token([], "shared-subject");
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push(await send(i % 2 === 0 ? a : b, token));
    const accepted = statuses.filter((s) => s === 200).length;
    console.warn(`[figures] ${LIMIT}/min across two replicas: ${accepted} of ${statuses.length} accepted`);
    expect(accepted).toBe(LIMIT);
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LIMIT).every((s) => s === 429)).toBe(true);
    // Another subject has its own budget.
    expect(await send(b, await b.token([], "other-subject"))).toBe(200);
  }, 60_000);
});

describe("Redis outage drill: the gateway keeps serving and limiting, then returns to Redis", () => {
  const LIMIT = 5;
  let port: number;
  let redis: ChildProcess | undefined;
  let gw: GatewayProcess;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    gw = await GatewayProcess.start({
      demoSeed: false,
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        RATE_LIMIT_WINDOW_MS: "3000",
      },
    });
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    await stopProcess(redis);
  });

  it("falls back to this replica's memory when Redis is killed, and counts in Redis again once it is back", async () => {
    const token = await gw.token([], "drill-subject");
    const inspect = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 0 });
    inspect.on("error", () => undefined);
    expect(await send(gw, token)).toBe(200);
    expect(await inspect.keys("arbetsliv:ratelimit:*")).toEqual(["arbetsliv:ratelimit:drill-subject"]);
    inspect.disconnect();

    await stopProcess(redis, "SIGKILL");
    // Redis is gone: every request is answered (no 500, no hang) and the limit still holds per replica.
    const outage: number[] = [];
    const started = Date.now();
    for (let i = 0; i < LIMIT + 3; i++) outage.push(await send(gw, await gw.token([], "outage-subject")));
    const outageMs = Date.now() - started;
    console.warn(`[figures] Redis down: ${outage.join(",")} in ${outageMs} ms`);
    expect(outage.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(outage.slice(LIMIT).every((s) => s === 429)).toBe(true);
    expect(gw.logEntries().some((e) => e.level === "warn" && String(e.message).includes("Redis does not answer"))).toBe(
      true,
    );

    // Back on the same port: the replica reconnects by itself and counts in Redis again.
    redis = await startRedis(port);
    const back = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 0 });
    back.on("error", () => undefined);
    try {
      let counted: string[] = [];
      for (let i = 0; i < 60 && counted.length === 0; i++) {
        await send(gw, await gw.token([], "after-outage"));
        counted = await back.keys("arbetsliv:ratelimit:after-outage");
        if (counted.length === 0) await sleep(250);
      }
      expect(counted).toEqual(["arbetsliv:ratelimit:after-outage"]);
      expect(gw.logEntries().some((e) => String(e.message).includes("Redis answers again"))).toBe(true);
    } finally {
      back.disconnect();
    }
  }, 90_000);
});
