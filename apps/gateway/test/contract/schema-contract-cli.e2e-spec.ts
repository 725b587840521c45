import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run } from "../cli/run-cli";

jest.setTimeout(60_000);

/**
 * The built `pnpm schema:contract` on throw-away git repositories (schemas from SDL strings, never
 * the real file): which commit it compares with, and its exit codes. Build the gateway first.
 */
const cli = resolve(__dirname, "../../dist/cli/schema-contract.js");

const schemaV1 = `"""Root."""\ntype Query {\n  """One."""\n  a: String\n  """Two."""\n  b: String\n}\n`;
const withoutB = `"""Root."""\ntype Query {\n  """One."""\n  a: String\n}\n`;
const withBareC = `${schemaV1.replace("}\n", "")}  c: String\n}\n`;
const withEnumArg = `"""Root."""\ntype Query {\n  """One."""\n  a(\n    """Optional."""\n    x: Int\n  ): String\n  """Two."""\n  b: String\n}\n`;
const unreleased = (...lines: string[]) => `# API changelog\n\n## Unreleased\n\n${lines.join("\n")}\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@x",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@x",
    },
  }).trim();
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "schema-contract-"));
  dirs.push(d);
  return d;
}

function newRepo(): string {
  const repo = tempDir();
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, "schema-undocumented.txt"), "");
  writeFileSync(join(repo, "CHANGELOG.md"), unreleased());
  return repo;
}

function commit(repo: string, files: Record<string, string>, message: string): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(repo, name), text);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
}

const check = (repo: string, ...args: string[]) =>
  run(process.execPath, [cli, "--schema", join(repo, "schema.graphql"), ...args]);

describe("pnpm schema:contract", () => {
  it("compares with HEAD~1 when there is no upstream: an unannounced removal fails, announced passes", async () => {
    const repo = newRepo();
    commit(repo, { "schema.graphql": schemaV1 }, "v1");
    commit(repo, { "schema.graphql": withoutB }, "remove b");
    const failed = await check(repo);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("HEAD~1 (the previous commit)");
    expect(failed.stderr).toContain("Breaking change not announced: Query.b was removed.");
    expect(failed.stderr).toContain("- **Breaking:** `Query.b`");

    writeFileSync(join(repo, "CHANGELOG.md"), unreleased("- **Breaking:** `Query.b` — removed; use `Query.a`."));
    const passed = await check(repo);
    expect({ code: passed.code, stderr: passed.stderr }).toEqual({ code: 0, stderr: "" });
    expect(passed.stdout).toContain("1 breaking change(s), 0 warning(s), 0 error(s)");
  });

  it("with an upstream, checks every commit not on it (not only the last)", async () => {
    const origin = tempDir();
    git(origin, "init", "-q", "--bare", "-b", "main");
    const seed = newRepo();
    commit(seed, { "schema.graphql": schemaV1 }, "v1");
    git(seed, "push", "-q", origin, "main");
    const clone = tempDir();
    git(clone, "clone", "-q", origin, ".");
    commit(clone, { "schema.graphql": withoutB }, "remove b");
    commit(clone, { "README.md": "unrelated\n" }, "docs");

    const r = await check(clone);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("the merge base with origin/main");
    expect(r.stderr).toContain("Query.b was removed.");

    // Once pushed, HEAD is on the upstream: the rule falls back to HEAD~1 (the docs commit).
    git(clone, "push", "-q", "origin", "main");
    const landed = await check(clone);
    expect(landed.code).toBe(0);
    expect(landed.stdout).toContain("HEAD~1 (the previous commit)");
  });

  it("--base wins over the default rule", async () => {
    const repo = newRepo();
    commit(repo, { "schema.graphql": schemaV1 }, "v1");
    git(repo, "tag", "api-v1");
    commit(repo, { "schema.graphql": withoutB }, "remove b");
    commit(repo, { "README.md": "unrelated\n" }, "docs");
    expect((await check(repo)).code).toBe(0);
    const r = await check(repo, "--base", "api-v1");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("api-v1 (given)");
    expect((await check(repo, "--base", "no-such-ref")).stderr).toContain("--base no-such-ref is not a commit");
  });

  it("warns on a dangerous change and passes", async () => {
    const repo = newRepo();
    commit(repo, { "schema.graphql": schemaV1 }, "v1");
    commit(repo, { "schema.graphql": withEnumArg }, "optional arg");
    const r = await check(repo);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain("warning: Dangerous change (clients may behave differently): Query.a(x:)");
  });

  it("refuses a mistyped flag with the usage (exit 2) and writes nothing", async () => {
    const repo = newRepo();
    commit(repo, { "schema.graphql": withBareC }, "first");
    const r = await check(repo, "--write-undocumnted");
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expect(r.stderr).toContain("Unknown option '--write-undocumnted'");
    expect(r.stderr).toContain("Usage: pnpm schema:contract");
    expect(git(repo, "status", "--porcelain")).toBe("");
  });

  it("fails a new undocumented field, and passes the first commit with nothing to compare", async () => {
    const repo = newRepo();
    commit(repo, { "schema.graphql": withBareC }, "first");
    const r = await check(repo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Breaking changes: not checked — HEAD is the first commit");
    expect(r.stderr).toContain("Query.c has no description");

    expect((await check(repo, "--write-undocumented")).code).toBe(0);
    expect((await check(repo)).code).toBe(0);
  });
});
