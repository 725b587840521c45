import type { EntityTarget, ObjectLiteral } from "typeorm";
import { findByKeys, findFirstByKeys, groupByKeys, loaderById, type RequestContext } from "@arbetsliv/core";

/** Many-to-one through core's per-request loader by id: one SELECT … WHERE id IN (…) per list level. */
export function loadById<E extends ObjectLiteral & { id: number }>(ctx: RequestContext, key: string, entity: EntityTarget<E>, id: number) {
  return loaderById(ctx, `iop.${key}`, entity).get(id);
}

/**
 * One-to-many by a foreign key through a per-request DataLoader; `after` sees each batch (e.g. to
 * access-log it). With `first`, at most that many rows per parent, the first in `order`, still one
 * statement per batch (core's findFirstByKeys); without it, every row (lists with a declared bound).
 */
export function loadMany<E extends ObjectLiteral>(
  ctx: RequestContext,
  key: string,
  entity: EntityTarget<E>,
  column: keyof E & string,
  value: number,
  order: Partial<Record<keyof E & string, "ASC" | "DESC">>,
  after?: (rows: E[]) => Promise<void>,
  first?: number,
) {
  return ctx
    .loader<number, E[]>(first === undefined ? `iop.${key}` : `iop.${key}:first${first}`, async (keys) => {
      const rows =
        first === undefined ? await findByKeys(ctx.ds.manager, entity, column, keys, order) : await findFirstByKeys(ctx.ds.manager, entity, column, keys, order, first);
      if (after) await after(rows);
      return groupByKeys(keys, rows, (r) => r[column] as number);
    })
    .load(value);
}
