import { execFileSync } from "node:child_process";

/** Which commit's schema the current one is compared with, and why (printed, so a run explains itself). */
export type Base = { commit: string; reason: string } | { commit: null; reason: string };

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 << 20,
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * The base, by one rule:
 * 1. `--base <rev>` (or SCHEMA_BASE_REF) if given — a CI that receives several commits in one
 *    push passes the commit before the push, a release passes the last release's tag;
 * 2. else, when HEAD has commits its upstream (`@{upstream}`, e.g. origin/main) lacks, the
 *    merge base with it: every commit not yet landed is checked at once;
 * 3. else HEAD~1: HEAD has landed (CI on a clone of main) and is the change being checked.
 * The root commit has no base (nothing to compare); a shallow clone without HEAD~1 is an error,
 * never a silent pass.
 */
export function resolveBase(cwd: string, explicit?: string): Base {
  if (explicit) {
    const commit = git(cwd, ["rev-parse", "--verify", "--quiet", `${explicit}^{commit}`]);
    if (!commit) throw new Error(`--base ${explicit} is not a commit in this repository.`);
    return { commit, reason: `${explicit} (given)` };
  }
  const upstream = git(cwd, ["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]);
  if (upstream && Number(git(cwd, ["rev-list", "--count", `${upstream}..HEAD`])) > 0) {
    const commit = git(cwd, ["merge-base", "HEAD", upstream]);
    if (commit) return { commit, reason: `the merge base with ${upstream} (commits not on ${upstream} are checked)` };
  }
  const parent = git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD~1^{commit}"]);
  if (parent) return { commit: parent, reason: "HEAD~1 (the previous commit)" };
  if (git(cwd, ["rev-parse", "--is-shallow-repository"]) === "true") {
    throw new Error(
      "HEAD~1 is missing from this shallow clone: fetch more history (git fetch --deepen=1) or pass --base.",
    );
  }
  return { commit: null, reason: "HEAD is the first commit: nothing to compare with" };
}

export function repositoryRoot(cwd: string): string | null {
  return git(cwd, ["rev-parse", "--show-toplevel"]);
}

/** A file's text at a commit, or null if the commit does not have it. */
export function fileAt(cwd: string, commit: string, pathFromRoot: string): string | null {
  return git(cwd, ["show", `${commit}:${pathFromRoot}`]);
}
