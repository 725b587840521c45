import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** The repository root, where a user types `pnpm …`. */
export const REPO_ROOT = resolve(__dirname, "../../../..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program as a user would, as a child process (asynchronously, so servers in the test
 * process keep answering), and collects its output. Rejects if it runs past the timeout.
 */
export function run(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`${command} ${args.join(" ")} ran past ${options.timeoutMs ?? 120_000} ms:\n${stdout}\n${stderr}`),
      );
    }, options.timeoutMs ?? 120_000);
    child.on("error", (e) => (clearTimeout(timer), reject(e)));
    child.on("close", (code) => (clearTimeout(timer), resolvePromise({ code, stdout, stderr })));
  });
}

/** One of the gateway's built command-line programs (`apps/gateway/dist/cli/<name>.js`), run with node. */
export function runBuiltCli(
  name: "retention" | "token" | "migrations-check" | "print-schema",
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return run(process.execPath, [resolve(__dirname, `../../dist/cli/${name}.js`), ...args], { env });
}
