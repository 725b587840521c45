import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  GraphQLError,
  Kind,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { inputDefaultsFiller } from "./input-defaults";

type Compiled = CompiledQuery | ExecutionResult;

/**
 * Executes operations with graphql-jit instead of graphql-js: each operation is compiled once into
 * a JavaScript function that calls the same resolvers (so authorization, validation of inputs and
 * the access log stay exactly where they are) without graphql-js's per-field interpretation.
 * Apollo still parses, validates (with our security rules), formats errors and writes the response.
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option; this is a gateway of
 * one fixed schema. Compiled operations are kept per parsed document: Apollo keeps one DocumentNode
 * per distinct query text in its bounded document store, so the compiled functions live exactly
 * as long as those documents (a WeakMap, no second cache to size).
 */
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const fillInputDefaults = inputDefaultsFiller(schema);

  function compiledFor(document: DocumentNode, operationName: string | null): Compiled {
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let compiled = byOperation.get(key);
    if (!compiled) {
      // graphql-jit's own errors (e.g. a null in a non-null field) skip capturing a stack: cheaper, and their message says it all.
      compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byOperation.set(key, compiled);
    }
    return compiled;
  }

  const executor: GatewayExecutor = async (requestContext) => {
    // No operation chosen (several in the document and no or no matching operationName): Apollo
    // answers the error we return here as 400 OPERATION_RESOLUTION_FAILURE.
    if (!requestContext.operation)
      return { errors: [operationNotChosen(requestContext.document, requestContext.request.operationName)] };
    const variables = requestContext.request.variables ?? {};
    // Variables are checked by graphql-js itself first, so a bad variable gets exactly graphql-js's
    // message (naming the variable and the field), which Apollo answers as BAD_USER_INPUT.
    const definitions = requestContext.operation.variableDefinitions ?? [];
    const coerced = getVariableValues(schema, definitions, variables);
    if (coerced.errors) return { errors: coerced.errors };
    const compiled = compiledFor(requestContext.document, requestContext.operationName);
    if (!isCompiledQuery(compiled)) return withGraphQLErrors(compiled);
    return withGraphQLErrors(
      await compiled.query(undefined, requestContext.context, fillInputDefaults(definitions, variables)),
    );
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async stop() {},
  };
}

/** Why no operation of the document can run, naming the operations it has (client text, so bounded). */
export function operationNotChosen(document: DocumentNode, operationName: unknown): GraphQLError {
  const names = document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? "(anonymous)"] : [],
  );
  const listed = names.slice(0, 10).join(", ") + (names.length > 10 ? `, … ${names.length - 10} more` : "");
  if (typeof operationName === "string") {
    const asked = operationName.length > 100 ? `${operationName.slice(0, 100)}…` : operationName;
    return new GraphQLError(`No operation named "${asked}" in the document; its operations are: ${listed}`);
  }
  return new GraphQLError(
    `The document has ${names.length} operations (${listed}): name the one to run in "operationName"`,
  );
}

/**
 * graphql-jit builds some errors without `extensions`, which Apollo's error formatting reads:
 * those are rebuilt as graphql-js GraphQLErrors (extensions then come from the original error).
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !e.extensions)) return result;
  const errors = result.errors.map((e) =>
    e.extensions
      ? e
      : new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError ?? undefined,
        }),
  );
  return { ...result, errors };
}
