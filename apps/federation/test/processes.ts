import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { resolve } from "node:path";
import { signDevelopmentToken } from "@arbetsliv/core";

/** The built programs the topology runs (`pnpm test` builds them first: turbo.json). */
export const MONOLITH_MAIN = resolve(__dirname, "../../gateway/dist/main.js");
export const SUBGRAPH_MAIN = resolve(__dirname, "../dist/subgraph-main.js");
export const FEDERATED_GATEWAY_MAIN = resolve(__dirname, "../dist/gateway-main.js");

/** Production mode with test-only secrets (never used outside tests). */
export const PRODUCTION_TEST_ENV = {
  NODE_ENV: "production",
  AUTH_JWT_SECRET: "production-test-secret-0123456789-abcdefghij",
  ACCESS_LOG_KEY: "production-test-access-log-key-0123456789-abc",
  GATEWAY_SUBGRAPH_SECRET: "federation-test-subgraph-secret-0123456789-abcdef",
  HOST: "127.0.0.1",
  PORT: "0",
  LOG_LEVEL: "info",
  RATE_LIMIT_PER_MINUTE: "0",
} as const;

/** One built program as a child process, its JSON log lines collected. */
export class NodeProcess {
  readonly lines: string[] = [];
  stderr = "";
  readonly exited: Promise<number | null>;
  private waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    let pending = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true));
      }
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((done) => child.once("exit", (code) => done(code)));
  }

  static spawn(name: string, main: string, env: Record<string, string>): NodeProcess {
    return new NodeProcess(
      name,
      spawn(process.execPath, [main], {
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
  }

  /** The `url` field of the first log line with `message`; rejects with the output if the process exits first. */
  async urlWhenLogged(message: string, timeoutMs: number): Promise<string> {
    const logged = new Promise<string>((resolveLine, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no "${message}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const test = (l: string) => l.includes(`"message":"${message}"`);
      const seen = this.lines.find(test);
      if (seen) return (clearTimeout(timer), resolveLine(seen));
      this.waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolveLine(l)) });
    });
    const outcome = await Promise.race([logged, this.exited.then((code) => ({ code }))]);
    if (typeof outcome !== "string")
      throw new Error(`${this.name} exited (${outcome.code}) at start:\n${this.stderr}\n${this.lines.join("\n")}`);
    return (JSON.parse(outcome) as { url: string }).url;
  }

  /** SIGTERM, then waits for the exit (its pid only). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    await this.exited;
  }
}

export function token(scopes: string[], subject = "parity-user"): Promise<string> {
  return signDevelopmentToken(PRODUCTION_TEST_ENV.AUTH_JWT_SECRET, { sub: subject, scopes });
}

export interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

export async function post(
  baseUrl: string,
  query: string,
  options: { scopes?: string[]; variables?: Record<string, unknown> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.scopes) headers.authorization = `Bearer ${await token(options.scopes)}`;
  const r = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: r.status, body: (await r.json()) as Answer["body"] };
}

/** A port nothing listens on right now (the kernel's choice on loopback), for a program that needs one named. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether Debian's haproxy is on the PATH (the cluster's front). */
export function haproxyInstalled(): boolean {
  return !spawnSync("haproxy", ["-v"], { stdio: "ignore" }).error;
}
