import { isMysql } from "@arbetsliv/core/data";
import type { DataSource } from "typeorm";
import { peek, quoter, STATE_TABLE } from "./relay-sql";

/** How long a leader's lease lasts unless renewed; a crashed leader is replaced after at most this. */
export const LEADER_LEASE_MS = 15_000;

/**
 * Takes or renews the leader lease (the "leader" state row) for `holder`. True when this relay is
 * the leader until `now + LEADER_LEASE_MS`. The embedded database has one process: always leader.
 */
export async function holdLeadership(ds: DataSource, holder: string, now: Date = new Date()): Promise<boolean> {
  if (!isMysql(ds)) return true;
  const q = quoter(ds);
  const nowIso = now.toISOString();
  // Another relay's lease still running: a plain SELECT says so, nothing is written.
  const [lease] = await peek(
    ds,
    `SELECT ${q("holder")} AS holder, ${q("leaseUntil")} AS leaseUntil FROM ${q(STATE_TABLE)} WHERE ${q("name")} = 'leader'`,
  );
  if (
    lease &&
    lease.holder !== null &&
    lease.holder !== holder &&
    lease.leaseUntil !== null &&
    String(lease.leaseUntil) >= nowIso
  )
    return false;
  const until = new Date(now.getTime() + LEADER_LEASE_MS).toISOString();
  const result = (await ds.query(
    `UPDATE ${q(STATE_TABLE)} SET ${q("holder")} = ?, ${q("leaseUntil")} = ? ` +
      `WHERE ${q("name")} = 'leader' AND (${q("holder")} = ? OR ${q("holder")} IS NULL OR ${q("leaseUntil")} IS NULL OR ${q("leaseUntil")} < ?)`,
    [holder, until, holder, nowIso],
  )) as { affectedRows?: number };
  return (result.affectedRows ?? 0) > 0;
}

/** Gives the lease up (on a clean stop), so another relay takes over at once. */
export async function releaseLeadership(ds: DataSource, holder: string): Promise<void> {
  if (!isMysql(ds)) return;
  const q = quoter(ds);
  await ds.query(
    `UPDATE ${q(STATE_TABLE)} SET ${q("holder")} = NULL, ${q("leaseUntil")} = NULL WHERE ${q("name")} = 'leader' AND ${q("holder")} = ?`,
    [holder],
  );
}
