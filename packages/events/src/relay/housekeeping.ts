import { purgeIdempotencyKeys, type ScheduledJob } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import type { DataSource } from "typeorm";
import { exists, OUTBOX_TABLE, peek, quoter, sqlIntegers } from "./relay-sql";

export const DEFAULT_RETENTION_DAYS = 30;
const HOUR_MS = 3_600_000;
const DELETE_CHUNK = 1_000;

export interface OutboxRetention {
  retentionDays: number;
  /** With NATS only published rows may go; without, sequenced ones (the feed has served them). */
  requirePublished: boolean;
  /** The lowest position some consumer (a webhook) still needs; rows from it on are kept. */
  retentionFloor?: () => Promise<number | null>;
}

/** Deletes idempotency keys past their retention (core's rule: at least 24 h), hourly. */
export const idempotencyKeyPurgeJob: ScheduledJob = {
  name: "purge-idempotency-keys",
  description: "Deletes idempotency keys older than their retention (IDEMPOTENCY_KEY_HOURS, at least 24 h).",
  everyMs: HOUR_MS,
  run: async (ds) => {
    // No key older than the shortest retention (24 h): nothing to purge, and no transaction opened.
    const q = quoter(ds);
    const dayAgo = new Date(Date.now() - 24 * HOUR_MS).toISOString();
    if (!(await exists(ds, `${q("idempotency_key")} WHERE ${q("createdAt")} < ?`, [dayAgo]))) return 0;
    return inTransaction(ds, (manager) => purgeIdempotencyKeys(manager));
  },
};

/** Deletes delivered outbox rows older than the retention, hourly, in chunks. */
export function outboxRetentionJob(rule: OutboxRetention): ScheduledJob {
  return {
    name: "purge-outbox",
    description: `Deletes outbox events older than ${rule.retentionDays} days that every channel has delivered.`,
    everyMs: HOUR_MS,
    run: (ds, now) => purgeOutbox(ds, rule, now),
  };
}

export async function purgeOutbox(ds: DataSource, rule: OutboxRetention, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - rule.retentionDays * 86_400_000).toISOString();
  const floor = rule.retentionFloor ? await rule.retentionFloor() : null;
  const q = quoter(ds);
  const conditions = [
    `${q("occurredAt")} < ?`,
    `${q("position")} IS NOT NULL`,
    ...(rule.requirePublished ? [`${q("publishedAt")} IS NOT NULL`] : []),
    ...(floor !== null ? [`${q("position")} < ${sqlIntegers([floor])}`] : []),
  ];
  let deleted = 0;
  for (;;) {
    // The chunk is found by a plain SELECT; a transaction is opened only to delete something.
    const rows = await peek(
      ds,
      `SELECT ${q("id")} AS id FROM ${q(OUTBOX_TABLE)} WHERE ${conditions.join(" AND ")} ORDER BY ${q("id")} LIMIT ${DELETE_CHUNK}`,
      [cutoff],
    );
    const chunk = rows.map((r) => Number(r.id));
    if (chunk.length === 0) return deleted;
    // The conditions again: they only ever become true, but the delete must not rely on a stale read.
    await inTransaction(ds, (manager) =>
      manager.query(
        `DELETE FROM ${q(OUTBOX_TABLE)} WHERE ${q("id")} IN (${sqlIntegers(chunk)}) AND ${conditions.join(" AND ")}`,
        [cutoff],
      ),
    );
    deleted += chunk.length;
    if (chunk.length < DELETE_CHUNK) return deleted;
  }
}
