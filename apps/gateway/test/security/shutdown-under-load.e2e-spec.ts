import { createDataSource, databaseConfigFromEnv } from "@arbetsliv/core/data";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { reconcile, registerBody, startLoad } from "./load";

jest.setTimeout(240_000);

/**
 * SIGTERM to the built gateway process under a load of mutations, in production and development
 * mode: requests already accepted complete and are stored whole; new ones are refused cleanly
 * (503 SHUTTING_DOWN or connection refused), never half-applied; the process exits 0 within
 * SHUTDOWN_TIMEOUT_MS having logged "gateway stopped". Checked afterwards against the database the
 * process used, with a fresh connection (MariaDB: its DATABASE_URL; sql.js: its file, after exit).
 */
describe.each(["production", "development"] as const)(
  `%s gateway process stopped by SIGTERM under load on ${testDatabaseKind()}`,
  (mode) => {
    const SHUTDOWN_TIMEOUT_MS = 20_000;
    let gw: GatewayProcess;
    beforeAll(async () => {
      gw = await GatewayProcess.start({ mode, env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } });
    });
    afterAll(() => gw?.stop());

    let stopLoad: (() => Promise<unknown>) | null = null;
    afterEach(async () => {
      await stopLoad?.(); // never leave the load running when an assertion failed
    });

    it("finishes the accepted mutations, refuses new ones cleanly, loses or half-applies none, and exits 0", async () => {
      const url = gw.url;
      const token = await gw.token(["synpunkter:write"], "shutdown-load");
      const load = startLoad(() => url, token, 8, 0);
      stopLoad = () => load.stop();
      await new Promise((r) => setTimeout(r, 700));
      // A burst in flight at the moment of the signal.
      type BurstResult = {
        status: number;
        body: { data?: { registerFeedback?: { id: string } } | null; errors?: { extensions?: { code?: string } }[] };
        at: number;
      };
      const burst: Promise<BurstResult>[] = Array.from({ length: 20 }, (_, i) =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: registerBody(1_000_000 + i),
        }).then(
          async (res): Promise<BurstResult> => ({
            status: res.status,
            body: (await res.json()) as BurstResult["body"],
            at: Date.now(),
          }),
          (e: { cause?: { code?: string } }): BurstResult => ({
            status: 0,
            body: { errors: [{ extensions: { code: e.cause?.code ?? "fetch failed" } }] },
            at: Date.now(),
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 5));
      const stopCalledAt = Date.now();
      const exit = await gw.signal("SIGTERM", SHUTDOWN_TIMEOUT_MS + 10_000);
      const stoppedAt = Date.now();
      const burstResults = await Promise.all(burst);
      // After the stop: connections are refused.
      const late = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: registerBody(2_000_000),
      }).then(
        (r) => r.status,
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
      const outcomes = await load.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(stoppedAt - stopCalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(gw.logLines.some((l) => l.includes('"gateway stopped"'))).toBe(true);
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
        kind: (b.status === 200 && b.body.data?.registerFeedback
          ? "accepted"
          : b.status === 503
            ? "unavailable"
            : "connection") as "accepted" | "unavailable" | "connection",
        id: b.body.data?.registerFeedback?.id,
        code: b.body.errors?.[0]?.extensions?.code,
        at: b.at,
      }));
      for (const b of burstOutcomes) if (b.kind === "unavailable") expect(b.code).toBe("SHUTTING_DOWN");
      // In-flight requests completed after the stop began.
      const completedDuringStop =
        burstOutcomes.filter((b) => b.kind === "accepted" && b.at >= stopCalledAt).length +
        outcomes.filter((o) => o.kind === "accepted" && (o.time ?? 0) >= stopCalledAt).length;

      // The database the process used, opened anew after it exited (sql.js: the file it saved).
      const ds = await createDataSource(databaseConfigFromEnv(gw.env), { modules, synchronize: false }).initialize();
      try {
        const result = await reconcile(ds, [...outcomes, ...burstOutcomes.map((b) => ({ ...b, at: 0 }))]);
        console.warn(
          `[figures] ${mode} process, SIGTERM under load: ${result.sent} mutations, ${result.accepted} accepted (${completedDuringStop} completed while stopping, exit after ${stoppedAt - stopCalledAt} ms), ` +
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
  },
);
