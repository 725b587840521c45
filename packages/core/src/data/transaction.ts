import type { DataSource, EntityManager } from "typeorm";

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs fn in one transaction: all of it is written or none of it. On the embedded sql.js
 * database (one connection) transactions are queued one after another, since two open at
 * once on one connection would nest; on MariaDB each gets its own pooled connection.
 */
export async function inTransaction<T>(ds: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== "sqljs") return ds.transaction(fn);
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(fn));
  sqliteQueues.set(ds, run);
  return run;
}

/** True when an error is a unique-key violation on either database (used for exactly-once writes). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string; driverError?: { code?: string } };
  const code = e?.code ?? e?.driverError?.code;
  return code === "ER_DUP_ENTRY" || e?.errno === 1062 || /UNIQUE constraint failed/i.test(e?.message ?? "");
}

/** True when MariaDB/InnoDB chose this transaction as a deadlock victim (e.g. two inserters of one unique key). */
export function isDeadlock(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  return e?.code === "ER_LOCK_DEADLOCK" || e?.errno === 1213 || e?.driverError?.code === "ER_LOCK_DEADLOCK";
}
