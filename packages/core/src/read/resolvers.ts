import { Args, Authorized, Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import { DEFAULT_NESTED_PAGE_SIZE, FirstArgs, MaxItems, withFirst } from "../schema/list-bounds";
import type { Computed, Graph, Relation } from "./graph";
import { loadRelation } from "./relation-loaders";

const generated = new WeakMap<Graph, Function>(); // eslint-disable-line @typescript-eslint/no-unsafe-function-type

/**
 * The field resolvers of a graph, as a type-graphql resolver class made from the declaration:
 * one field per relation (through its loader, access log and row policy) and per computed field,
 * each with its type, description and `@Authorized` scopes. Made once per graph: type-graphql's
 * metadata is global, so a second class would declare every field twice.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function graphResolver(graph: Graph): Function {
  const known = generated.get(graph);
  if (known) return known;
  const FieldsOfGraph = class {};
  Object.defineProperty(FieldsOfGraph, "name", { value: `${graph.entity.name}GraphFields` });
  for (const [name, relation] of Object.entries(graph.relations))
    addRelationField(FieldsOfGraph, graph, name, relation);
  for (const [name, field] of Object.entries(graph.computed)) addComputedField(FieldsOfGraph, graph, name, field);
  Resolver(() => graph.entity)(FieldsOfGraph);
  generated.set(graph, FieldsOfGraph);
  return FieldsOfGraph;
}

function addRelationField(target: ClassType, graph: Graph, name: string, relation: Relation<ObjectLiteral>): void {
  const prototype = target.prototype as Record<string, unknown>;
  const paged = relation.kind === "many" && relation.paging !== "all";
  const resolve = paged
    ? (row: ObjectLiteral, args: { first: number }, ctx: RequestContext) =>
        loadRelation(ctx, graph, relation, row, args.first)
    : (row: ObjectLiteral, ctx: RequestContext) => loadRelation(ctx, graph, relation, row, 0);
  const descriptor = define(prototype, name, resolve);
  Root()(prototype, name, 0);
  if (paged) {
    const firstArgs = firstArgsOf(relation.defaultFirst); // made now: type-graphql reads its metadata before it calls the thunk
    // Not validated again per parent row (class-validator was ~10 % of a nested page's CPU):
    // the execution runtime refuses a `first` outside 1–100 before the field resolves
    // (packages/core/src/execution/list-bounds.ts).
    // (type-graphql calls a validateFn whatever `validate` says, so the field gets one that does nothing.)
    Args(() => firstArgs, { validateFn: alreadyChecked })(prototype, name, 1);
  }
  Ctx()(prototype, name, paged ? 2 : 1);
  const type = relation.kind === "ref" || relation.single ? relation.type : () => [relation.type()];
  FieldResolver(type, {
    nullable: relation.nullable,
    description: relation.description,
    deprecationReason: relation.deprecationReason,
  })(prototype, name, descriptor);
  if (relation.scopes?.length) Authorized(...relation.scopes)(prototype, name, descriptor);
  if (relation.kind === "many" && relation.paging === "all" && !relation.single) {
    if (!relation.maxItems)
      throw new Error(`${graph.entity.name}.${name}: a relation with paging "all" declares maxItems`);
    MaxItems(relation.maxItems)(prototype, name, descriptor);
  }
}

/** A relation's `first` was checked before the field resolved (execution/list-bounds.ts). */
const alreadyChecked = (): void => undefined;

const firstArgsByDefault = new Map<number, ClassType<FirstArgs>>();

/** The `first` argument of a paged relation: core's (default 25) or one with the relation's own default (one class per default). */
function firstArgsOf(defaultFirst: number | undefined): ClassType<FirstArgs> {
  if (defaultFirst === undefined || defaultFirst === DEFAULT_NESTED_PAGE_SIZE) return FirstArgs;
  let args = firstArgsByDefault.get(defaultFirst);
  if (!args) firstArgsByDefault.set(defaultFirst, (args = withFirst(defaultFirst)));
  return args;
}

function addComputedField(target: ClassType, graph: Graph, name: string, field: Computed<ObjectLiteral>): void {
  const prototype = target.prototype as Record<string, unknown>;
  const source = field.from === undefined ? undefined : graph.relations[field.from];
  const descriptor = source
    ? define(prototype, name, (row: ObjectLiteral, ctx: RequestContext) => {
        // the relation's loader: the value itself when a prefetch (or its field) loaded it, else one batch per level
        const related = loadRelation(ctx, graph, source, row, 0);
        return related instanceof Promise
          ? related.then((value) => field.resolve(row, value as never))
          : field.resolve(row, related as never);
      })
    : define(prototype, name, (row: ObjectLiteral) => field.resolve(row, undefined as never));
  Root()(prototype, name, 0);
  if (source) Ctx()(prototype, name, 1);
  FieldResolver(field.type as () => ClassType, {
    nullable: field.nullable,
    description: field.description,
    deprecationReason: field.deprecationReason,
  })(prototype, name, descriptor);
  const scopes = field.scopes?.length ? field.scopes : source?.scopes;
  if (scopes?.length) Authorized(...scopes)(prototype, name, descriptor);
}

function define(
  prototype: Record<string, unknown>,
  name: string,
  method: (...args: never[]) => unknown,
): PropertyDescriptor {
  const descriptor: PropertyDescriptor = { value: method, writable: true, configurable: true, enumerable: false };
  Object.defineProperty(prototype, name, descriptor);
  return descriptor;
}
