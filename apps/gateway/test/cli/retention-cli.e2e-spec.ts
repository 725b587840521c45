import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDataSource } from "@arbetsliv/core/data";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { loadConfig } from "../../src/config";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { runBuiltCli } from "./run-cli";

jest.setTimeout(300_000);

/**
 * The built retention program (`pnpm retention`) on a copy of the demo data: it destroys data,
 * so a typo, `--help`, a dry run or a run without `--yes` must leave every row as it was, and only
 * `--yes` may change anything. The database is seeded by starting the built gateway once in
 * development mode.
 */
interface Plan {
  dryRun: boolean;
  today: string;
  actions: { domain: string; recordType: string; count: number }[];
}

describe(`pnpm retention on ${testDatabaseKind()}`, () => {
  let dir: string;
  let databaseUrl: string | null = null;
  let dbEnv: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arbetsliv-retention-cli-"));
    if (process.env.TEST_DATABASE_URL) {
      const { database } = splitMysqlUrl(process.env.TEST_DATABASE_URL);
      databaseUrl = withDatabase(
        process.env.TEST_DATABASE_URL,
        `${database}_retcli_${process.pid}_${randomBytes(3).toString("hex")}`,
      );
      await recreateDatabase(databaseUrl);
      dbEnv = { DATABASE_URL: databaseUrl };
    } else {
      dbEnv = { DB_FILE: join(dir, "arbetsliv.sqlite") };
    }
    const seeder = await GatewayProcess.start({ mode: "development", env: dbEnv });
    await seeder.stop();
  });
  afterAll(async () => {
    if (databaseUrl) await dropDatabase(databaseUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A hash of every row of every table, and the row counts. */
  async function snapshot(): Promise<{ hash: Record<string, string>; rows: Record<string, number> }> {
    const ds = createDataSource(loadConfig({ NODE_ENV: "development", ...dbEnv }).database, {
      modules,
      synchronize: false,
    });
    await ds.initialize();
    try {
      const hash: Record<string, string> = {};
      const rows: Record<string, number> = {};
      for (const m of ds.entityMetadatas) {
        const order = m.primaryColumns.map((c) => ds.driver.escape(c.databaseName)).join(", ");
        const all: unknown[] = await ds.query(
          `SELECT * FROM ${ds.driver.escape(m.tableName)}${order ? ` ORDER BY ${order}` : ""}`,
        );
        hash[m.tableName] = createHash("sha256").update(JSON.stringify(all)).digest("hex");
        rows[m.tableName] = all.length;
      }
      return { hash, rows };
    } finally {
      await ds.destroy();
    }
  }

  const retention = (args: string[], env: Record<string, string> = {}) =>
    runBuiltCli("retention", args, { NODE_ENV: "development", ...dbEnv, ...env });

  it("changes nothing on --help, a mistyped flag, a dry run, a run without --yes or a date ahead; only --yes carries out the plan", async () => {
    const before = await snapshot();
    expect(before.rows.deletion_log ?? 0).toBe(0);

    // --help: the usage, exit 0.
    const help = await retention(["--", "--help"]);
    expect({ code: help.code, stderr: help.stderr }).toEqual({ code: 0, stderr: "" });
    expect(help.stdout).toContain("Usage: pnpm retention -- [--dry-run | --yes] [--today YYYY-MM-DD]");

    // Typos and stray words: refused with the usage on stderr, exit 2.
    for (const args of [
      ["--", "--dryrun"],
      ["--dryrun"],
      ["--dry-run", "now"],
      ["--today"],
      ["--dry-run", "--yes"],
      ["--today", "2021-13-45", "--dry-run"],
      ["-y"],
    ]) {
      const r = await retention(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
      expect(r.stderr).toContain("Usage: pnpm retention");
    }

    // A date ahead of today is refused outside tests.
    const ahead = await retention(["--dry-run", "--today", "2099-01-01"]);
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain("--today 2099-01-01 is later than today");

    // A dry run (pnpm's "--" in front, as `pnpm retention -- --dry-run` passes it): the plan, exit 0.
    const dry = await retention(["--", "--dry-run"]);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as Plan;
    expect(plan.dryRun).toBe(true);
    const due = plan.actions.reduce((n, a) => n + a.count, 0);
    expect(due).toBeGreaterThan(0);

    // No flag: the same plan, then exit 3 and how to confirm.
    const unconfirmed = await retention([]);
    expect(unconfirmed.code).toBe(3);
    expect(JSON.parse(unconfirmed.stdout)).toEqual(plan);
    expect(unconfirmed.stderr).toContain(
      `Nothing was changed. ${due} records are due (above). To carry this out: pnpm retention -- --yes`,
    );

    // Tests (NODE_ENV=test) may look ahead: still a dry run.
    const testAhead = await retention(["--dry-run", "--today", "2099-01-01"], { NODE_ENV: "test" });
    expect(testAhead.code).toBe(0);
    expect((JSON.parse(testAhead.stdout) as Plan).actions.reduce((n, a) => n + a.count, 0)).toBeGreaterThanOrEqual(due);

    expect(await snapshot()).toEqual(before);
    console.warn(
      `[figures] retention CLI on ${testDatabaseKind()}: ${due} records due (${plan.actions.map((a) => `${a.domain}/${a.recordType} ${a.count}`).join(", ")}); 12 refused or report-only runs changed 0 rows`,
    );

    // --yes: carries out exactly the plan.
    const real = await retention(["--yes"]);
    expect({ code: real.code, stderr: real.stderr }).toEqual({ code: 0, stderr: "" });
    const done = JSON.parse(real.stdout) as Plan;
    expect({ ...done, dryRun: true }).toEqual(plan);
    const after = await snapshot();
    expect(after.hash).not.toEqual(before.hash);
    expect(after.rows.deletion_log).toBe(plan.actions.length);

    // Nothing is due any more.
    const again = await retention(["--dry-run"]);
    expect((JSON.parse(again.stdout) as Plan).actions).toEqual([]);
  });
});
