import type { GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { operationScopes, scopeAuthChecker } from "../auth/authorization";
import type { DomainModule } from "../module/domain-module";
import { assertBoundedInputs } from "../scalars/input-bounds";
import { validateInput } from "../errors/validate-input";
import { graphResolver } from "../read/resolvers";

/**
 * type-graphql wants a PubSub for any `@Subscription`, even one that brings its own `subscribe`
 * (the events module's, fed by the gateway's event source). Ours all do, so this one is never used.
 */
const noTopicPubSub: PubSub = {
  publish: () => {
    throw new Error("Subscriptions bring their own subscribe function; topics are not used");
  },
  subscribe: () => {
    throw new Error("Subscriptions bring their own subscribe function; topics are not used");
  },
};

/**
 * Builds one schema from modules: every operation must declare scopes (deny by default),
 * inputs are validated with class-validator, and auth errors carry stable codes.
 */
export async function buildModuleSchema(
  modules: readonly DomainModule[],
  /**
   * For a federation subgraph (federation/build-subgraph.ts): `skipCheck`, as it may have no query of
   * its own; `orphanedTypes`, its entities, which may be reachable only through other subgraphs.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  options: { skipCheck?: boolean; orphanedTypes?: Function[] } = {},
): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((m) => [...m.resolvers, ...(m.graphs ?? []).map(graphResolver)]);
  if (resolvers.length === 0) throw new Error("No resolvers: register at least one module");
  operationScopes(resolvers);
  const schema = await buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: resolvers as [Function, ...Function[]],
    authChecker: scopeAuthChecker,
    validate: { forbidUnknownValues: false },
    // class-validator with errors naming the input path and the rule (errors/validate-input.ts).
    validateFn: validateInput,
    pubSub: noTopicPubSub,
    ...(options.skipCheck ? { skipCheck: true } : {}),
    ...(options.orphanedTypes?.length ? { orphanedTypes: options.orphanedTypes } : {}),
  });
  // Every number and money input has a range (scalars/input-bounds.ts); the build fails otherwise.
  assertBoundedInputs(resolvers);
  describeRootTypes(schema);
  return schema;
}

/** type-graphql builds the root types without a description; the schema's contract gives each one. */
function describeRootTypes(schema: GraphQLSchema): void {
  const descriptions = [
    [
      schema.getQueryType(),
      "Reads. Each field needs one of the scopes it names; reads of person-level data are written to the access log (Query.accessLog).",
    ],
    [
      schema.getMutationType(),
      "Changes. Each field needs one of the scopes it names and takes its values in one `input` argument, with `expectedVersion` (optimistic locking) inside it; top-level arguments from before are deprecated.",
    ],
    [schema.getSubscriptionType(), "Live streams, served over WebSocket (graphql-ws) at /graphql."],
  ] as const;
  for (const [type, description] of descriptions) if (type && !type.description) type.description = description;
}
