import { type OutboxEvent } from "@arbetsliv/core";
import { inTransaction, isMysql } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";
import { activeCatalogue, protectedScopes } from "../catalogue-registry";
import { cloudEventJson } from "../cloud-event";
import { natsSubject } from "../subjects";
import type { JetStreamLink } from "./jetstream";
import { claimStateRow, exists, OUTBOX_TABLE, quoter, sqlIntegers } from "./relay-sql";

export interface PublishedBatch {
  /** Rows JetStream acknowledged and that are now marked published. */
  published: number;
  /** Rows claimed in this batch (published < claimed: a publish failed, see `error`). */
  claimed: number;
  /** The first publish failure; the rows from it on stay unpublished and are retried. */
  error?: unknown;
}

const COLUMNS = ["id", "type", "domain", "subject", "occurredAt", "data", "requiredScope", "position", "publishedAt"];

/**
 * Publishes the next sequenced, unpublished rows to JetStream in position order and marks the
 * acknowledged ones published. Each message's msgID is the event id, so a re-publish after a
 * crash between publish and mark is dropped by the stream's duplicate window. On MariaDB one
 * publisher at a time (the "publisher" state row), its rows claimed FOR UPDATE SKIP LOCKED, all
 * in one transaction; on sql.js no transaction is held while waiting for NATS (it would block
 * every write of the process).
 */
export async function publishBatch(ds: DataSource, link: JetStreamLink, batchSize: number): Promise<PublishedBatch> {
  // Idle (nothing sequenced and unpublished): one plain SELECT, no transaction, nothing written.
  const q = quoter(ds);
  if (!(await exists(ds, `${q(OUTBOX_TABLE)} WHERE ${q("publishedAt")} IS NULL AND ${q("position")} IS NOT NULL`)))
    return { published: 0, claimed: 0 };
  if (isMysql(ds)) {
    return ds.transaction("READ COMMITTED", async (manager) => {
      if (!(await claimStateRow(manager, "publisher"))) return { published: 0, claimed: 0 };
      const rows = await unpublishedRows(manager, batchSize, " FOR UPDATE SKIP LOCKED");
      const outcome = await publishRows(link, rows);
      await markPublished(manager, outcome.acknowledged);
      return { published: outcome.acknowledged.length, claimed: rows.length, error: outcome.error };
    });
  }
  const rows = await inTransaction(ds, (manager) => unpublishedRows(manager, batchSize, ""));
  const outcome = await publishRows(link, rows);
  await inTransaction(ds, (manager) => markPublished(manager, outcome.acknowledged));
  return { published: outcome.acknowledged.length, claimed: rows.length, error: outcome.error };
}

async function unpublishedRows(manager: EntityManager, limit: number, lock: string): Promise<OutboxEvent[]> {
  const q = quoter(manager);
  const raw = (await manager.query(
    `SELECT ${COLUMNS.map((c) => `${q(c)} AS ${c}`).join(", ")} FROM ${q(OUTBOX_TABLE)} ` +
      `WHERE ${q("publishedAt")} IS NULL AND ${q("position")} IS NOT NULL ORDER BY ${q("position")} LIMIT ${sqlIntegers([limit])}${lock}`,
  )) as Record<string, unknown>[];
  return raw.map((r) => ({
    id: Number(r.id),
    type: String(r.type),
    domain: String(r.domain),
    subject: String(r.subject),
    occurredAt: String(r.occurredAt),
    data: String(r.data),
    requiredScope: String(r.requiredScope),
    position: Number(r.position),
    publishedAt: null,
  }));
}

/**
 * Sends every row at once (one connection keeps their order in the stream) and waits for all
 * acknowledgements. Only the prefix up to the first failure counts as published: the rest is
 * retried, and a message of it that did reach the stream is dropped there as a duplicate.
 */
async function publishRows(
  link: JetStreamLink,
  rows: OutboxEvent[],
): Promise<{ acknowledged: OutboxEvent[]; error?: unknown }> {
  if (rows.length === 0) return { acknowledged: [] };
  const scopes = protectedScopes(activeCatalogue());
  const acks = rows.map((row) =>
    link.js.publish(natsSubject(row, scopes, link.subjectPrefix), JSON.stringify(cloudEventJson(row)), {
      msgID: String(row.id),
    }),
  );
  const results = await Promise.allSettled(acks);
  const failed = results.findIndex((r) => r.status === "rejected");
  if (failed < 0) return { acknowledged: rows };
  return { acknowledged: rows.slice(0, failed), error: (results[failed] as PromiseRejectedResult).reason };
}

async function markPublished(manager: EntityManager, rows: OutboxEvent[]): Promise<void> {
  if (rows.length === 0) return;
  const q = quoter(manager);
  await manager.query(
    `UPDATE ${q(OUTBOX_TABLE)} SET ${q("publishedAt")} = ? WHERE ${q("id")} IN (${sqlIntegers(rows.map((r) => r.id))})`,
    [new Date().toISOString()],
  );
}
