import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const CLI = resolve(__dirname, "../dist/cli/supergraph.js");
const CHECKED_IN = resolve(__dirname, "../supergraph.graphql");

async function check(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, "--check"], {
      env: { PATH: process.env.PATH ?? "", SUPERGRAPH_FILE: file },
    });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** `pnpm supergraph:check`: the subgraphs compose, and into exactly the checked-in supergraph. */
describe("supergraph:check", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "arbetsliv-supergraph-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes on the checked-in supergraph", async () => {
    const file = join(dir, "same.graphql");
    copyFileSync(CHECKED_IN, file);
    const r = await check(file);
    expect(r.output).toContain("matches");
    expect(r.code).toBe(0);
  }, 60_000);

  it("fails, naming the line, when the composed schema differs from the file", async () => {
    const file = join(dir, "changed.graphql");
    const lines = readFileSync(CHECKED_IN, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes("placementCosts("));
    expect(at).toBeGreaterThan(0);
    lines.splice(at, 1, lines[at].replace("placementCosts(", "placementCost("));
    writeFileSync(file, lines.join("\n"));
    const r = await check(file);
    expect(r.code).toBe(1);
    expect(r.output).toContain(`first difference at line ${at + 1}`);
    expect(r.output).toContain("pnpm supergraph:print");
  }, 60_000);
});
