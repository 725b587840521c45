import { Brackets, type EntityManager, type ObjectLiteral } from "typeorm";
import type { ClassType } from "type-graphql";
import { findByKeys } from "../data/entity-rows";
import { findFirstByKeys } from "../data/first-per-key";
import { getEntities } from "../data/entity-rows";

export interface RowQuery<E> {
  order?: Partial<Record<keyof E & string, "ASC" | "DESC">>;
  /** At most this many rows per key, the first in `order` (one statement for the batch). */
  perKey?: number;
  /** Equality conditions on the rows (a row policy). */
  where?: Partial<Record<keyof E & string, unknown>>;
}

/**
 * The rows of `entity` whose `column` is one of `keys`: the one way the read layer reads a batch.
 * Without a condition it is core's prepared `findByKeys` (or `findFirstByKeys` per key); with one,
 * the same SELECT with the condition added.
 */
export async function rowsByKeys<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: ClassType<E>,
  column: keyof E & string,
  keys: readonly unknown[],
  query: RowQuery<E> = {},
): Promise<E[]> {
  if (keys.length === 0) return [];
  const conditions = Object.entries(query.where ?? {});
  if (query.perKey !== undefined)
    return findFirstByKeys(manager, entity, column, keys, query.order ?? {}, query.perKey, query.where);
  if (conditions.length === 0) return findByKeys(manager, entity, column, keys, query.order);
  const qb = manager
    .getRepository(entity)
    .createQueryBuilder("e")
    .where(`e.${column} IN (:...keys)`, { keys: [...keys] });
  qb.andWhere(
    new Brackets((b) => {
      conditions.forEach(([property, value], i) => b.andWhere(`e.${property} = :w${i}`, { [`w${i}`]: value }));
    }),
  );
  for (const [property, direction] of Object.entries(query.order ?? {}) as [string, "ASC" | "DESC"][])
    qb.addOrderBy(`e.${property}`, direction);
  return getEntities(qb);
}
