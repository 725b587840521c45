import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { type DomainModule } from "@arbetsliv/core";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import type { GatewayProcess } from "../process-gateway";
import { rawRequest } from "./helpers";

/**
 * Reads the database of a gateway child process from the test, to prove that a refused call
 * wrote nothing. MariaDB: a second connection to the process's database; each table's row
 * count and highest primary key. sql.js: the process owns the file and rewrites all of it
 * (22 MB with the demo data) on every write, also after a rollback — hashing it per call is
 * too slow and can catch a write half done — so the fingerprint is the access log as the
 * gateway answers it (every change writes its entry in the change's transaction: a refused
 * mutation that committed anything shows there); row counts read a copy of the file when idle.
 */
export class ProcessDatabase {
  private constructor(
    private readonly gw: GatewayProcess,
    private readonly modules: readonly DomainModule[],
    private readonly ds: DataSource | null,
    private readonly auditToken: string,
  ) {}

  /** sql.js: the copy of the process's file that `query` reads (see there). */
  private copy: { ds: DataSource; dir: string } | null = null;

  static async open(gw: GatewayProcess, modules: readonly DomainModule[]): Promise<ProcessDatabase> {
    const auditToken = await gw.token(["audit:read"], "fuzz-auditor");
    const url = gw.env.DATABASE_URL;
    if (!url) return new ProcessDatabase(gw, modules, null, auditToken);
    const ds = createDataSource(mysqlConfig(url), { modules, poolSize: 2 });
    await ds.initialize();
    return new ProcessDatabase(gw, modules, ds, auditToken);
  }

  /**
   * MariaDB: changes when any table gains a row, or the access log an entry that is not an
   * inquiry (a committed update writes one). sql.js: changes when any change commits. A refused
   * call may leave an INQUIRY entry: relationsvåld logs who learned that a person is registered.
   */
  async fingerprint(): Promise<string> {
    if (this.ds) return JSON.stringify(await this.ds.query(fingerprintQuery(this.ds)));
    const r = await rawRequest(this.gw.url, {
      body: JSON.stringify({ query: CHANGES_IN_ACCESS_LOG }),
      headers: { authorization: `Bearer ${this.auditToken}` },
    });
    if (r.codes.length || !r.json?.data) throw new Error(`the access log did not answer: ${r.text.slice(0, 200)}`);
    return JSON.stringify(r.json.data);
  }

  /** Row counts of the given tables. */
  async rowCounts(tables: string[]): Promise<Record<string, number>> {
    if (this.ds) return counts(this.ds, tables);
    const dir = mkdtempSync(join(tmpdir(), "arbetsliv-copy-"));
    try {
      const file = join(dir, "copy.sqlite");
      copyFileSync(this.gw.env.DB_FILE, file);
      const ds = createDataSource({ kind: "sqljs", file }, { modules: this.modules, synchronize: false });
      await ds.initialize();
      try {
        return await counts(ds, tables);
      } finally {
        await ds.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * A read-only SQL statement on the process's database. MariaDB: on the second connection, live.
   * sql.js: on a copy of the file taken at the first call (or after `refreshCopy()`): take it while
   * the process is idle; writes the process makes later are not seen until `refreshCopy()`.
   */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    if (this.ds) return (await this.ds.query(sql)) as Record<string, unknown>[];
    if (!this.copy) {
      const dir = mkdtempSync(join(tmpdir(), "arbetsliv-copy-"));
      const file = join(dir, "copy.sqlite");
      copyFileSync(this.gw.env.DB_FILE, file);
      const ds = createDataSource({ kind: "sqljs", file }, { modules: this.modules, synchronize: false });
      await ds.initialize();
      this.copy = { ds, dir };
    }
    return (await this.copy.ds.query(sql)) as Record<string, unknown>[];
  }

  /** sql.js: the next `query` reads a fresh copy of the file. */
  async refreshCopy(): Promise<void> {
    const copy = this.copy;
    this.copy = null;
    if (copy) {
      if (copy.ds.isInitialized) await copy.ds.destroy();
      rmSync(copy.dir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await this.refreshCopy();
    if (this.ds?.isInitialized) await this.ds.destroy();
  }
}

/** Entries of changes (not reads or inquiries), counted per action, and the newest of each. */
const CHANGES_IN_ACCESS_LOG = `{ ${["CREATE", "UPDATE", "DELETE"].map((a) => `${a.toLowerCase()}: accessLog(first: 1, filter: { action: ${a} }) { totalCount nodes { id } }`).join(" ")} }`;

/**
 * One statement: the highest key of every table with a single-column key (an insert anywhere
 * changes it; cheap on InnoDB, where COUNT(*) would scan), the row count of the small summary
 * tables with composite keys, and the newest access-log entry that is not an inquiry.
 */
function fingerprintQuery(ds: DataSource): string {
  const q = ds.driver.escape.bind(ds.driver);
  const log = `(SELECT MAX(${q("id")}) FROM ${q("access_log")} WHERE ${q("action")} <> 'INQUIRY') AS changes_logged`;
  const parts = ds.entityMetadatas
    .filter((m) => m.tableName !== "access_log")
    .slice()
    .sort((a, b) => a.tableName.localeCompare(b.tableName))
    .map((m, i) => {
      const value = m.primaryColumns.length === 1 ? `MAX(${q(m.primaryColumns[0].databaseName)})` : "COUNT(*)";
      return `(SELECT ${value} FROM ${q(m.tableName)}) AS f${i}`;
    });
  return `SELECT ${[...parts, log].join(", ")}`;
}

async function counts(ds: DataSource, tables: string[]): Promise<Record<string, number>> {
  const q = ds.driver.escape.bind(ds.driver);
  const rows = (await ds.query(
    `SELECT ${tables.map((t, i) => `(SELECT COUNT(*) FROM ${q(t)}) AS c${i}`).join(", ")}`,
  )) as Record<string, unknown>[];
  return Object.fromEntries(tables.map((t, i) => [t, Number(rows[0][`c${i}`])]));
}
