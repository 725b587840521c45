import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccessAction, AccessLogEntry, coreModule } from "../src";
import { createDataSource, inTransaction } from "../src/data";
import type { DataSource } from "typeorm";

/**
 * The embedded default keeps its database in a file that sql.js rewrites whole. What a commit
 * changed must be in the file before the commit returns — even when another caller read in the
 * meantime — and nothing that changed no row may rewrite it.
 */
(process.env.TEST_DATABASE_URL ? describe.skip : describe)("the embedded database file", () => {
  let dir: string;
  let file: string;
  let ds: DataSource;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arbetsliv-file-"));
    file = join(dir, "db.sqlite");
    ds = createDataSource({ kind: "sqljs", file }, { modules: [coreModule], synchronize: true });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a new process would find: a copy of the file, opened on its own. */
  async function rowsOnDisk(): Promise<number> {
    const copy = join(dir, "copy.sqlite");
    copyFileSync(file, copy);
    const reader = createDataSource({ kind: "sqljs", file: copy }, { modules: [coreModule], synchronize: false });
    await reader.initialize();
    try {
      return await reader.manager.count(AccessLogEntry);
    } finally {
      await reader.destroy();
    }
  }

  const entry = (operation: string) => ({
    occurredAt: new Date(),
    actor: "tester",
    requestId: null,
    action: AccessAction.CREATE,
    operation,
    domain: "core",
    recordType: "Test",
    recordIds: ["1"],
    subjectKeys: null,
  });

  it("has the schema on disk after start", async () => {
    expect(await rowsOnDisk()).toBe(0);
  });

  it("writes a commit to the file before it returns, even when another caller read meanwhile", async () => {
    await inTransaction(ds, async (manager) => {
      await manager.insert(AccessLogEntry, entry("Mutation.first"));
      // Another request's plain read, while this transaction is open (sql.js has one connection).
      await ds.manager.count(AccessLogEntry);
    });
    expect(await rowsOnDisk()).toBe(1);
  });

  it("does not rewrite the file for read-only transactions or reads", async () => {
    const before = statSync(file).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 5; i++) {
      await inTransaction(ds, (manager) => manager.count(AccessLogEntry));
      await ds.manager.find(AccessLogEntry);
    }
    expect(statSync(file).mtimeMs).toBe(before);
    await inTransaction(ds, (manager) => manager.insert(AccessLogEntry, entry("Mutation.second")));
    expect(await rowsOnDisk()).toBe(2);
  });
});
