import type { GraphQLResolveInfo } from "graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { indexByKeys, type BatchLoader, type RequestContext } from "../context";
import { findByKeys } from "../data/entity-rows";
import { prefetchSelected, type Prefetch } from "./prefetch";

/**
 * A many-to-one reference of a row (agreement → partner): one per-request loader, used both by
 * the field resolver and by a page that prefetches it, so both read the same cache.
 */
export interface ManyToOne<R, E> {
  /** The row's column that holds the referenced id (what a projection must keep, see neededColumns). */
  readonly column: keyof R & string;
  /** The referenced entity (or null for a null key): the value itself when already loaded, else a promise. */
  load(ctx: RequestContext, row: R): E | null | Promise<E | null>;
  /** Loads the references of many rows in one batch. */
  prefetch(ctx: RequestContext, rows: readonly R[]): Promise<unknown>;
}

/** The per-request loader of `entity` by id under `key` (one SELECT … WHERE id IN (…) per batch; null for a missing id). */
export function loaderById<E extends ObjectLiteral & { id: number }>(ctx: RequestContext, key: string, entity: EntityTarget<E>): BatchLoader<number, E | null> {
  return ctx.loader<number, E | null>(key, async (ids) => indexByKeys(ids, await findByKeys(ctx.ds.manager, entity, "id", ids), (r) => r.id));
}

export function manyToOne<R, E extends ObjectLiteral & { id: number }>(
  key: string,
  entity: EntityTarget<E>,
  column: { [C in keyof R & string]: R[C] extends number | null ? C : never }[keyof R & string],
): ManyToOne<R, E> {
  const idOf = (row: R) => row[column] as number | null;
  const loader = (ctx: RequestContext) => loaderById(ctx, key, entity);
  return {
    column,
    load(ctx, row) {
      const id = idOf(row);
      return id === null ? null : loader(ctx).get(id);
    },
    prefetch(ctx, rows) {
      const ids: number[] = [];
      for (const row of rows) {
        const id = idOf(row);
        if (id !== null) ids.push(id);
      }
      return loader(ctx).prefetch(ids);
    },
  };
}

/** The columns the references read, by field: for neededColumns. */
export function referenceColumns<R>(references: Readonly<Record<string, ManyToOne<R, unknown>>>): Record<string, (keyof R & string)[]> {
  const columns: Record<string, (keyof R & string)[]> = {};
  for (const [field, reference] of Object.entries(references)) columns[field] = [reference.column];
  return columns;
}

/**
 * Prefetches, for a page of rows, the references the query selects at `path` (e.g. `["nodes"]`),
 * so their field resolvers answer from the loader without a promise per row. See prefetchSelected.
 */
export function prefetchReferences<R>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  path: readonly string[],
  rows: readonly R[],
  references: Readonly<Record<string, ManyToOne<R, unknown>>>,
): Promise<void> {
  const prefetch: Record<string, Prefetch<R>> = {};
  for (const [field, reference] of Object.entries(references)) prefetch[field] = (page) => reference.prefetch(ctx, page);
  return prefetchSelected(info, path, rows, prefetch);
}
