import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { createDataSource, dropDatabase, signDevelopmentToken } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { loadConfig } from "../../src/config";
import { createGateway, type Gateway } from "../../src/gateway";
import { createLogger } from "../../src/logger";
import { TestGateway } from "../harness";
import { reconcile, registerBody, startLoad } from "./load";

/**
 * Stopping the gateway (what SIGTERM does) under a load of mutations: requests already accepted
 * complete and are stored whole; new ones are refused cleanly (503 SHUTTING_DOWN or connection
 * refused), never half-applied. Checked afterwards against the database with a fresh connection.
 */
describe(`gateway stop under load on ${testDatabaseKind()}`, () => {
  let gw: { url: string; gateway: Gateway; token(scopes: string[], subject: string): Promise<string> };
  let dir: string | null = null;
  let reopen: () => Promise<DataSource>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (process.env.TEST_DATABASE_URL) {
      const harness = await TestGateway.start({ SHUTDOWN_TIMEOUT_MS: "20000" });
      gw = harness;
      const database = harness.config.database;
      reopen = async () => createDataSource(database, { modules }).initialize();
      cleanup = async () => {
        if (database.kind === "mysql") await dropDatabase(database.url);
      };
    } else {
      // A file, so the data outlives the gateway's connection.
      dir = mkdtempSync(join(tmpdir(), "arbetsliv-shutdown-"));
      const file = join(dir, "db.sqlite");
      gw = await startOnFile(file);
      reopen = async () => createDataSource({ kind: "sqljs", file }, { modules, synchronize: false }).initialize();
      cleanup = async () => rmSync(dir!, { recursive: true, force: true });
    }
  });
  afterAll(() => cleanup?.());

  /** The harness keeps sql.js in memory; this starts the same gateway on a file. */
  async function startOnFile(file: string): Promise<typeof gw> {
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", DEMO_SEED: "true", RATE_LIMIT_PER_MINUTE: "0", SHUTDOWN_TIMEOUT_MS: "20000", DB_FILE: file, LOG_LEVEL: "error" });
    const gateway = await createGateway(config, modules, createLogger("error", () => undefined));
    await gateway.start();
    const secret = config.auth.kind === "secret" ? config.auth.secret : "";
    return { gateway, url: gateway.url, token: (scopes, subject) => signDevelopmentToken(secret, { sub: subject, scopes }) };
  }

  let stopLoad: (() => Promise<unknown>) | null = null;
  afterEach(async () => {
    await stopLoad?.(); // never leave the load running when an assertion failed
  });

  it("finishes the accepted mutations, refuses new ones cleanly, and loses or half-applies none", async () => {
    const url = gw.url;
    const token = await gw.token(["synpunkter:write"], "shutdown-load");
    const load = startLoad(() => url, token, 8, 0);
    stopLoad = () => load.stop();
    await new Promise((r) => setTimeout(r, 700));
    // A burst in flight at the moment of the stop.
    type BurstResult = { status: number; body: { data?: { registerFeedback?: { id: string } } | null; errors?: { extensions?: { code?: string } }[] }; at: number };
    const burst: Promise<BurstResult>[] = Array.from({ length: 20 }, (_, i) =>
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: registerBody(1_000_000 + i) }).then(
        async (res): Promise<BurstResult> => ({ status: res.status, body: (await res.json()) as BurstResult["body"], at: Date.now() }),
        (e: { cause?: { code?: string } }): BurstResult => ({ status: 0, body: { errors: [{ extensions: { code: e.cause?.code ?? "fetch failed" } }] }, at: Date.now() }),
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    const stopCalledAt = Date.now();
    await gw.gateway.stop();
    const stoppedAt = Date.now();
    const burstResults = await Promise.all(burst);
    // After the stop: connections are refused.
    const late = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: registerBody(2_000_000) }).then(
      (r) => r.status,
      (e: { cause?: { code?: string } }) => e.cause?.code,
    );
    const outcomes = await load.stop();
    // (or, on a pooled keep-alive socket the stop closed, "other side closed")
    expect(["ECONNREFUSED", "UND_ERR_SOCKET", "ECONNRESET"]).toContain(late);

    // Every answer is an accepted mutation, a clean 503 SHUTTING_DOWN, or a refused/closed connection.
    for (const o of outcomes) {
      if (o.kind === "accepted") continue;
      if (o.kind === "unavailable") expect(o.code).toBe("SHUTTING_DOWN");
      else expect(["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET", "fetch failed"]).toContain(o.code);
    }
    const burstOutcomes = burstResults.map((b, i) => ({
      n: 1_000_000 + i,
      kind: (b.status === 200 && b.body.data?.registerFeedback ? "accepted" : b.status === 503 ? "unavailable" : "connection") as "accepted" | "unavailable" | "connection",
      id: b.body.data?.registerFeedback?.id,
      code: b.body.errors?.[0]?.extensions?.code,
      at: b.at,
    }));
    for (const b of burstOutcomes) if (b.kind === "unavailable") expect(b.code).toBe("SHUTTING_DOWN");
    // In-flight requests completed after the stop began.
    const completedDuringStop =
      burstOutcomes.filter((b) => b.kind === "accepted" && b.at >= stopCalledAt).length + outcomes.filter((o) => o.kind === "accepted" && (o.time ?? 0) >= stopCalledAt).length;

    const ds = await reopen();
    try {
      const result = await reconcile(ds, [...outcomes, ...burstOutcomes.map((b) => ({ ...b, at: 0 }))]);
      console.warn(
        `[figures] gateway stop under load: ${result.sent} mutations, ${result.accepted} accepted (${completedDuringStop} completed while stopping, stop took ${stoppedAt - stopCalledAt} ms), ` +
          `${outcomes.filter((o) => o.kind === "unavailable").length + burstOutcomes.filter((b) => b.kind === "unavailable").length} answered 503 SHUTTING_DOWN, ` +
          `${outcomes.filter((o) => o.kind === "connection").length + burstOutcomes.filter((b) => b.kind === "connection").length} refused at connection; ` +
          `${result.rows} rows, lost ${result.lost.length}, half-applied ${result.halfApplied.length}, committed without an answer ${result.appliedWithoutAnswer}`,
      );
      expect(result.accepted).toBeGreaterThan(0);
      expect(completedDuringStop).toBeGreaterThan(0); // requests in flight when the stop began were finished, not cut
      expect(result.lost).toEqual([]);
      expect(result.halfApplied).toEqual([]);
      expect(result.appliedWithoutAnswer).toBe(0);
      expect(result.rows).toBe(result.accepted);
    } finally {
      await ds.destroy();
    }
  });
});
