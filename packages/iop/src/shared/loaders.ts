import type { EntityTarget, ObjectLiteral } from "typeorm";
import { findByKeys, groupByKeys, loaderById, type RequestContext } from "@arbetsliv/core";

/** Many-to-one through core's per-request loader by id: one SELECT … WHERE id IN (…) per list level. */
export function loadById<E extends ObjectLiteral & { id: number }>(ctx: RequestContext, key: string, entity: EntityTarget<E>, id: number) {
  return loaderById(ctx, `iop.${key}`, entity).get(id);
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
