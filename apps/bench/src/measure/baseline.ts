import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** An older build of the gateway, checked out beside the working tree. */
export interface Baseline {
  ref: string;
  commit: string;
  /** The worktree's root. */
  dir: string;
  /** The old gateway package's built entry (apps/gateway/dist/index.js). */
  gatewayEntry: string;
}

const REPO_ROOT = resolve(__dirname, "..", "..", "..", "..");

function run(cmd: string, args: string[], cwd: string, say: (line: string) => void): string {
  say(`baseline: ${cmd} ${args.join(" ")}`);
  return execFileSync(cmd, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Checks `ref` out in a temporary git worktree (one per commit, reused by later runs), installs
 * its dependencies from its own lockfile and builds its gateway with its packages. The working
 * tree is never touched: the worktree is a separate directory that shares only the git objects.
 */
export function prepareBaseline(ref: string, say: (line: string) => void): Baseline {
  const commit = run("git", ["rev-parse", "--verify", `${ref}^{commit}`], REPO_ROOT, say).trim();
  const dir = join(tmpdir(), `arbetsliv-bench-baseline-${commit.slice(0, 7)}`);
  const gatewayEntry = join(dir, "apps", "gateway", "dist", "index.js");
  if (!existsSync(join(dir, ".git"))) run("git", ["worktree", "add", "--detach", dir, commit], REPO_ROOT, say);
  if (!existsSync(gatewayEntry)) {
    run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], dir, say);
    run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@arbetsliv/gateway...", "--output-logs=errors-only"],
      dir,
      say,
    );
  }
  if (!existsSync(gatewayEntry)) throw new Error(`baseline ${ref}: the build left no ${gatewayEntry}`);
  return { ref, commit, dir, gatewayEntry };
}
