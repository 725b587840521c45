import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { AuthorizationError, getMetadataStorage, type AuthChecker } from "type-graphql";

/** A function auth checker, as given to type-graphql's buildSchema (core's scopeAuthChecker). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AuthCheck = (data: { root: any; args: any; context: any; info: any }, roles: string[]) => boolean | Promise<boolean>;

/**
 * Execution fast path for plain property fields (no @FieldResolver, no @UseMiddleware).
 *
 * type-graphql wraps every such field in a middleware runner; a field with `@Authorized(...)`
 * becomes an async chain (AuthMiddleware → dispatchHandler → next), so every row of a list
 * that selects one such field becomes a promise, and graphql-js completes the whole list
 * through promiseForObject. This replaces those wrappers, after the schema is built, with
 * synchronous resolvers that do the same thing: read the property, and for `@Authorized`
 * fields call the same auth checker with the same roles first (a refusal throws the same
 * error, at the same path). A field without roles whose property has the field's own name gets
 * no resolver at all: the compiled executor then reads the property inline, without a call and
 * a resolve info per row (graphql's default resolver reads the same property). The schema
 * (types, fields, descriptions) is not changed.
 *
 * Assumes what core's `buildModuleSchema` does: no global middlewares. A field with its own
 * middlewares, a field resolver, or a resolver not made by type-graphql is left alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useSyncFieldResolvers(schema: GraphQLSchema, checker: AuthChecker<any, string>): { replaced: number; authorized: number } {
  // A class-based checker is instantiated per call by type-graphql's container; leave such schemas alone.
  if ((checker as { prototype?: { check?: unknown } }).prototype?.check) return { replaced: 0, authorized: 0 };
  const authChecker = checker as AuthCheck;
  const storage = getMetadataStorage();
  let replaced = 0;
  let authorized = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const meta = storage.objectTypes.find((o) => o.name === type.name);
    if (!meta) continue;
    const chain: Function[] = []; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    for (let t = meta.target; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) chain.push(t);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || !isTypeGraphqlBasicResolver(field.resolve)) continue;
      if (storage.fieldResolvers.some((r) => r.schemaName === field.name && chain.includes(r.getObjectType?.() as Function))) continue; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
      const fm = storage.fields.find((f) => f.schemaName === field.name && chain.includes(f.target));
      // roles and middlewares as type-graphql resolved them when it built the schema
      if (!fm || (fm.middlewares && fm.middlewares.length > 0)) continue;
      const name = fm.name;
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

function authorizedProperty(name: string, roles: string[], authChecker: AuthCheck): GraphQLFieldResolver<Record<string, unknown>, unknown> {
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

/** type-graphql's createBasicFieldResolver: `applyMiddlewares(…, () => root[fieldMetadata.name])`. */
function isTypeGraphqlBasicResolver(fn: (...args: never[]) => unknown): boolean {
  return fn.toString().includes("root[fieldMetadata.name]");
}
