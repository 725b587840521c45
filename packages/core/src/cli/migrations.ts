#!/usr/bin/env node
/**
 * Migration tooling on MariaDB/MySQL.
 *   generate <module-dist-index> <Name> <out-dir>   write a migration for what the module's entities add
 *   check <module-dist-index>...                     run all migrations on an empty database; fail on drift
 * The database is MIGRATION_DATABASE_URL (default mysql://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_migrations);
 * it is dropped and re-created.
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createDataSource, mysqlConfig } from "../data/data-source";
import { checkMigrationDrift, renderMigration } from "../data/migration-tools";
import { recreateDatabase } from "../data/mysql-admin";
import type { DomainModule } from "../module/domain-module";
import { coreModule } from "../core-module";

const url = process.env.MIGRATION_DATABASE_URL ?? "mariadb://arbetsliv:arbetsliv@127.0.0.1:3306/arbetsliv_migrations";

function loadModules(path: string): DomainModule[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(resolve(path)) as Record<string, unknown>;
  return Object.values(exported).filter(
    (v): v is DomainModule =>
      typeof v === "object" && v !== null && "entities" in v && "resolvers" in v && "migrations" in v,
  );
}

function withCore(modules: DomainModule[]): DomainModule[] {
  return modules.some((m) => m.name === coreModule.name) ? modules : [coreModule, ...modules];
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "generate") {
    const [modulePath, name, outDir] = args;
    if (!modulePath || !name || !outDir) throw new Error("usage: generate <module-dist-index> <Name> <out-dir>");
    const modules = withCore(loadModules(modulePath));
    await recreateDatabase(url);
    const ds = createDataSource(mysqlConfig(url), { modules });
    await ds.initialize();
    try {
      await ds.runMigrations();
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const source = await renderMigration(ds, className);
      if (!source) {
        console.warn("No changes: the migrations already match the entities.");
        return;
      }
      const file = join(outDir, `${timestamp}-${name}.ts`);
      writeFileSync(file, source);
      console.warn(`Wrote ${file} — add ${className} to the module's migrations list.`);
    } finally {
      await ds.destroy();
    }
  } else if (command === "check") {
    const drift = await checkMigrationDrift(url, withCore(args.flatMap(loadModules)));
    if (drift.length) process.exitCode = 1;
  } else {
    throw new Error("usage: migrations generate|check …");
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
