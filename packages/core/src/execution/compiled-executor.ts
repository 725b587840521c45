import {
  GraphQLError,
  Kind,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { DomainError, ErrorCode } from "../errors/errors";
import { inputDefaultsFiller } from "./input-defaults";

type Compiled = CompiledQuery | ExecutionResult;

/** One operation of a parsed and validated document, resolved (getOperationAST) by the caller. */
export interface ResolvedOperation<Context> {
  document: DocumentNode;
  /** The operation to run; null when the document names none that matches (answered as an error). */
  operation: OperationDefinitionNode | null | undefined;
  /** The operationName the client sent (for the error when no operation was chosen). */
  requestedName?: unknown;
  variables?: Record<string, unknown> | null;
  context: Context;
}

export interface CompiledExecutor {
  /** Runs one resolved operation through its compiled function (compiled on first use). */
  execute<Context>(request: ResolvedOperation<Context>): Promise<ExecutionResult>;
}

/**
 * Executes operations with graphql-jit instead of graphql-js: each operation is compiled once into
 * a JavaScript function that calls the same resolvers (so authorization, validation of inputs and
 * the access log stay exactly where they are) without graphql-js's per-field interpretation.
 * Parsing, validation and error formatting are the caller's (Apollo in the gateway, the test kit's
 * TestApp through runOperation).
 *
 * Compiled operations are kept per parsed document: the gateway's Apollo keeps one DocumentNode
 * per distinct query text in its bounded document store, so the compiled functions live exactly
 * as long as those documents (a WeakMap, no second cache to size).
 */
export function createCompiledExecutor(schema: GraphQLSchema): CompiledExecutor {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const fillInputDefaults = inputDefaultsFiller(schema);

  function compiledFor(document: DocumentNode, operationName: string | undefined): Compiled {
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let compiled = byOperation.get(key);
    if (!compiled) {
      // graphql-jit's own errors (e.g. a null in a non-null field) skip capturing a stack: cheaper, and their message says it all.
      compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(key, compiled);
    }
    return compiled;
  }

  return {
    async execute({ document, operation, requestedName, variables, context }) {
      // No operation chosen (several in the document and no or no matching operationName): the
      // gateway's Apollo answers this error as 400 OPERATION_RESOLUTION_FAILURE.
      if (!operation) return { errors: [operationNotChosen(document, requestedName)] };
      // A subscription's events are its root values, delivered over WebSocket; over HTTP it has none.
      if (operation.operation === "subscription") return { errors: [subscriptionOverHttp()] };
      const given = variables ?? {};
      // Variables are checked by graphql-js itself first, so a bad variable gets exactly graphql-js's
      // message (naming the variable and the field), answered as BAD_USER_INPUT.
      const definitions = operation.variableDefinitions ?? [];
      const coerced = getVariableValues(schema, definitions, given);
      if (coerced.errors) return { errors: coerced.errors };
      const compiled = compiledFor(document, operation.name?.value);
      if (!isCompiledQuery(compiled)) return withGraphQLErrors(compiled);
      return withGraphQLErrors(await compiled.query(undefined, context, fillInputDefaults(definitions, given)));
    },
  };
}

/**
 * The answer to a subscription sent over HTTP (a plain request): where subscriptions are served.
 * The gateway and the federated gateway give it alike.
 */
export function subscriptionOverHttp(): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, {
    en: "Subscriptions are served over WebSocket (graphql-ws) at /graphql",
    sv: "Prenumerationer tas emot över WebSocket (graphql-ws) på /graphql",
  });
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
 * graphql-jit builds some errors without `extensions`, which error formatting reads: those are
 * rebuilt as graphql-js GraphQLErrors (extensions then come from the original error).
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
