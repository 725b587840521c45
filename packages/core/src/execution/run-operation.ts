import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
} from "graphql";
import type { ExecutionRuntime } from "./runtime";
import { ValidDocuments } from "./valid-documents";

export interface OperationRequest<Context> {
  source: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  context: Context;
}

/** Formats one error for the client: (what the error says, the error) → what the client sees. */
export type ErrorFormatter = (formatted: GraphQLFormattedError, error: GraphQLError) => GraphQLFormattedError;

export interface OperationResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLFormattedError[];
}

/**
 * One operation from its text to its answer, the way the gateway's Apollo runs it over the same
 * runtime: parse (token limit), validate (graphql's rules and the query limits), resolve the
 * operation, check its input, execute compiled; errors get the codes Apollo gives them
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables,
 * OPERATION_RESOLUTION_FAILURE, INTERNAL_SERVER_ERROR for anything without a code) and then
 * go through `format` (core's formatError in both). Valid documents are kept per runtime by query
 * text (ValidDocuments), so a repeated operation is neither parsed nor validated nor compiled again. For tests and tools; the gateway itself runs
 * Apollo, whose pipeline this mirrors.
 */
export async function runOperation<Context, T = Record<string, unknown>>(
  runtime: ExecutionRuntime,
  request: OperationRequest<Context>,
  format: ErrorFormatter,
): Promise<OperationResult<T>> {
  const fail = (errors: GraphQLError[]): OperationResult<T> => ({
    errors: errors.map((e) => formatWithCode(e, format)),
  });
  const documents = validDocumentsOf(runtime);
  let document = documents.get(request.source);
  if (!document) {
    try {
      document = parse(request.source, runtime.parseOptions);
    } catch (e) {
      if (!(e instanceof GraphQLError)) throw e;
      return fail([withCode(e, "GRAPHQL_PARSE_FAILED", e)]);
    }
    const invalid = validate(runtime.schema, document, [...specifiedRules, ...runtime.validationRules]);
    if (invalid.length) return fail(invalid.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED", e.originalError ?? e)));
    documents.set(request.source, document);
  }
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    const { errors } = await runtime.executor.execute({
      document,
      operation,
      requestedName: request.operationName,
      context: request.context,
    });
    return fail((errors ?? []).map((e) => withCode(e as GraphQLError, "OPERATION_RESOLUTION_FAILURE", e)));
  }
  const problem = runtime.checkInput(document, request.operationName, request.variables);
  if (problem) return fail([problem]);
  const result: ExecutionResult = await runtime.executor.execute({
    document,
    operation,
    requestedName: request.operationName,
    variables: request.variables,
    context: request.context,
  });
  const errors = result.errors?.map((e) =>
    isVariableCoercionError(e) && e.extensions?.code == null ? withCode(e, "BAD_USER_INPUT", e.originalError ?? e) : e,
  );
  return {
    ...("data" in result ? { data: result.data as T | null } : {}),
    ...(errors ? { errors: errors.map((e) => formatWithCode(e, format)) } : {}),
  };
}

/** One cache per runtime: its schema and rules decide what is valid. */
const validDocuments = new WeakMap<ExecutionRuntime, ValidDocuments>();

function validDocumentsOf(runtime: ExecutionRuntime): ValidDocuments {
  let documents = validDocuments.get(runtime);
  if (!documents) validDocuments.set(runtime, (documents = new ValidDocuments()));
  return documents;
}

/** The error with a code of its own, as Apollo's error classes make it (the original kept for formatting). */
function withCode(error: GraphQLError, code: string, originalError: Error): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError,
    extensions: { ...error.extensions, code },
  });
}

/** Apollo's last step: an error without a code is an internal one. */
function formatWithCode(error: GraphQLError, format: ErrorFormatter): GraphQLFormattedError {
  const formatted = error.toJSON();
  const code = formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR";
  return format({ ...formatted, extensions: { ...formatted.extensions, code } }, error);
}

/** graphql-js's variable coercion errors (what Apollo answers as BAD_USER_INPUT). */
function isVariableCoercionError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const name = node.variable.name.value;
  return [" has invalid value", " got invalid value ", " of required type ", " of non-null type "].some((part) =>
    error.message.startsWith(`Variable "$${name}"${part}`),
  );
}
