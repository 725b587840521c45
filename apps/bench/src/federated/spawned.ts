import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Child } from "../measure/servers";

/** The `url` of the first JSON log line with `message`, or undefined. */
function loggedUrl(logFile: string, message: string): string | undefined {
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.includes(`"message":"${message}"`)) continue;
    try {
      return (JSON.parse(line) as { url?: string }).url;
    } catch {
      /* a partial line: read again */
    }
  }
  return undefined;
}

/**
 * Starts one of the federated topology's built programs (apps/federation/dist/*-main.js) as it
 * runs in production, its JSON log to a file; ready when it logs `readyMessage` with its URL
 * (these programs have no IPC channel, unlike the bench's own servers).
 */
export async function startProgram(
  name: string,
  main: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  readyMessage: string,
  execArgv: string[] = [],
): Promise<Child> {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, [...execArgv, main], { env, stdio: ["ignore", fd, "inherit"] });
  closeSync(fd);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.once("exit", (code) => {
      exitCode = code;
      done();
    }),
  );
  const started = Date.now();
  let url: string | undefined;
  while (!(url = loggedUrl(logFile, readyMessage))) {
    if (exitCode !== undefined)
      throw new Error(`${name} exited with code ${exitCode} before it was ready (see ${logFile})`);
    if (Date.now() - started > 90_000) throw new Error(`${name} did not start within 90 s (see ${logFile})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url: url.replace(/\/graphql$/, ""),
    pid: child.pid!,
    logFile,
    async stop() {
      if (exitCode !== undefined) return;
      const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(kill);
    },
  };
}
