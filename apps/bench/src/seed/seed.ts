import { createConnection } from "mysql2/promise";
import { type DomainModule } from "@arbetsliv/core";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import { recreateDatabase } from "@arbetsliv/core/testing";
import type { BenchDomain, SeedContext } from "../domains/types";
import { Progress } from "../util/progress";
import { BulkInserter, loadingConnection } from "./bulk-insert";

/** Bump when a seeder changes the data it writes, so old databases are rebuilt. */
export const SEED_VERSION = 7;

export interface SeedPlan {
  url: string;
  scale: string;
  sizes: Record<string, Record<string, number>>;
  force: boolean;
}

export interface SeedInfo {
  version: number;
  /** The modules whose migrations built the schema. */
  modules: string[];
  scale: string;
  sizes: Record<string, Record<string, number>>;
  endDate: string;
  seededAt: string;
  seconds: number;
  rows: Record<string, number>;
}

async function readInfo(url: string): Promise<SeedInfo | null> {
  try {
    const conn = await createConnection({ uri: url });
    try {
      const [rows] = await conn.query("SELECT info FROM bench_seed ORDER BY id DESC LIMIT 1");
      const r = (rows as { info: string }[])[0];
      return r ? (JSON.parse(r.info) as SeedInfo) : null;
    } finally {
      await conn.end();
    }
  } catch {
    return null;
  }
}

/** Rows per table (exact counts), for the report. */
export async function tableRows(url: string): Promise<Record<string, number>> {
  const conn = await createConnection({ uri: url });
  try {
    const [tables] = await conn.query(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const out: Record<string, number> = {};
    for (const { t } of tables as { t: string }[]) {
      if (t === "bench_seed" || t === "migrations") continue;
      const [[row]] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${t}\``)) as unknown as [{ n: number }[]];
      out[t] = Number(row.n);
    }
    return out;
  } finally {
    await conn.end();
  }
}

/**
 * Builds the benchmark database: drops and recreates it, runs every module's migrations (the
 * production schema), then bulk-loads each domain. Skipped when the database already holds
 * the same sizes from the same seeder version (unless forced).
 */
export async function ensureSeeded(
  plan: SeedPlan,
  modules: readonly DomainModule[],
  domains: readonly BenchDomain[],
): Promise<SeedInfo> {
  const existing = await readInfo(plan.url);
  const names = modules.map((m) => m.name);
  if (
    !plan.force &&
    existing &&
    existing.version === SEED_VERSION &&
    JSON.stringify(existing.modules) === JSON.stringify(names) &&
    JSON.stringify(existing.sizes) === JSON.stringify(plan.sizes)
  ) {
    process.stderr.write(
      `seed: ${plan.url.replace(/\/\/[^@]*@/, "//")} already holds scale "${existing.scale}" (seeded ${existing.seededAt}); use --reseed to rebuild\n`,
    );
    return existing;
  }
  const started = Date.now();
  process.stderr.write(
    `seed: recreating the database and running the migrations of ${modules.map((m) => m.name).join(", ")}\n`,
  );
  await recreateDatabase(plan.url);
  const ds = createDataSource(mysqlConfig(plan.url), { modules, poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });

  const endDate = new Date().toISOString().slice(0, 10);
  const conn = await loadingConnection(plan.url);
  try {
    let bar: Progress | undefined;
    const ctx: SeedContext = {
      url: plan.url,
      conn,
      endDate,
      progress: (label, total) => {
        bar?.finish();
        bar = new Progress(label, total);
      },
      inserter: (table, columns) => new BulkInserter(conn, table, columns, bar),
      dataSource: ds,
    };
    for (const domain of domains) await domain.seed(ctx, plan.sizes[domain.module]);
    bar?.finish();
    const [tables] = await conn.query(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
    );
    for (const { t } of tables as { t: string }[]) await conn.query(`ANALYZE TABLE \`${t}\``);
  } finally {
    await conn.end();
    await ds.destroy();
  }
  const info: SeedInfo = {
    version: SEED_VERSION,
    modules: names,
    scale: plan.scale,
    sizes: plan.sizes,
    endDate,
    seededAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    rows: await tableRows(plan.url),
  };
  const meta = await createConnection({ uri: plan.url });
  try {
    await meta.query("CREATE TABLE IF NOT EXISTS bench_seed (id INT AUTO_INCREMENT PRIMARY KEY, info TEXT NOT NULL)");
    await meta.query("INSERT INTO bench_seed (info) VALUES (?)", [JSON.stringify(info)]);
  } finally {
    await meta.end();
  }
  const total = Object.values(info.rows).reduce((a, b) => a + b, 0);
  process.stderr.write(`seed: ${total.toLocaleString("en-US")} rows in ${info.seconds} s\n`);
  return info;
}
