import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { NotFoundError, ValidationError, type Ore } from "@arbetsliv/core";
import { ORE_PER_KRONA } from "./format";

export const DOMAIN = "donationsfonder";

/** Parses a GraphQL ID argument; BAD_USER_INPUT naming the field when it is not a positive integer. */
export function toId(field: string, value: string | number): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw new ValidationError(field, "id", "is not a valid id");
  return id;
}

/** Money that must be whole kronor (allocation works in whole kronor). */
export function assertWholeKronor(field: string, ore: Ore, { min = 0 }: { min?: number } = {}): void {
  if (ore % ORE_PER_KRONA !== 0) throw new ValidationError(field, "whole-kronor", "must be whole kronor (no öre)");
  if (ore < min * ORE_PER_KRONA) throw new ValidationError(field, "range", `must be at least ${min} kr`);
}

export function assertNotNegative(field: string, ore: Ore): void {
  if (ore < 0) throw new ValidationError(field, "range", "must not be negative");
}

export function isMysql(manager: EntityManager): boolean {
  const type = manager.connection.options.type;
  return type === "mysql" || type === "mariadb";
}

/**
 * Loads a row and locks it for the rest of the transaction on MariaDB (SELECT … FOR UPDATE),
 * so checks that span rows (a fund's total) cannot race; `pessimistic_read` (LOCK IN SHARE MODE)
 * lets many readers proceed but waits for, and blocks, a writer such as the allocation.
 * sql.js has one connection and core queues its transactions, so a plain read is already
 * serialised there. Mind InnoDB's snapshot: plain SELECTs after the lock still read the
 * snapshot taken at the transaction's first plain SELECT — read what the check depends on
 * with a locking read too (or lock first).
 */
export async function lockRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  where: Record<string, unknown>,
  mode: "pessimistic_write" | "pessimistic_read" = "pessimistic_write",
): Promise<E | null> {
  return manager.findOne(entity, { where: where as never, ...(isMysql(manager) ? { lock: { mode } } : {}) });
}

/** lockRow, NOT_FOUND when there is no such row. */
export async function findForUpdate<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  label: string,
  id: number,
  mode: "pessimistic_write" | "pessimistic_read" = "pessimistic_write",
): Promise<E> {
  const row = await lockRow(manager, entity, { id }, mode);
  if (!row) throw new NotFoundError(label, id);
  return row;
}

/** Inserts rows in chunks (one INSERT per chunk). */
export async function insertChunked<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: E[] | Partial<E>[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await manager.insert(entity, rows.slice(i, i + size) as never);
  }
}
