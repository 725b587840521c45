import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { signDevelopmentToken } from "@arbetsliv/core";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";

/**
 * The built gateway, the program `pnpm start` runs. `pnpm test` builds it first (turbo.json).
 * GATEWAY_MAIN_UNDER_TEST points the suites at another build (e.g. to see a regression test fail on the code before a fix).
 */
export const GATEWAY_MAIN = process.env.GATEWAY_MAIN_UNDER_TEST ?? resolve(__dirname, "../dist/main.js");

/** Secrets a production-mode gateway is started with in tests (never used outside tests). */
export const PRODUCTION_TEST_ENV = {
  NODE_ENV: "production",
  AUTH_JWT_SECRET: "production-test-secret-0123456789-abcdefghij",
  ACCESS_LOG_KEY: "production-test-access-log-key-0123456789-abc",
} as const;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GatewayProcessOptions {
  /** "production" (default) or "development". */
  mode?: "production" | "development";
  /** Extra environment; wins over the defaults below. */
  env?: Record<string, string>;
  /** Load the demo data (default true). */
  demoSeed?: boolean;
  /** How long to wait for "gateway started" (default 120 s: demo data on MariaDB takes a while). */
  startTimeoutMs?: number;
  /** Load test probes into the process (test/process-probes.js): see `probe()`. */
  probes?: boolean;
}

/** Test-only instrumentation preloaded with `node --require` when `probes` is set. */
export const PROCESS_PROBES = resolve(__dirname, "process-probes.js");

/**
 * The built gateway as a real child process — production mode by default — on a fresh database:
 * a new MariaDB database when TEST_DATABASE_URL is set (migrations run at start), else an
 * embedded sql.js file in a temporary folder. Crashes, hangs and signal handling only show here,
 * never in-process under NODE_ENV=test.
 */
export class GatewayProcess {
  /** Every stdout line (the gateway's JSON log). */
  readonly logLines: string[] = [];
  /** Everything written to stderr. */
  stderr = "";
  /** Resolves when the process exits, however it exits. */
  readonly exited: Promise<ProcessExit>;
  private exit: ProcessExit | null = null;
  private lineWaiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  url = "";

  private constructor(
    readonly child: ChildProcess,
    readonly env: Record<string, string>,
    private readonly cleanup: () => Promise<void>,
  ) {
    let pending = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        this.logLines.push(line);
        this.lineWaiters = this.lineWaiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
      }
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve((this.exit = { code, signal }))),
    );
  }

  /** Starts the gateway and waits until it is ready ("gateway started"); rejects with its output if it exits first. */
  static async start(options: GatewayProcessOptions = {}): Promise<GatewayProcess> {
    const gw = await GatewayProcess.launch(options);
    try {
      await gw.waitUntilStarted(options.startTimeoutMs ?? 120_000);
    } catch (e) {
      if (gw.alive) await gw.signal("SIGKILL");
      await gw.cleanup();
      throw e;
    }
    return gw;
  }

  /**
   * Spawns the gateway and returns at once, without waiting for it to listen (for tests of the start
   * itself: a failing start, the answers while it migrates). Call `stop()` afterwards in any case:
   * it also removes the database.
   */
  static async launch(options: GatewayProcessOptions = {}): Promise<GatewayProcess> {
    const mode = options.mode ?? "production";
    const dir = mkdtempSync(join(tmpdir(), "arbetsliv-gw-"));
    let databaseUrl: string | null = null;
    if (process.env.TEST_DATABASE_URL) {
      const { database } = splitMysqlUrl(process.env.TEST_DATABASE_URL);
      databaseUrl = withDatabase(
        process.env.TEST_DATABASE_URL,
        `${database}_proc_${process.pid}_${randomBytes(3).toString("hex")}`,
      );
      await recreateDatabase(databaseUrl);
    }
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      ...(mode === "production" ? PRODUCTION_TEST_ENV : { NODE_ENV: "development" }),
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "info",
      DEMO_SEED: String(options.demoSeed ?? true),
      RATE_LIMIT_PER_MINUTE: "0",
      ...(databaseUrl
        ? { DATABASE_URL: databaseUrl }
        : { DB_FILE: join(dir, "arbetsliv.sqlite"), DB_ALLOW_EMBEDDED: "true" }),
      ...options.env,
    };
    const nodeArgs = options.probes ? ["--require", PROCESS_PROBES] : [];
    const child = spawn(process.execPath, [...nodeArgs, GATEWAY_MAIN], {
      env,
      stdio: [options.probes ? "pipe" : "ignore", "pipe", "pipe"],
    });
    let cleaned = false;
    return new GatewayProcess(child, env, async () => {
      if (cleaned) return;
      cleaned = true;
      rmSync(dir, { recursive: true, force: true });
      if (databaseUrl) await dropDatabase(databaseUrl);
    });
  }

  /** Waits for the log line `line` matches (e.g. "gateway started") and takes the url from it; rejects if the process exits first. */
  async waitUntilStarted(timeoutMs = 120_000, line = '"gateway started"'): Promise<void> {
    const started = this.waitForLog((l) => l.includes(line), timeoutMs);
    const outcome = await Promise.race([started.then((found) => ({ found })), this.exited.then((exit) => ({ exit }))]);
    if ("exit" in outcome) {
      throw new Error(
        `the gateway exited at start (${JSON.stringify(outcome.exit)}):\n${this.stderr}\n${this.logLines.join("\n")}`,
      );
    }
    this.url = (JSON.parse(outcome.found) as { url: string }).url.replace(/\/graphql$/, "");
  }

  /**
   * Runs a probe command in a process started with `probes: true` (see test/process-probes.js) and
   * returns its answer line: "statements" → `{ statements }` (SQL statements run so far),
   * "reject" → an unhandled promise rejection, "throw" → an uncaught exception.
   */
  async probe(command: "statements" | "reject" | "throw"): Promise<Record<string, unknown>> {
    if (!this.child.stdin) throw new Error("start the process with probes: true");
    const id = `${command}-${randomBytes(4).toString("hex")}`;
    const answer = this.waitForLog((l) => l.includes('"test probe"') && l.includes(`"${id}"`));
    this.child.stdin.write(`${command} ${id}\n`);
    return JSON.parse(await answer) as Record<string, unknown>;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Still running? */
  get alive(): boolean {
    return this.exit === null;
  }

  /** A token signed with the secret the process was started with (valid 8 h, or `expiresIn`, e.g. "3s"). */
  token(scopes: string[], subject = "process-test-user", expiresIn?: string): Promise<string> {
    const secret = this.env.AUTH_JWT_SECRET ?? "arbetsliv-development-secret-not-for-production";
    return signDevelopmentToken(secret, { sub: subject, scopes }, expiresIn);
  }

  /** The first log line (already written or still to come) that passes the test. */
  waitForLog(test: (line: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const seen = this.logLines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching log line within ${timeoutMs} ms:\n${this.logLines.slice(-20).join("\n")}\n${this.stderr}`,
            ),
          ),
        timeoutMs,
      );
      this.lineWaiters.push({ test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  }

  /** Parsed JSON log lines (lines that are not JSON are skipped). */
  logEntries(): Record<string, unknown>[] {
    return this.logLines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** Sends a signal and waits for the exit, or gives up after the timeout (null = still running). */
  async signal(signal: NodeJS.Signals, timeoutMs = 20_000): Promise<ProcessExit | null> {
    if (!this.alive) return this.exit;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const exit = await Promise.race([
      this.exited,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
    ]);
    clearTimeout(timer);
    return exit;
  }

  /** Stops the process (SIGTERM, then SIGKILL) and removes its database. */
  async stop(): Promise<void> {
    if (this.alive && (await this.signal("SIGTERM")) === null) await this.signal("SIGKILL");
    await this.cleanup();
  }
}
