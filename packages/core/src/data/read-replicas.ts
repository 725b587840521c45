import type { DataSource, QueryRunner } from "typeorm";
import { currentReadsOnPrimary } from "./statement-counter";

/**
 * Read replicas (MariaDB/MySQL, `DATABASE_REPLICA_URLS`): TypeORM's `replication` sends reads
 * outside a transaction to a replica and everything else — writes, transactions, migrations, raw
 * `ds.query` — to the primary. Two things TypeORM does not do are added here:
 *
 * - **Fallback**: when no replica can give a connection (all down, or taken offline by mysql2's
 *   pool cluster after `REPLICA_NODE_ERROR_COUNT` failed connects, for `REPLICA_RESTORE_MS`), the
 *   read runs on the primary instead of failing.
 * - **Read-your-writes**: a mutation (`noteMutation()`) reads from the primary, and so does a request
 *   the gateway starts with `readsOnPrimary` (its caller wrote moments ago), so no caller sees data
 *   older than its own write.
 *
 * Not covered: a replica that answers but lags (replication stopped or slow) serves old data to
 * other callers; watch `Seconds_Behind_Master`. A statement already sent to a replica that then
 * freezes fails after the statement timeout; it is not retried.
 */

/** mysql2 pool-cluster settings for the replicas (and the primary, which is a node of the same cluster). */
export const REPLICA_RESTORE_MS = 5_000;
export const REPLICA_NODE_ERROR_COUNT = 3;

/** What this module uses of TypeORM's MySQL driver. */
interface ReplicatedMysqlDriver {
  obtainMasterConnection(): Promise<unknown>;
  obtainSlaveConnection(): Promise<unknown>;
  poolCluster?: { on(event: "warn", listener: (error: unknown) => void): void };
}

/** Where replica reads go: "replica", or "primary" while no replica gives a connection. */
export type ReplicaReadState = "replica" | "primary";

/**
 * Reads go to a replica unless the request reads on the primary or no replica answers.
 * `onStateChange` is told when replica reads move to the primary and back (once each way, not per read).
 */
export function routeReplicaReads(
  ds: DataSource,
  onStateChange?: (state: ReplicaReadState, error?: unknown) => void,
): void {
  const driver = ds.driver as unknown as ReplicatedMysqlDriver;
  const replica = driver.obtainSlaveConnection.bind(driver);
  const primary = driver.obtainMasterConnection.bind(driver);
  let state: ReplicaReadState = "replica";
  const moveTo = (next: ReplicaReadState, error?: unknown) => {
    if (state === next) return;
    state = next;
    onStateChange?.(next, error);
  };
  // mysql2 reports a failed node as "warn" before it tries another; the state change is what is told.
  driver.poolCluster?.on("warn", () => undefined);
  driver.obtainSlaveConnection = async () => {
    if (currentReadsOnPrimary()) return primary();
    try {
      const connection = await replica();
      moveTo("replica");
      return connection;
    } catch (error) {
      moveTo("primary", error);
      return primary();
    }
  };
}

/**
 * Runs a read statement where reads go: on `queryRunner` when there is one (a transaction's),
 * else on a runner in the data source's read mode — a replica with read-replicas, the one
 * database otherwise. `DataSource.query` without a runner always takes the primary.
 */
export async function readQuery<T = Record<string, unknown>>(
  ds: DataSource,
  sql: string,
  parameters: unknown[],
  queryRunner?: QueryRunner,
): Promise<T[]> {
  if (queryRunner) return queryRunner.query(sql, parameters);
  const runner = ds.createQueryRunner(ds.defaultReplicationModeForReads());
  try {
    return await runner.query(sql, parameters);
  } finally {
    await runner.release();
  }
}
