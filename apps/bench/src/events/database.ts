import type { DataSource } from "typeorm";
import { type DomainModule } from "@arbetsliv/core";
import { createDataSource, mysqlConfig } from "@arbetsliv/core/data";
import { recreateDatabase } from "@arbetsliv/core/testing";

/** The events part writes; it gets its own database so the seeded read data stays as seeded. */
export function eventsDatabaseUrl(benchUrl: string): string {
  const u = new URL(benchUrl);
  u.pathname = `${u.pathname.replace(/^\//, "")}_events`;
  return u.toString();
}

/** A scratch table: the write both compared transactions make (with and without the outbox insert). */
export const SCRATCH_TABLE = "bench_write";

/**
 * Recreates the events database from the modules' migrations (the production schema), with one
 * active business area for registerFeedback. Returns an open DataSource for the bench's own writes.
 */
export async function prepareEventsDatabase(
  url: string,
  modules: readonly DomainModule[],
): Promise<{ ds: DataSource; businessAreaId: number }> {
  await recreateDatabase(url);
  const ds = createDataSource(mysqlConfig(url), { modules, poolSize: 8 });
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await ds.query("INSERT INTO feedback_business_area (name, handlingDays, active) VALUES (?, ?, ?)", ["Bench", 14, 1]);
  const [{ id }] = (await ds.query("SELECT id FROM feedback_business_area WHERE name = ?", ["Bench"])) as {
    id: number;
  }[];
  await ds.query(
    `CREATE TABLE ${SCRATCH_TABLE} (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(200) NOT NULL, createdAt VARCHAR(24) NOT NULL) ENGINE=InnoDB`,
  );
  return { ds, businessAreaId: Number(id) };
}

/** Outbox rows the relay has not sequenced yet. */
export async function unsequencedCount(ds: DataSource): Promise<number> {
  const [{ n }] = (await ds.query("SELECT COUNT(*) AS n FROM event_outbox WHERE position IS NULL")) as {
    n: string | number;
  }[];
  return Number(n);
}

/** Outbox rows not yet marked published to JetStream. */
export async function unpublishedCount(ds: DataSource): Promise<number> {
  const [{ n }] = (await ds.query("SELECT COUNT(*) AS n FROM event_outbox WHERE publishedAt IS NULL")) as {
    n: string | number;
  }[];
  return Number(n);
}
