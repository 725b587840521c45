import type { EntityTarget, ObjectLiteral } from "typeorm";
import { findByKeys, groupByKeys, indexByKeys, type RequestContext } from "@arbetsliv/core";

/** Many-to-one through a per-request DataLoader: one SELECT … WHERE id IN (…) per list level. */
export function loadById<E extends ObjectLiteral & { id: number }>(ctx: RequestContext, key: string, entity: EntityTarget<E>, id: number) {
  return ctx
    .loader<number, E | null>(`iop.${key}`, async (ids) => indexByKeys(ids, await findByKeys(ctx.ds.manager, entity, "id", ids), (r) => r.id))
    .load(id);
}

/** One-to-many by a foreign key through a per-request DataLoader; `after` sees each batch (e.g. to access-log it). */
export function loadMany<E extends ObjectLiteral>(
  ctx: RequestContext,
  key: string,
  entity: EntityTarget<E>,
  column: keyof E & string,
  value: number,
  order: Partial<Record<keyof E & string, "ASC" | "DESC">>,
  after?: (rows: E[]) => Promise<void>,
) {
  return ctx
    .loader<number, E[]>(`iop.${key}`, async (keys) => {
      const rows = await findByKeys(ctx.ds.manager, entity, column, keys, order);
      if (after) await after(rows);
      return groupByKeys(keys, rows, (r) => r[column] as number);
    })
    .load(value);
}
