import "reflect-metadata";
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { coreModule, createTokenVerifier } from "@arbetsliv/core";
import { buildSubgraph } from "@arbetsliv/core/federation";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@arbetsliv/core/testing";
import { iopModule } from "@arbetsliv/iop";
import { createLogger } from "@arbetsliv/gateway";
import { REQUEST_ID_HEADER, SIGNATURE_HEADER, signRequest, SIGNATURE_TOLERANCE_MS } from "../src/signature";
import { MemoryReplayStore, RedisReplayStore, type ReplayStore } from "../src/subgraph/replay-store";
import { createSubgraphServer, type SubgraphServer } from "../src/subgraph/subgraph-server";
import { subgraphSpec } from "../src/topology";

/**
 * Replay protection across subgraph replicas: two replicas of the iop subgraph in-process (each
 * with its own database connection, as two processes would have), the machine's Redis on
 * 127.0.0.1:6379. A signed gateway request accepted by one replica is refused by the other
 * when they share Redis, and (the reason for Redis) accepted again when each only has its memory.
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const SECRET = "replay-test-subgraph-secret-0123456789-abcdef";
const BODY = JSON.stringify({ query: "{ __typename }" });

describe(`a signature is accepted once across replicas (Redis; ${testDatabaseKind()})`, () => {
  const keyPrefix = `arbetsliv-test:replay-${process.pid}-${randomBytes(3).toString("hex")}:`;
  const databases: TestDatabase[] = [];
  const servers: SubgraphServer[] = [];
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });

  async function replica(replays: ReplayStore): Promise<string> {
    const db = await createTestDatabase([coreModule, iopModule]);
    databases.push(db);
    const server = createSubgraphServer({
      subgraph: await buildSubgraph("iop", subgraphSpec("iop").modules),
      ds: db.ds,
      verifier: createTokenVerifier({ kind: "secret", secret: "replay-test-jwt-secret-0123456789-abcdefgh" }),
      secret: SECRET,
      host: "127.0.0.1",
      port: 0,
      maxBodyBytes: 100_000,
      requestTimeoutMs: 10_000,
      production: true,
      defaultLanguage: "en",
      logger: createLogger("error"),
      replays,
    });
    servers.push(server);
    await server.start();
    return server.url;
  }

  const signedHeaders = (requestId: string) => ({
    "content-type": "application/json",
    [REQUEST_ID_HEADER]: requestId,
    [SIGNATURE_HEADER]: signRequest(SECRET, {
      method: "POST",
      path: "/graphql",
      requestId,
      authorization: undefined,
      body: BODY,
    }),
  });
  const send = async (url: string, headers: Record<string, string>) => {
    const r = await fetch(url, { method: "POST", headers, body: BODY });
    return {
      status: r.status,
      body: (await r.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    };
  };

  beforeAll(() => redis.connect());
  afterAll(async () => {
    // The databases first: a server's stop then has no connection left to close.
    for (const db of databases) await db.close();
    for (const server of servers) await server.stop();
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it("refuses a replay to a second replica within the window, and keeps the signature in Redis for the window only", async () => {
    const store = () => new RedisReplayStore({ url: REDIS_URL, keyPrefix });
    const [a, b] = [await replica(store()), await replica(store())];
    const headers = signedHeaders(`req_${randomBytes(6).toString("hex")}`);

    const first = await send(a, headers);
    expect(first).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
    const replay = await send(b, headers);
    expect(replay.status).toBe(403);
    expect(replay.body.errors?.[0]?.extensions?.code).toBe("GATEWAY_SIGNATURE_REQUIRED");
    // Replica b answers a request signed afresh: the refusal was the replay, not the replica.
    expect((await send(b, signedHeaders(`req_${randomBytes(6).toString("hex")}`))).status).toBe(200);

    const signature = /v1=([0-9a-f]{64})$/.exec(headers[SIGNATURE_HEADER])![1];
    const ttl = await redis.pttl(`${keyPrefix}replay:${signature}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(SIGNATURE_TOLERANCE_MS + 1);
  });

  it("without Redis each replica only knows its own: the same replay is accepted by the other one", async () => {
    const [a, b] = [await replica(new MemoryReplayStore()), await replica(new MemoryReplayStore())];
    const headers = signedHeaders(`req_${randomBytes(6).toString("hex")}`);
    expect((await send(a, headers)).status).toBe(200);
    expect((await send(a, headers)).status).toBe(403);
    expect((await send(b, headers)).status).toBe(200);
  });

  it("falls back to the process's memory when Redis does not answer, says so, and still refuses a replay there", async () => {
    const modes: string[] = [];
    // Nothing listens on port 1 of loopback: every command fails at once.
    const store = new RedisReplayStore({
      url: "redis://127.0.0.1:1",
      keyPrefix,
      onModeChange: (mode) => modes.push(mode),
    });
    try {
      const now = Date.now();
      expect(await store.firstUse("f".repeat(64), SIGNATURE_TOLERANCE_MS, now)).toBe(true);
      expect(await store.firstUse("f".repeat(64), SIGNATURE_TOLERANCE_MS, now + 1)).toBe(false);
      expect(store.currentMode).toBe("fallback");
      expect(modes).toEqual(["fallback"]);
    } finally {
      await store.close();
    }
  });
});
