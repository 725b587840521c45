import { inTransaction, purgeIdempotencyKeys, type ScheduledJob } from "@arbetsliv/core";
import type { DataSource } from "typeorm";
import { OUTBOX_TABLE, quoter, sqlIntegers } from "./relay-sql";

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
  run: (ds) => inTransaction(ds, (manager) => purgeIdempotencyKeys(manager)),
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
    const ids = await inTransaction(ds, async (manager) => {
      const rows = (await manager.query(
        `SELECT ${q("id")} AS id FROM ${q(OUTBOX_TABLE)} WHERE ${conditions.join(" AND ")} ORDER BY ${q("id")} LIMIT ${DELETE_CHUNK}`,
        [cutoff],
      )) as { id: number | string }[];
      const chunk = rows.map((r) => Number(r.id));
      if (chunk.length)
        await manager.query(`DELETE FROM ${q(OUTBOX_TABLE)} WHERE ${q("id")} IN (${sqlIntegers(chunk)})`);
      return chunk;
    });
    deleted += ids.length;
    if (ids.length < DELETE_CHUNK) return deleted;
  }
}
