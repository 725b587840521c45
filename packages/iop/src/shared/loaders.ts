import { In, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from "typeorm";
import { groupByKeys, indexByKeys, type RequestContext } from "@arbetsliv/core";

/** Many-to-one through a per-request DataLoader: one SELECT … WHERE id IN (…) per list level. */
export function loadById<E extends ObjectLiteral & { id: number }>(ctx: RequestContext, key: string, entity: EntityTarget<E>, id: number) {
  return ctx
    .loader<number, E | null>(`iop.${key}`, async (ids) => indexByKeys(ids, await ctx.ds.manager.find(entity, { where: { id: In([...ids]) } as never }), (r) => r.id))
    .load(id);
}

/** One-to-many by a foreign key through a per-request DataLoader; `after` sees each batch (e.g. to access-log it). */
export function loadMany<E extends ObjectLiteral>(
  ctx: RequestContext,
  key: string,
  entity: EntityTarget<E>,
  column: keyof E & string,
  value: number,
  order: FindOptionsOrder<E>,
  after?: (rows: E[]) => Promise<void>,
) {
  return ctx
    .loader<number, E[]>(`iop.${key}`, async (keys) => {
      const rows = await ctx.ds.manager.find(entity, { where: { [column]: In([...keys]) } as never, order });
      if (after) await after(rows);
      return groupByKeys(keys, rows, (r) => r[column] as number);
    })
    .load(value);
}
