import { buildSubgraphSchema } from "@apollo/subgraph";
import { MapperKind, mapSchema, printSchemaWithDirectives, pruneSchema, renameType } from "@graphql-tools/utils";
import { GraphQLObjectType, isObjectType, parse, type GraphQLSchema } from "graphql";
import { createResolversMap, getMetadataStorage } from "type-graphql";
import type { ObjectLiteral } from "typeorm";
import { hasAnyScope } from "../auth/principal";
import { ForbiddenError, UnauthenticatedError } from "../errors/errors";
import { indexByKeys, type RequestContext } from "../context";
import type { DomainModule } from "../module/domain-module";
import { defineLoader, loaderOf, type LoaderDefinition } from "../read/loader";
import { rowsByKeys } from "../read/rows";
import { buildModuleSchema } from "../schema/build-schema";
import type { SubgraphEntity } from "./subgraph-entity";

/** Apollo Federation v2.3, the directives the subgraphs use. */
export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])`;

export interface Subgraph {
  /** The subgraph's name in the supergraph (e.g. "iop"). */
  readonly name: string;
  /** The executable subgraph schema (with `_service` and `_entities`). */
  readonly schema: GraphQLSchema;
  /** Its SDL with the federation directives, as composition reads it. */
  readonly sdl: string;
}

/**
 * One federation v2 subgraph from module descriptors, the way type-graphql's
 * `examples/apollo-federation-2` does it: type-graphql's schema (core's buildModuleSchema: deny by
 * default, validated and bounded inputs) → SDL with directives → `buildSubgraphSchema` with
 * type-graphql's resolvers. What changes on the way:
 * - the modules' `federation.entities` get `@key(fields: "id")` and a reference resolver that
 *   checks the entity's scopes and loads through one per-request loader (a batch per type, no N+1);
 *   a type the module only `contributes` fields to keeps just those and its key;
 * - every other object type is a value type: `@shareable`, since two subgraphs may both return it
 *   (PageInfo, StatisticsDisclosure…) and compute it the same way;
 * - `Subscription.events` is kept, so the supergraph's schema is the monolith's: the subgraph's
 *   schema resolves it, but only over graphql-ws (the federated gateway relays subscriptions to
 *   the platform subgraph's WebSocket server, never through its query planner);
 * - field extensions (list bounds) are carried over, so the execution runtime enforces them as in
 *   the monolith (`createExecutionRuntime` on the returned schema).
 */
export async function buildSubgraph(name: string, modules: readonly DomainModule[]): Promise<Subgraph> {
  const entities = modules.flatMap((m) => m.federation?.entities ?? []);
  for (const entity of entities)
    if (entity.scopes.length === 0)
      throw new Error(`Subgraph ${name}: entity ${entity.type.name} must declare the scopes that may resolve it`);
  const withSubgraphResolvers = modules.map((m) => ({
    ...m,
    resolvers: [...m.resolvers, ...(m.federation?.resolvers ?? [])],
  }));
  const built = await buildModuleSchema(withSubgraphResolvers, {
    skipCheck: true,
    orphanedTypes: entities.map((e) => e.type),
  });
  const byName = new Map(entities.map((e) => [graphqlName(e), e]));
  const names = new Set(entities.map((e) => e.name ?? graphqlName(e)));
  const valueTypeNames = new Map(
    modules.flatMap((m) => m.federation?.valueTypes ?? []).map((v) => [typeNameOf(v.type), v.name]),
  );
  const shaped = pruneSchema(
    mapSchema(built, {
      [MapperKind.OBJECT_TYPE]: (type) => {
        const entity = byName.get(type.name);
        const shapedType = shapeObjectType(type, entity);
        const name = entity?.name ?? valueTypeNames.get(type.name);
        return name ? renameType(shapedType, name) : shapedType;
      },
    }),
    // An entity may be reachable only from other subgraphs (the links subgraph has no query).
    { skipPruning: (type) => names.has(type.name) },
  );
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(shaped)}`;
  const resolvers = createResolversMap(shaped) as Record<string, Record<string, unknown>>;
  for (const entity of entities) {
    const typeName = entity.name ?? graphqlName(entity);
    if (!shaped.getType(typeName)) continue;
    const load = referenceLoader(entity);
    resolvers[typeName].__resolveReference = (reference: { id: string | number }, ctx: RequestContext) => {
      // The same check as an @Authorized field (UNAUTHENTICATED / FORBIDDEN naming the scopes).
      if (!ctx.principal) throw new UnauthenticatedError();
      if (!hasAnyScope(ctx.principal, entity.scopes)) throw new ForbiddenError([...entity.scopes]);
      return entity.fromRepresentation ? reference : loaderOf(ctx, load).get(Number(reference.id));
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as any }]);
  carryFieldExtensions(shaped, schema);
  return { name, schema, sdl };
}

/** The GraphQL name type-graphql gave the class (its decorator may name it: Agreement → IopAgreement). */
function graphqlName(entity: SubgraphEntity): string {
  return typeNameOf(entity.type);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function typeNameOf(target: Function): string {
  return getMetadataStorage().objectTypes.find((o) => o.target === target)?.name ?? target.name;
}

const ROOTS = new Set(["Query", "Mutation", "Subscription"]);

function shapeObjectType(type: GraphQLObjectType, entity: SubgraphEntity | undefined): GraphQLObjectType {
  if (ROOTS.has(type.name)) return type;
  const config = type.toConfig();
  const directives = (config.extensions?.directives ?? {}) as Record<string, unknown[]>;
  if (!entity)
    return new GraphQLObjectType({ ...config, extensions: withDirectives(config, { ...directives, shareable: [{}] }) });
  const keep = entity.contributes ? new Set(["id", ...(entity.external ?? []), ...entity.contributes]) : null;
  const fields = Object.fromEntries(
    Object.entries(config.fields)
      .filter(([field]) => !keep || keep.has(field))
      .map(([field, fieldConfig]) => [field, withFieldDirectives(fieldConfig, entity, field)]),
  );
  for (const field of keep ?? [])
    if (!(field in config.fields)) throw new Error(`${type.name}.${field} is declared as contributed but is no field`);
  return new GraphQLObjectType({
    ...config,
    fields,
    extensions: withDirectives(config, { ...directives, key: [{ fields: "id" }] }),
  });
}

/** `@external` on the fields the owner resolves, `@requires` on the fields that need them. */
function withFieldDirectives<F extends { extensions?: unknown }>(config: F, entity: SubgraphEntity, field: string): F {
  const directives: Record<string, unknown[]> = {};
  if (entity.external?.includes(field)) directives.external = [{}];
  const requires = entity.requires?.[field];
  if (requires) directives.requires = [{ fields: requires }];
  if (Object.keys(directives).length === 0) return config;
  return { ...config, extensions: { ...(config.extensions as object | undefined), directives } };
}

function withDirectives(
  config: ReturnType<GraphQLObjectType["toConfig"]>,
  directives: Record<string, unknown[]>,
): ReturnType<GraphQLObjectType["toConfig"]>["extensions"] {
  return { ...config.extensions, directives };
}

const referenceLoaders = new WeakMap<SubgraphEntity, LoaderDefinition<number, ObjectLiteral | null>>();

/** One loader per entity type: the `_entities` of a request asking for 100 agreements read them in one statement. */
function referenceLoader(entity: SubgraphEntity): LoaderDefinition<number, ObjectLiteral | null> {
  let definition = referenceLoaders.get(entity);
  if (!definition) {
    definition = defineLoader<number, ObjectLiteral | null>(`${entity.type.name} reference`, async (ctx, ids) => {
      const rows = entity.load
        ? await entity.load(ctx, ids)
        : await rowsByKeys<ObjectLiteral>(ctx.ds.manager, entity.type, "id", ids);
      return indexByKeys(ids, rows, (row) => Number(row.id));
    });
    referenceLoaders.set(entity, definition);
  }
  return definition;
}

/** Field extensions (list bounds, @MaxItems) from type-graphql's schema onto the subgraph's, which SDL cannot carry. */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const target = to.getType(type.name);
    if (!isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const field of Object.values(type.getFields())) {
      const into = targetFields[field.name];
      if (into && field.extensions) Object.assign(into, { extensions: { ...into.extensions, ...field.extensions } });
    }
  }
}
