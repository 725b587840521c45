import { inTransaction, isMysql } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";
import { claimStateRow, OUTBOX_TABLE, peek, quoter, sqlIntegers, STATE_TABLE } from "./relay-sql";

export interface SequencedBatch {
  /** Rows given a position in this batch (0: nothing new, or another relay is sequencing). */
  count: number;
  /** The highest position assigned so far (0 when another relay held the sequencer lock: unknown). */
  lastPosition: number;
}

/**
 * Gives committed outbox rows without a position the next positions, in id order: gap-free,
 * never reused (the last one is kept in event_relay_state, which also serialises sequencers across
 * processes), so the change feed can page by position. Rows of transactions still open are
 * invisible to it (MariaDB: locked by their inserter and skipped); they get later positions once
 * committed, so positions follow commit order. One transaction.
 */
export async function sequenceBatch(ds: DataSource, batchSize: number): Promise<SequencedBatch> {
  // Idle (nothing unsequenced): decided by one plain SELECT, no transaction, nothing written.
  const idle = await idleSequencer(ds);
  if (idle) return idle;
  if (!isMysql(ds)) return inTransaction(ds, (manager) => sequenceIn(manager, batchSize));
  // READ COMMITTED: each statement sees what committed before it, and no gap locks hold up writers.
  return ds.transaction("READ COMMITTED", (manager) => sequenceIn(manager, batchSize));
}

/** The empty batch when no outbox row lacks a position (its last position as of now), else null. */
async function idleSequencer(ds: DataSource): Promise<SequencedBatch | null> {
  const q = quoter(ds);
  const rows = await peek(
    ds,
    `SELECT EXISTS(SELECT 1 FROM ${q(OUTBOX_TABLE)} WHERE ${q("position")} IS NULL) AS pending, ` +
      `(SELECT ${q("lastPosition")} FROM ${q(STATE_TABLE)} WHERE ${q("name")} = 'sequencer') AS lastPosition`,
  );
  if (Number(rows[0]?.pending ?? 1) > 0) return null;
  return { count: 0, lastPosition: Number(rows[0]?.lastPosition ?? 0) };
}

async function sequenceIn(manager: EntityManager, batchSize: number): Promise<SequencedBatch> {
  const state = await claimStateRow(manager, "sequencer");
  if (!state) return { count: 0, lastPosition: 0 };
  const q = quoter(manager);
  const lock = isMysql(manager) ? " FOR UPDATE SKIP LOCKED" : "";
  const rows = (await manager.query(
    `SELECT ${q("id")} AS id FROM ${q(OUTBOX_TABLE)} WHERE ${q("position")} IS NULL ORDER BY ${q("id")} LIMIT ${sqlIntegers([batchSize])}${lock}`,
  )) as { id: number | string }[];
  if (rows.length === 0) return { count: 0, lastPosition: state.lastPosition };
  const ids = rows.map((row) => Number(row.id));
  const cases = ids.map((id, i) => `WHEN ${sqlIntegers([id])} THEN ${sqlIntegers([state.lastPosition + i + 1])}`);
  await manager.query(
    `UPDATE ${q(OUTBOX_TABLE)} SET ${q("position")} = CASE ${q("id")} ${cases.join(" ")} END WHERE ${q("id")} IN (${sqlIntegers(ids)})`,
  );
  const lastPosition = state.lastPosition + ids.length;
  await manager.query(`UPDATE ${q(STATE_TABLE)} SET ${q("lastPosition")} = ? WHERE ${q("name")} = ?`, [
    lastPosition,
    "sequencer",
  ]);
  return { count: ids.length, lastPosition };
}
