import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { signDevelopmentToken } from "@arbetsliv/core";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";

/** The built gateway (`pnpm build` first), the program `pnpm start` runs. */
const GATEWAY_MAIN = join(dirname(require.resolve("@arbetsliv/gateway/package.json")), "dist/main.js");
const SECRET = "client-test-secret-0123456789-abcdefghijkl";

/**
 * The built gateway as a child process in production mode with the demo data, on a fresh
 * database: a new MariaDB database when TEST_DATABASE_URL is set, else an embedded sql.js file.
 * The same way apps/gateway/test/process-gateway.ts starts it, cut down to what a client needs.
 */
export class GatewayProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  /** `env` adds to the environment (e.g. TRUSTED_DOCUMENTS). */
  static async start(timeoutMs = 120_000, env: Record<string, string> = {}): Promise<GatewayProcess> {
    const dir = mkdtempSync(join(tmpdir(), "arbetsliv-client-"));
    let databaseUrl: string | null = null;
    if (process.env.TEST_DATABASE_URL) {
      const { database } = splitMysqlUrl(process.env.TEST_DATABASE_URL);
      databaseUrl = withDatabase(process.env.TEST_DATABASE_URL, `${database}_client_${randomBytes(3).toString("hex")}`);
      await recreateDatabase(databaseUrl);
    }
    const cleanup = async () => {
      rmSync(dir, { recursive: true, force: true });
      if (databaseUrl) await dropDatabase(databaseUrl);
    };
    const child = spawn(process.execPath, [GATEWAY_MAIN], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        AUTH_JWT_SECRET: SECRET,
        ACCESS_LOG_KEY: "client-test-access-log-key-0123456789-abcdef",
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "info",
        DEMO_SEED: "true",
        RATE_LIMIT_PER_MINUTE: "0",
        ...(databaseUrl
          ? { DATABASE_URL: databaseUrl }
          : { DB_FILE: join(dir, "arbetsliv.sqlite"), DB_ALLOW_EMBEDDED: "true" }),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await startedUrl(child, timeoutMs);
      return new GatewayProcess(child, url, cleanup);
    } catch (e) {
      child.kill("SIGKILL");
      await cleanup();
      throw e;
    }
  }

  token(scopes: string[]): Promise<string> {
    return signDevelopmentToken(SECRET, { sub: "client-test-user", scopes });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      await exited;
    }
    await this.cleanup();
  }
}

/** Waits for the "gateway started" log line and returns the endpoint it names. */
function startedUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    let stderr = "";
    const timer = setTimeout(
      () => reject(new Error(`the gateway did not start in ${timeoutMs} ms:\n${output}${stderr}`)),
      timeoutMs,
    );
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const line = output.split("\n").find((l) => l.includes('"gateway started"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited at start (${code}):\n${stderr}\n${output}`));
    });
  });
}
