import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/** Splits rows into consecutive chunks of at most `size` (default 500) — one statement per chunk. */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Bulk insert in chunks (one INSERT per chunk of `size` rows, default 500) — for demo data and
 * other bulk writes inside one transaction. Inserts copies of the rows: TypeORM writes generated
 * values back into the objects it inserts, and for multi-row inserts on sql.js those were wrong,
 * so the caller's objects stay as they were built. Read generated ids back with a query.
 */
export async function insertChunked<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[] | readonly Partial<E>[],
  size = 500,
): Promise<void> {
  for (const chunk of chunks(rows, size)) await manager.insert(entity, chunk.map((r) => ({ ...r })) as never);
}
