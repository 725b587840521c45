import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { dropDatabase, recreateDatabase } from "@arbetsliv/core";
import { TestGateway } from "../harness";
import { reconcile, startLoad } from "./load";

/**
 * Faults: the database is killed (SIGKILL, a crash) and stopped (SIGTERM) and restarted while a
 * load of mutations runs. The gateway must report not-ready (503 on /readyz), recover by itself,
 * and no mutation may be half-applied or lost. Runs against a PRIVATE mariadbd started here (the
 * shared server on 3306 is never touched), only when TEST_DATABASE_URL is set and the binaries exist.
 */
const MARIADBD = "/usr/sbin/mariadbd";
const INSTALL_DB = ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db"].find((p) => existsSync(p));
const skipReason = !process.env.TEST_DATABASE_URL
  ? "TEST_DATABASE_URL is not set (this test runs with the MariaDB suite)"
  : !existsSync(MARIADBD) || !INSTALL_DB
    ? `${MARIADBD} or mariadb-install-db is not installed`
    : null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class PrivateMariaDb {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), "arbetsliv-faults-"));
  constructor(readonly port: number) {}

  get url(): string {
    return `mariadb://root@127.0.0.1:${this.port}/arbetsliv_faults`;
  }

  async install(): Promise<void> {
    await promisify(execFile)(INSTALL_DB!, ["--no-defaults", "--user=root", `--datadir=${join(this.dir, "data")}`, "--auth-root-authentication-method=normal", "--skip-test-db"], { timeout: 120_000 });
  }

  async start(): Promise<void> {
    this.child = spawn(
      MARIADBD,
      [
        "--no-defaults",
        "--user=root",
        `--datadir=${join(this.dir, "data")}`,
        `--port=${this.port}`,
        "--bind-address=127.0.0.1",
        `--socket=${join(this.dir, "sock")}`,
        `--pid-file=${join(this.dir, "pid")}`,
        `--log-error=${join(this.dir, "error.log")}`,
        "--skip-grant-tables",
        "--innodb-buffer-pool-size=64M",
      ],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        // A harmless statement through a real connection: the server accepts SQL.
        await dropDatabase(`mariadb://root@127.0.0.1:${this.port}/arbetsliv_ping`);
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`private mariadbd did not start; see ${join(this.dir, "error.log")}`);
  }

  /** SIGKILL = a crash; SIGTERM = a clean shutdown. Resolves when the process has exited. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  async destroy(): Promise<void> {
    await this.stop("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}

(skipReason ? describe.skip : describe)("database restarts under load (private mariadbd)", () => {
  let db: PrivateMariaDb;
  let gw: TestGateway;
  const readiness: { at: number; status: number }[] = [];
  let polling = true;
  let poller: Promise<void>;
  const started = Date.now();

  beforeAll(async () => {
    db = new PrivateMariaDb(await freePort());
    await db.install();
    await db.start();
    await recreateDatabase(db.url);
    gw = await TestGateway.start({ DATABASE_URL: db.url });
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
    throw new Error(`/readyz did not become ${status} within ${timeoutMs} ms`);
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
    expect(failedCodes.every((c) => c === "INTERNAL_SERVER_ERROR" || c === undefined)).toBe(true);

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
