import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { NotFoundError } from "../errors/errors";
import { sqlDialect } from "./sql-dialect";

export type RowLockMode = "pessimistic_write" | "pessimistic_read";

/** True on MariaDB/MySQL, false on the embedded sql.js. */
export function isMysql(source: DataSource | EntityManager): boolean {
  return sqlDialect(source).kind === "mysql";
}

/**
 * Find options that lock the rows read on MariaDB (`SELECT … FOR UPDATE`, or `LOCK IN SHARE MODE`
 * for `pessimistic_read`) and nothing on sql.js, which has one connection and whose transactions
 * core queues, so a plain read is already serialised there:
 * `manager.findOne(Client, { where: { id }, ...lockMode(manager) })`.
 */
export function lockMode<M extends RowLockMode = "pessimistic_write">(
  source: DataSource | EntityManager,
  mode: M = "pessimistic_write" as M,
): { lock?: { mode: M } } {
  return isMysql(source) ? { lock: { mode } } : {};
}

/**
 * Loads a row and locks it for the rest of the transaction on MariaDB, so checks that span rows
 * (a fund's total, a person's other placements) cannot race. `pessimistic_read` lets many readers
 * proceed but waits for, and blocks, a writer. Mind InnoDB's snapshot: plain SELECTs after the
 * lock still read the snapshot taken at the transaction's first plain SELECT — read what the
 * check depends on with a locking read too (or lock first).
 */
export async function lockRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: Record<string, unknown>,
  mode: RowLockMode = "pessimistic_write",
): Promise<E | null> {
  return manager.findOne(entity, { where: where as never, ...lockMode(manager, mode) });
}

/** lockRow by id; NOT_FOUND (with the label) when there is no such row. */
export async function findForUpdate<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  label: string,
  id: number,
  mode: RowLockMode = "pessimistic_write",
): Promise<E> {
  const row = await lockRow(manager, entity, { id }, mode);
  if (!row) throw new NotFoundError(label, id);
  return row;
}
