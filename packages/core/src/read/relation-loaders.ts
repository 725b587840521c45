import type { ObjectLiteral } from "typeorm";
import { AccessAction } from "../audit/access-log-entry.entity";
import { groupByKeys, indexByKeys, type RequestContext } from "../context";
import { accessLogRecord, type Graph, type ManyRelation, type RefRelation, type Relation } from "./graph";
import { defineLoader, loaderOf, loaderVariant, type LoaderDefinition } from "./loader";
import { rowsByKeys } from "./rows";

/** Whether the caller holds one of `scopes` (none required: yes). */
export function mayRead(ctx: RequestContext, scopes: readonly string[] | undefined): boolean {
  if (!scopes || scopes.length === 0) return true;
  const held = ctx.principal?.scopes;
  return held !== undefined && scopes.some((s) => held.has(s));
}

async function logRead<E>(
  ctx: RequestContext,
  graph: Graph,
  relation: Relation<ObjectLiteral>,
  rows: readonly E[],
): Promise<void> {
  if (!relation.accessLog || rows.length === 0) return;
  await ctx.accessLog.append(ctx.ds.manager, {
    action: AccessAction.READ,
    ...accessLogRecord(graph.domain, relation.accessLog, rows),
  });
}

const byIdLoaders = new Map<Function, LoaderDefinition<number, ObjectLiteral | null>>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type
const relationLoaders = new WeakMap<object, LoaderDefinition<unknown, unknown>>();

/**
 * The loader of a `ref` relation. References to the same entity without a policy share one
 * loader by id (an agreement's predecessor and the agreement page's rows read the same cache);
 * a reference with a policy (access log, row condition) has its own.
 */
export function refLoader<E extends ObjectLiteral>(
  graph: Graph,
  relation: RefRelation<ObjectLiteral, E>,
): LoaderDefinition<number, E | null> {
  // Per relation first: a field resolver asks once per row.
  const ofRelation = relationLoaders.get(relation);
  if (ofRelation) return ofRelation as LoaderDefinition<number, E | null>;
  const target = relation.type();
  const plain = !relation.accessLog && !relation.where;
  const shared = plain ? byIdLoaders.get(target) : undefined;
  if (shared) {
    relationLoaders.set(relation, shared as LoaderDefinition<unknown, unknown>);
    return shared as LoaderDefinition<number, E | null>;
  }
  const definition = defineLoader<number, E | null>(`${target.name} by id`, async (ctx, ids) => {
    const rows = await rowsByKeys<E>(ctx.ds.manager, target, "id", ids, { where: relation.where?.(ctx) });
    await logRead(ctx, graph, relation, rows);
    return indexByKeys(ids, rows, (row) => row.id as number);
  });
  if (plain) byIdLoaders.set(target, definition as LoaderDefinition<number, ObjectLiteral | null>);
  relationLoaders.set(relation, definition as LoaderDefinition<unknown, unknown>);
  return definition;
}

/** The loader of a `many` relation; with paging `first`, one per value of `first` (each batch reads at most that many per parent). */
export function manyLoader<E extends ObjectLiteral>(
  graph: Graph,
  relation: ManyRelation<ObjectLiteral, E>,
  first: number,
): LoaderDefinition<number, E[]> {
  const perKey = relation.paging === "first" ? first : undefined;
  const create = () =>
    defineLoader<number, E[]>(`${graph.entity.name}.${String(relation.key)} children`, async (ctx, keys) => {
      const where = relation.where?.(ctx);
      const rows = relation.load
        ? await relation.load(ctx, keys)
        : await rowsByKeys<E>(ctx.ds.manager, relation.type(), relation.key, keys, {
            order: relation.order,
            perKey,
            where,
          });
      await logRead(ctx, graph, relation, rows);
      return groupByKeys(keys, rows, (row) => row[relation.key] as number);
    });
  if (perKey === undefined) {
    let definition = relationLoaders.get(relation);
    if (!definition) relationLoaders.set(relation, (definition = create() as LoaderDefinition<unknown, unknown>));
    return definition as LoaderDefinition<number, E[]>;
  }
  return loaderVariant(relation, perKey, create);
}

/** A relation's value for one row: the loaded value itself when a prefetch has it, else a promise. */
export function loadRelation(
  ctx: RequestContext,
  graph: Graph,
  relation: Relation<ObjectLiteral>,
  row: ObjectLiteral,
  first: number,
): unknown {
  if (relation.kind === "ref") {
    const id = row[relation.column] as number | null;
    return id === null || id === undefined ? null : loaderOf(ctx, refLoader(graph, relation)).get(id);
  }
  const children = loaderOf(ctx, manyLoader(graph, relation, first)).get(row[relation.parentColumn] as number);
  if (relation.single) {
    const only = (rows: ObjectLiteral[]) => rows[0] ?? null;
    return Array.isArray(children) ? only(children) : children.then(only);
  }
  if (relation.paging !== "slice") return children;
  const trim = (rows: ObjectLiteral[]) => (rows.length > first ? rows.slice(0, first) : rows);
  return Array.isArray(children) ? trim(children) : children.then(trim);
}

/** Loads a relation for many rows in one batch (a page's prefetch); resolves to the related rows. */
export async function prefetchRelation(
  ctx: RequestContext,
  graph: Graph,
  relation: Relation<ObjectLiteral>,
  rows: readonly ObjectLiteral[],
  first: number,
): Promise<ObjectLiteral[]> {
  if (relation.kind === "ref") {
    const loader = loaderOf(ctx, refLoader(graph, relation));
    const ids: number[] = [];
    for (const row of rows) {
      const id = row[relation.column] as number | null;
      if (id !== null && id !== undefined) ids.push(id);
    }
    await loader.prefetch(ids);
    return ids.map((id) => loader.peek(id)).filter((r): r is ObjectLiteral => r !== null && r !== undefined);
  }
  const loader = loaderOf(ctx, manyLoader(graph, relation, first));
  const keys = rows.map((row) => row[relation.parentColumn] as number);
  await loader.prefetch(keys);
  const shown = relation.paging === "slice" ? first : Infinity;
  return keys.flatMap((key) => (loader.peek(key) ?? []).slice(0, shown));
}

/**
 * Every row a relation holds for `rows` (a `ref`, or a `many` not paged in SQL), through the loader
 * its field and a page's prefetch share: for a service that needs them before the page is answered
 * (e.g. the identity numbers its access-log row names); the fields then answer from what is loaded.
 */
export function loadRelated<E extends ObjectLiteral, R extends ObjectLiteral = ObjectLiteral>(
  ctx: RequestContext,
  graphOfRows: Graph<R>,
  name: string,
  rows: readonly R[],
): Promise<E[]> {
  const graph = graphOfRows as unknown as Graph;
  const relation = graph.relations[name];
  if (!relation) throw new Error(`${graph.entity.name} has no relation ${name}`);
  if (relation.kind === "many" && relation.paging === "first")
    throw new Error(`${graph.entity.name}.${name} is paged in SQL; load its rows with a \`first\``);
  return prefetchRelation(ctx, graph, relation, rows, Number.POSITIVE_INFINITY) as Promise<E[]>;
}
