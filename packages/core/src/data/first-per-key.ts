import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { getEntities } from "./entity-rows";

/**
 * Like `findByKeys`, but at most `perKey` rows for each key, the first in `order`: one statement
 * for a whole DataLoader batch, so a nested paged list (`partner { agreements(first: 25) }`)
 * reads no more rows than it returns, however many the parent holds. The rows are picked with
 * ROW_NUMBER() per key (window functions: MariaDB ≥ 10.2, MySQL 8, SQLite ≥ 3.25).
 */
export async function findFirstByKeys<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  keys: readonly unknown[],
  order: Partial<Record<keyof T & string, "ASC" | "DESC">>,
  perKey: number,
  /** Equality conditions the rows must meet (a row policy), applied before the per-key limit. */
  where: Partial<Record<keyof T & string, unknown>> = {},
): Promise<T[]> {
  if (keys.length === 0) return [];
  if (!Number.isInteger(perKey) || perKey < 1)
    throw new Error(`findFirstByKeys: perKey must be a positive integer, got ${perKey}`);
  const metadata = manager.connection.getMetadata(entity);
  if (metadata.primaryColumns.length !== 1)
    throw new Error(`findFirstByKeys: ${metadata.name} needs a single-column primary key`);
  const qb = manager.getRepository(entity).createQueryBuilder("e");
  const name = (property: string) => {
    const c = metadata.findColumnWithPropertyPath(property);
    if (!c) throw new Error(`findFirstByKeys: ${metadata.name} has no column ${property}`);
    return qb.escape(c.databaseName);
  };
  const pk = metadata.primaryColumns[0];
  const id = qb.escape(pk.databaseName);
  // The primary key breaks ties (ascending) unless the order already names it.
  const directions = Object.entries(order) as [string, "ASC" | "DESC"][];
  if (!directions.some(([p]) => p === pk.propertyName)) directions.push([pk.propertyName, "ASC"]);
  const windowOrder = directions.map(([p, d]) => `w.${name(p)} ${d}`).join(", ");
  const conditions = Object.entries(where);
  const filter = conditions.map(([property], i) => ` AND w.${name(property)} = :where${i}`).join("");
  const ranked =
    `SELECT r.${id} FROM (SELECT w.${id} AS ${id}, ROW_NUMBER() OVER (PARTITION BY w.${name(column)} ORDER BY ${windowOrder}) AS rn ` +
    `FROM ${qb.escape(metadata.tableName)} w WHERE w.${name(column)} IN (:...keys)${filter}) r WHERE r.rn <= :perKey`;
  qb.where(`e.${pk.propertyName} IN (${ranked})`, {
    keys: [...keys],
    perKey,
    ...Object.fromEntries(conditions.map(([, value], i) => [`where${i}`, value])),
  });
  for (const [property, direction] of directions) qb.addOrderBy(`e.${property}`, direction);
  return getEntities(qb);
}
