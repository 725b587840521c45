import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GATEWAY_DIST } from "./paths";

/** The built gateway (apps/gateway/dist/main.js), started as a child process on the embedded demo database. */
export const GATEWAY_MAIN = join(GATEWAY_DIST, "main.js");
export const GATEWAY_TOKEN_CLI = join(GATEWAY_DIST, "cli/token.js");

/** Every `:stats` scope: what a board member's token holds (no person data, disclosure control on). */
export const STATS_SCOPES = [
  "synpunkter:stats",
  "relationsvald:stats",
  "donationsfonder:stats",
  "iop:stats",
  "ekonomiskt-bistand:stats",
];

export interface GatewayChild {
  child: ChildProcess;
  url: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface GatewayChildOptions {
  mode: "production" | "development";
  /** 0 picks a free port. */
  port?: number;
  /** Extra environment (e.g. AUTH_JWT_SECRET in production mode). */
  env?: Record<string, string>;
  /** Where the gateway's log goes besides being read for its URL. */
  onLog?: (line: string) => void;
}

/** Starts the gateway on a fresh embedded database with demo data and waits for "gateway started". */
export async function startGateway(options: GatewayChildOptions): Promise<GatewayChild> {
  const dir = mkdtempSync(join(tmpdir(), "arbetsliv-reports-"));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: options.mode,
    HOST: "127.0.0.1",
    PORT: String(options.port ?? 0),
    LOG_LEVEL: "info",
    DEMO_SEED: "true",
    DB_FILE: join(dir, "arbetsliv.sqlite"),
    DB_ALLOW_EMBEDDED: "true",
    RATE_LIMIT_PER_MINUTE: "0",
    ...options.env,
  };
  const child = spawn(process.execPath, [GATEWAY_MAIN], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const url = await new Promise<string>((ok, fail) => {
    let pending = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        options.onLog?.(line);
        if (line.includes('"gateway started"')) ok((JSON.parse(line) as { url: string }).url.replace(/\/graphql$/, ""));
      }
    });
    child.once("exit", (code) => fail(new Error(`the gateway exited at start (code ${code}):\n${stderr}`)));
  });
  return {
    child,
    url,
    env,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
