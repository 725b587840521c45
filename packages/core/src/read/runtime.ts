import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { DEFAULT_NESTED_PAGE_SIZE } from "../schema/list-bounds";
import { plainColumnFields } from "./plain-columns";
import { graphOf, type Graph } from "./graph";
import { mayRead, prefetchRelation } from "./relation-loaders";

/** The columns a query needs of the graph's rows: the primary key and what the selected fields read; undefined for every column. */
export type Projection<R> = (keyof R & string)[] | undefined;

/**
 * A page (`{ nodes, totalCount, … }`) of the graph's rows: `load` reads the page with only the
 * columns the query's `nodes` selection needs, then everything the query selects below the rows
 * (relations, their relations …) is loaded one batch per relation and level before graphql walks
 * the page, so the field resolvers answer without a promise per row.
 */
export function readPage<R extends ObjectLiteral, P extends { nodes: R[] }>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  graph: Graph<R>,
  load: (columns: Projection<R>) => Promise<P>,
): Promise<P> {
  return read(ctx, info, graph, ["nodes"], load, (page) => page.nodes);
}

/** One record of the graph (or null), with what the query selects below it loaded the same way. */
export function readOne<R extends ObjectLiteral, T extends R | null>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  graph: Graph<R>,
  load: (columns: Projection<R>) => Promise<T>,
): Promise<T> {
  return read(ctx, info, graph, [], load, (row) => (row === null ? [] : [row as R]));
}

/** A plain list of the graph's records, the same way. */
export function readList<R extends ObjectLiteral>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  graph: Graph<R>,
  load: (columns: Projection<R>) => Promise<R[]>,
): Promise<R[]> {
  return read(ctx, info, graph, [], load, (rows) => rows);
}

async function read<R extends ObjectLiteral, T>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  graph: Graph<R>,
  path: readonly string[],
  load: (columns: Projection<R>) => Promise<T>,
  rowsOf: (result: T) => readonly R[],
): Promise<T> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type = getNamedType(info.returnType);
  for (const name of path) {
    const field = isObjectType(type) ? type.getFields()[name] : undefined;
    if (!field) throw new Error(`${type.name} has no field ${name}`);
    nodes = selectionOf(info, nodes).get(name) ?? [];
    type = getNamedType(field.type);
  }
  const selection = selectionOf(info, nodes);
  const result = await load(projection(ctx, graph, selection));
  if (isObjectType(type))
    await prefetch(ctx, info, [{ graph: graph as unknown as Graph, type, selection, rows: rowsOf(result) }]);
  return result;
}

/** The fields selected below `parents`, by name, through fragments; aliases of one field share an entry. */
export function selectionOf(info: GraphQLResolveInfo, parents: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined, fragmentsSeen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const list = fields.get(name);
        if (list) list.push(selection);
        else fields.set(name, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, fragmentsSeen);
      } else if (!fragmentsSeen.has(selection.name.value)) {
        fragmentsSeen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, fragmentsSeen);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet, new Set());
  return fields;
}

/**
 * The columns the selected fields read: plain columns, a reference's key column, a computed
 * field's declared reads, and the primary key. Undefined (every column) when a selected field is
 * none of these — a hand-written field the graph does not name — so no resolver meets a row
 * without a column it reads. Reading fewer columns is much of what a list page costs beyond the
 * floor (the driver parses every column of every row).
 */
function projection<R extends ObjectLiteral>(
  ctx: RequestContext,
  graph: Graph<R>,
  selection: Map<string, FieldNode[]>,
): Projection<R> {
  const metadata = ctx.ds.getMetadata(graph.entity);
  const plain = plainColumnFields(ctx.ds, graph.entity);
  const needed = new Set<string>(metadata.primaryColumns.map((c) => c.propertyPath));
  for (const name of selection.keys()) {
    if (name === "__typename") continue;
    const relation = graph.relations[name];
    const computed = graph.computed[name];
    // a field computed from a relation also reads that relation's key column
    const source = computed?.from === undefined ? undefined : graph.relations[computed.from];
    const columns = relation
      ? [relation.kind === "ref" ? relation.column : relation.parentColumn]
      : computed
        ? [...computed.reads, ...(source ? [source.kind === "ref" ? source.column : source.parentColumn] : [])]
        : (graph.reads[name] ?? (plain.has(name) ? [plain.get(name)!] : undefined));
    if (!columns) return undefined;
    for (const column of columns) needed.add(column);
  }
  return [...needed] as (keyof R & string)[];
}

interface Level {
  graph: Graph;
  type: GraphQLObjectType;
  selection: Map<string, FieldNode[]>;
  rows: readonly ObjectLiteral[];
}

/** Levels below the first that a prefetch follows; deeper fields still load in batches, one promise per row. */
const MAX_PREFETCH_DEPTH = 4;

/**
 * Loads the selected relations of each level's rows, one batch per relation (in parallel), then
 * the next level's. Level by level, so a level's batches skip the keys an earlier level loaded
 * (the originals of duplicates share the page's business areas) instead of racing them.
 * Relations whose scopes the caller lacks are left to their field, which refuses them.
 */
async function prefetch(ctx: RequestContext, info: GraphQLResolveInfo, levels: Level[]): Promise<void> {
  for (let depth = 0; depth < MAX_PREFETCH_DEPTH && levels.length > 0; depth++) {
    const next: Level[] = [];
    const batches: Promise<void>[] = [];
    for (const { graph, type, selection, rows } of levels) {
      if (rows.length === 0) continue;
      for (const [name, nodes] of selection) {
        const relation = graph.relations[name];
        const field = type.getFields()[name];
        if (!relation || !field || !mayRead(ctx, relation.scopes)) continue;
        const childType = getNamedType(field.type);
        const childGraph = graphOf(relation.type());
        const childSelection = childGraph && isObjectType(childType) ? selectionOf(info, nodes) : undefined;
        const paged = relation.kind === "many" && relation.paging !== "all";
        for (const first of firstValues(
          info,
          field,
          nodes,
          paged,
          (relation.kind === "many" && relation.defaultFirst) || DEFAULT_NESTED_PAGE_SIZE,
        )) {
          batches.push(
            prefetchRelation(ctx, graph, relation, rows, first).then((related) => {
              if (childGraph && childSelection && isObjectType(childType) && related.length > 0) {
                next.push({ graph: childGraph, type: childType, selection: childSelection, rows: related });
              }
            }),
          );
        }
      }
    }
    // A computed field read from a relation (`computed(…, { from })`) needs that relation's rows
    // too; when the relation itself is not selected at that level, load it here, once.
    for (const { graph, selection, rows } of levels) {
      if (rows.length === 0) continue;
      const sources = new Set<string>();
      for (const name of selection.keys()) {
        const from = graph.computed[name]?.from;
        if (from !== undefined && !selection.has(from)) sources.add(from);
      }
      for (const from of sources) {
        const relation = graph.relations[from];
        if (relation && mayRead(ctx, relation.scopes))
          batches.push(prefetchRelation(ctx, graph, relation, rows, 0).then(() => undefined));
      }
    }
    await Promise.all(batches);
    levels = next;
  }
}

/** The `first` arguments a paged relation is selected with (one prefetch each); unpaged: one pass. */
function firstValues(
  info: GraphQLResolveInfo,
  field: GraphQLObjectType["getFields"] extends () => infer F ? F[keyof F] : never,
  nodes: readonly FieldNode[],
  paged: boolean,
  defaultFirst: number,
): number[] {
  if (!paged) return [0];
  const values = new Set<number>();
  for (const node of nodes) {
    try {
      const first = getArgumentValues(field, node, info.variableValues).first;
      values.add(typeof first === "number" ? first : defaultFirst);
    } catch {
      // an argument graphql will refuse on the field itself: nothing to prefetch for it
    }
  }
  return [...values];
}
