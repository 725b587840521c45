import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { AuthorizationError, getMetadataStorage, type AuthChecker } from "type-graphql";

/** A function auth checker, as given to type-graphql's buildSchema (core's scopeAuthChecker). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AuthCheck = (
  data: { root: any; args: any; context: any; info: any },
  roles: string[],
) => boolean | Promise<boolean>;

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldMetadata = Storage["fields"][number];
type ClassType = Function; // eslint-disable-line @typescript-eslint/no-unsafe-function-type

/** Schemas whose plain fields were already replaced: a second pass would take list-bound wrappers for plain fields. */
const prepared = new WeakSet<GraphQLSchema>();

/**
 * Execution fast path for plain property fields, decided from type-graphql's metadata
 * (getMetadataStorage()), never from the resolver functions themselves.
 *
 * type-graphql gives every `@Field` property without a `@FieldResolver` and without `simple: true`
 * its basic resolver: a middleware runner around `root[property]`. A field with
 * `@Authorized(...)` becomes an async chain (AuthMiddleware → dispatchHandler → next), so every
 * row of a list that selects one such field becomes a promise. The metadata says which fields got
 * that basic resolver: an object type's field whose field metadata has no middlewares and for which
 * no field resolver is registered. Those are replaced, right after the schema is built, with
 * synchronous resolvers doing the same thing: read the property, and for `@Authorized` fields
 * call the same auth checker with the same roles first (a refusal throws the same error, at the
 * same path). A field without roles whose property has the field's own name gets no resolver at
 * all: the compiled executor then reads the property inline, without a call and a resolve info
 * per row (graphql's default resolver reads the same property). The schema's shape is unchanged.
 *
 * Preconditions (what core's `buildModuleSchema` does, and why `prepareExecutionSchema` runs this
 * first): no global middlewares, and no resolver replaced since type-graphql built the schema.
 * Runs once per schema; a second call changes nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useSyncFieldResolvers(
  schema: GraphQLSchema,
  checker: AuthChecker<any, string>,
): { replaced: number; authorized: number } {
  // A class-based checker is instantiated per call by type-graphql's container; leave such schemas alone.
  if ((checker as { prototype?: { check?: unknown } }).prototype?.check) return { replaced: 0, authorized: 0 };
  if (prepared.has(schema)) return { replaced: 0, authorized: 0 };
  prepared.add(schema);
  const authChecker = checker as AuthCheck;
  const storage = getMetadataStorage();
  let replaced = 0;
  let authorized = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const meta = storage.objectTypes.find((o) => o.name === type.name);
    if (!meta) continue; // not a type-graphql object type
    const chain = classChain(meta.target);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue; // `simple` fields: already graphql's default read
      const fm = plainFieldMetadata(storage, chain, field.name);
      if (!fm) continue;
      const name = fm.name;
      // roles as type-graphql resolved them when it built the schema
      const roles = fm.roles as string[] | undefined;
      if (roles) {
        field.resolve = authorizedProperty(name, roles, authChecker);
        authorized++;
      } else if (name === field.name) {
        // No resolver at all: the compiled executor then reads the property inline (no call, no resolve info).
        field.resolve = undefined;
      } else {
        field.resolve = (root: Record<string, unknown>) => root[name];
      }
      replaced++;
    }
  }
  return { replaced, authorized };
}

/** The class and its superclasses: type-graphql copies a superclass's fields into the subclass's type. */
function classChain(target: ClassType): ClassType[] {
  const chain: ClassType[] = [];
  for (let t = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.push(t);
  return chain;
}

/**
 * The field metadata of `schemaName` on the class chain (the nearest class first, as type-graphql
 * lets a subclass's field win) if type-graphql gave it its basic property resolver: no field
 * resolver on any class of the chain names it, and it has no middlewares of its own. Otherwise null.
 */
function plainFieldMetadata(storage: Storage, chain: ClassType[], schemaName: string): FieldMetadata | null {
  let fm: FieldMetadata | undefined;
  for (const target of chain) {
    fm = storage.fields.find((f) => f.target === target && f.schemaName === schemaName);
    if (fm) break;
  }
  if (!fm || (fm.middlewares && fm.middlewares.length > 0)) return null;
  const property = fm.name;
  const resolved = storage.fieldResolvers.some((r) => {
    const owner = r.getObjectType?.() as ClassType | undefined;
    return owner !== undefined && chain.includes(owner) && (r.methodName === property || r.schemaName === schemaName);
  });
  return resolved ? null : fm;
}

function authorizedProperty(
  name: string,
  roles: string[],
  authChecker: AuthCheck,
): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  return (root, args, context, info) => {
    const granted = authChecker({ root, args, context, info }, roles);
    if (granted === true) return root[name];
    if (granted && typeof (granted as Promise<boolean>).then === "function") {
      return (granted as Promise<boolean>).then((ok) => {
        if (!ok) throw new AuthorizationError();
        return root[name];
      });
    }
    throw new AuthorizationError();
  };
}
