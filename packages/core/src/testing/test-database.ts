import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource, mysqlConfig } from "../data/data-source";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "../data/mysql-admin";
import type { DomainModule } from "../module/domain-module";
import { coreModule } from "../core-module";

export interface TestDatabase {
  ds: DataSource;
  kind: "mysql" | "sqljs";
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: MariaDB/MySQL when TEST_DATABASE_URL is set (a new
 * database per call, schema from the migrations), otherwise sql.js in memory (schema from
 * the entities). Core's module (access log) is always included.
 */
export async function createTestDatabase(modules: readonly DomainModule[]): Promise<TestDatabase> {
  const all = modules.some((m) => m.name === coreModule.name) ? [...modules] : [coreModule, ...modules];
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const { database } = splitMysqlUrl(base);
    const url = withDatabase(base, `${database}_${process.pid}_${randomBytes(3).toString("hex")}`);
    await recreateDatabase(url);
    const ds = createDataSource(mysqlConfig(url), { modules: all, poolSize: 5 });
    await ds.initialize();
    await ds.runMigrations();
    return {
      ds,
      kind: "mysql",
      async close() {
        await ds.destroy();
        await dropDatabase(url);
      },
    };
  }
  const ds = createDataSource({ kind: "sqljs" }, { modules: all, synchronize: true });
  await ds.initialize();
  return { ds, kind: "sqljs", close: () => ds.destroy() };
}
