import { recreateDatabase } from "@arbetsliv/core/testing";
import { TestGateway } from "../harness";
import { reconcile, startLoad } from "./load";
import { PrivateMariaDb, privateMariaDbUnavailable } from "./private-mariadb";

/**
 * Faults: the database is killed (SIGKILL, a crash) and stopped (SIGTERM) and restarted while a
 * load of mutations runs. The gateway must report not-ready (503 on /readyz), recover by itself,
 * and no mutation may be half-applied or lost. Runs against a PRIVATE mariadbd started here (the
 * shared server on 3306 is never touched), only when TEST_DATABASE_URL is set and the binaries exist.
 * Still in-process: its child-process version once saw /readyz stay 503 for 60 s after a restart
 * under CI load (not reproduced since); database-freeze.e2e-spec.ts covers the built process.
 */
const skipReason = !process.env.TEST_DATABASE_URL
  ? "TEST_DATABASE_URL is not set (this test runs with the MariaDB suite)"
  : privateMariaDbUnavailable;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(skipReason ? describe.skip : describe)("database restarts under load (private mariadbd)", () => {
  let db: PrivateMariaDb;
  let gw: TestGateway;
  const readiness: { at: number; status: number }[] = [];
  let polling = true;
  let poller: Promise<void>;
  const started = Date.now();

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await recreateDatabase(db.url());
    gw = await TestGateway.start({ DATABASE_URL: db.url() });
    poller = (async () => {
      while (polling) {
        const status = await fetch(`${gw.url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        readiness.push({ at: Date.now() - started, status });
        await sleep(100);
      }
    })();
  }, 180_000);

  afterAll(async () => {
    polling = false;
    await poller;
    await gw?.stop();
    await db?.destroy();
  });

  let stopLoad: (() => Promise<unknown>) | null = null;
  afterEach(async () => {
    await stopLoad?.(); // never leave the load running when an assertion failed
  });

  async function waitForReadiness(status: number, timeoutMs: number): Promise<number> {
    const from = Date.now();
    while (Date.now() - from < timeoutMs) {
      const last = readiness[readiness.length - 1];
      if (last && last.status === status && last.at >= from - started) return Date.now() - from;
      await sleep(50);
    }
    // What the gateway was doing, so a failure here can be diagnosed from CI's output alone.
    throw new Error(
      `/readyz did not become ${status} within ${timeoutMs} ms; the gateway's last lines:\n${gw.logLines.slice(-15).join("\n")}`,
    );
  }

  it("reports not-ready while the database is down, recovers by itself, and applies every accepted mutation fully (none lost, none half-applied)", async () => {
    const token = await gw.token(["synpunkter:write"], "fault-load");
    const load = startLoad(() => gw.url, token, 8);
    stopLoad = () => load.stop();
    const cycles: { signal: string; notReadyAfterMs: number; readyAgainAfterMs: number }[] = [];
    await sleep(1_500);
    for (const signal of ["SIGKILL", "SIGTERM", "SIGKILL"] as NodeJS.Signals[]) {
      await db.stop(signal);
      const notReadyAfterMs = await waitForReadiness(503, 10_000);
      await sleep(1_500); // the outage: mutations keep arriving
      const restartAt = Date.now();
      await db.start();
      await waitForReadiness(200, 60_000); // by itself: nobody touches the gateway
      cycles.push({ signal, notReadyAfterMs, readyAgainAfterMs: Date.now() - restartAt });
      const acceptedBefore = load.outcomes.filter((o) => o.kind === "accepted").length;
      await sleep(1_500);
      // Mutations are accepted again after the restart.
      expect(load.outcomes.filter((o) => o.kind === "accepted").length).toBeGreaterThan(acceptedBefore);
    }
    const outcomes = await load.stop();
    expect(outcomes.every((o) => o.status === undefined || o.status < 500 || o.status === 503)).toBe(true);
    const failedCodes = [...new Set(outcomes.filter((o) => o.kind !== "accepted").map((o) => o.code))];
    // A database that is down is answered as retryable (503 SERVICE_UNAVAILABLE), never as an internal error.
    expect(failedCodes.every((c) => c === "SERVICE_UNAVAILABLE" || c === "REQUEST_TIMEOUT" || c === undefined)).toBe(
      true,
    );
    expect(outcomes.filter((o) => o.code === "SERVICE_UNAVAILABLE").every((o) => o.status === 503)).toBe(true);

    const result = await reconcile(gw.gateway.ds, outcomes);
    console.warn(
      `[figures] database restarts: ${cycles.length} restarts survived (${cycles.map((c) => `${c.signal}: not ready within ${c.notReadyAfterMs} ms, ready ${c.readyAgainAfterMs} ms after restart`).join("; ")}); ` +
        `${result.sent} mutations sent, ${result.accepted} accepted, ${result.sent - result.accepted} refused during outages, ${result.rows} rows, ` +
        `${result.appliedWithoutAnswer} committed without an answer, lost ${result.lost.length}, half-applied ${result.halfApplied.length}`,
    );
    expect(result.lost).toEqual([]);
    expect(result.halfApplied).toEqual([]);
    expect(result.rows).toBeGreaterThanOrEqual(result.accepted);
    expect(result.rows - result.accepted).toBe(result.appliedWithoutAnswer);
    expect(outcomes.filter((o) => o.kind !== "accepted").length).toBeGreaterThan(0); // the outages were real
    expect(readiness.some((r) => r.status === 503)).toBe(true);
  }, 240_000);
});

if (skipReason) {
  console.warn(`[skipped] database restarts under load: ${skipReason}`);
}
