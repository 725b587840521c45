import type { IncomingHttpHeaders } from "node:http";
import { HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type ValidationRule,
} from "graphql";
import type { Language } from "@arbetsliv/core";
import { ValidDocuments, type ExecutionRuntime } from "@arbetsliv/core/execution";

/**
 * The fast path for what nearly every client sends: one operation in a JSON POST. It runs the
 * same steps as Apollo's request pipeline over the same runtime (parse with the token limit,
 * graphql's rules and the query limits, the input check, the compiled executor, error codes and
 * HTTP statuses, the formatter, JSON + "\n"), without Apollo's HTTP layer (header maps, content
 * negotiation, CSRF parsing, batching, plugin dispatch, sha256 of every query). Only requests whose
 * answer from Apollo is plainly the same are taken (see `takesFastPath`); everything else (GET,
 * other content types or accept headers, `extensions`, malformed fields) still goes to Apollo.
 * test/fast-path.e2e-spec.ts checks that both answer alike.
 */

/** What Apollo makes of the request before its pipeline: the fields its checks accept. */
export interface JsonOperation {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The content types whose CSRF check and body reading Apollo passes unchanged. */
const JSON_CONTENT_TYPES = new Set([
  "application/json",
  "application/json; charset=utf-8",
  "application/json;charset=utf-8",
]);
/** Accept headers for which Apollo's negotiation answers `application/json; charset=utf-8` (and never multipart). */
const JSON_ACCEPTS = new Set([undefined, "*/*", "application/json", "application/json, */*"]);

const APPLICATION_JSON = "application/json; charset=utf-8";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The operation of a request the fast path answers exactly as Apollo would, or null to leave it to Apollo. */
export function takesFastPath(method: string, headers: IncomingHttpHeaders, body: unknown): JsonOperation | null {
  if (method !== "POST" || !isRecord(body)) return null;
  const contentType = headers["content-type"];
  if (contentType === undefined || !JSON_CONTENT_TYPES.has(contentType.toLowerCase())) return null;
  if (!JSON_ACCEPTS.has(headers.accept)) return null;
  const { query, operationName, variables, extensions } = body;
  // An empty query, persisted queries and other extensions, and malformed fields get Apollo's own answers.
  if (typeof query !== "string" || query === "" || extensions !== undefined) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  return {
    query,
    operationName: typeof operationName === "string" ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
  };
}

/** Apollo's NoIntrospection rule (same message and extension), applied when introspection is off. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(
        new GraphQLError(
          "GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production",
          { nodes: [node], extensions: { validationErrorCode: "INTROSPECTION_DISABLED" } },
        ),
      );
    }
  },
});

/** What the request's life meets on the way (Apollo's plugins in the gateway, as plain calls). */
export interface FastPathHooks {
  /** The operation is resolved (availability: the deadline learns whether it is a mutation). */
  didResolveOperation(operation: OperationDefinitionNode): void;
  /** The answer is about to be sent (availability: 503 for an unavailable database; the relay woken after a mutation). */
  willSendResponse(answer: FastAnswer, operation: OperationDefinitionNode | undefined, language: Language): void;
}

/** The answer before it is written: what Apollo's willSendResponse plugins see. */
export interface FastAnswer {
  status: number | undefined;
  headers: HeaderMap;
  result: { errors?: GraphQLFormattedError[]; data?: unknown; extensions?: unknown };
}

export interface JsonFastPathOptions {
  runtime: ExecutionRuntime;
  introspection: boolean;
  includeStacktrace: boolean;
  /** The formatter, told the request's language (Apollo's gets it from the gateway's per-request store). */
  formatError: (formatted: GraphQLFormattedError, error: unknown, language: Language) => GraphQLFormattedError;
  hooks: FastPathHooks;
  /** Told of a failure of the pipeline itself (Apollo logs it too). */
  onUnexpectedError?(error: unknown): void;
  /** Parsed and validated documents kept, by query text (Apollo keeps its own, also bounded). */
  maxDocuments?: number;
}

/**
 * Answers one operation; `context` makes the request's context (as Apollo's context function),
 * `language` is the language of its error messages.
 */
export type JsonFastPath = (
  operation: JsonOperation,
  context: () => object,
  language: Language,
) => Promise<HTTPGraphQLResponse>;

interface HttpHead {
  status?: number;
  headers: HeaderMap;
}

/** An error as Apollo's error classes make it: a code of its own (and an HTTP status, as `extensions.http`). */
function withCode(
  error: GraphQLError,
  code: string,
  options: { status?: number; keepNodes?: boolean; originalError?: Error },
): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: options.keepNodes === false ? undefined : error.nodes,
    source: options.keepNodes === false ? error.source : undefined,
    positions: options.keepNodes === false ? error.positions : undefined,
    originalError: options.originalError ?? error.originalError ?? error,
    extensions: {
      ...(options.status ? { http: { status: options.status, headers: new HeaderMap() } } : {}),
      ...error.extensions,
      code,
    },
  });
}

/** graphql-js's variable coercion errors (Apollo's isBadUserInputGraphQLError). */
function isBadUserInput(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const name = node.variable.name.value;
  return [" has invalid value", " got invalid value ", " of required type ", " of non-null type "].some((part) =>
    error.message.startsWith(`Variable "$${name}"${part}`),
  );
}

function asGraphQLError(value: unknown): GraphQLError {
  const error = value instanceof Error ? value : new GraphQLError("Unexpected error value: " + String(value));
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

export function createJsonFastPath(options: JsonFastPathOptions): JsonFastPath {
  const { runtime, includeStacktrace, formatError, hooks } = options;
  const rules = [...specifiedRules, ...(options.introspection ? [] : [noIntrospection]), ...runtime.validationRules];
  const documents = new ValidDocuments(options.maxDocuments ?? 1_000);

  /** Apollo's normalizeAndFormatErrors: a code for every error, `extensions.http` into the head, then the formatter. */
  function formatErrors(errors: readonly GraphQLError[], head: HttpHead, language: Language): GraphQLFormattedError[] {
    const enrich = (maybe: unknown): GraphQLFormattedError => {
      const error = asGraphQLError(maybe);
      const extensions: Record<string, unknown> = {
        ...error.extensions,
        code: error.extensions.code ?? "INTERNAL_SERVER_ERROR",
      };
      const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
      if (
        http &&
        typeof http === "object" &&
        (!("status" in http) || typeof http.status === "number") &&
        (!("headers" in http) || http.headers instanceof Map)
      ) {
        if (http.status) head.status = http.status as number;
        if (http.headers)
          for (const [name, value] of http.headers as Map<string, string>) head.headers.set(name, value);
        delete extensions.http;
      }
      if (includeStacktrace) extensions.stacktrace = error.stack?.split("\n");
      return { ...error.toJSON(), extensions };
    };
    return errors.map((error) => {
      try {
        return formatError(enrich(error), error, language);
      } catch (formattingError) {
        if (includeStacktrace) return enrich(formattingError);
        return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
    });
  }

  function respond(
    result: FastAnswer["result"],
    head: HttpHead,
    operation: OperationDefinitionNode | undefined,
    language: Language,
  ): HTTPGraphQLResponse {
    const answer: FastAnswer = { status: head.status, headers: head.headers, result };
    hooks.willSendResponse(answer, operation, language);
    if (!answer.headers.get("content-type")) answer.headers.set("content-type", APPLICATION_JSON);
    const { errors, data, extensions } = answer.result;
    return {
      status: answer.status,
      headers: answer.headers,
      body: { kind: "complete", string: JSON.stringify({ errors, data, extensions }) + "\n" },
    };
  }

  /** Apollo's sendErrorResponse: errors only, 500 unless an error says otherwise. */
  function errorResponse(
    errors: GraphQLError[],
    operation: OperationDefinitionNode | undefined,
    language: Language,
  ): HTTPGraphQLResponse {
    const head: HttpHead = { headers: new HeaderMap() };
    const formatted = formatErrors(errors, head, language);
    if (!head.status) head.status = 500;
    return respond({ errors: formatted }, head, operation, language);
  }

  function documentFor(query: string): DocumentNode | GraphQLError[] {
    const cached = documents.get(query);
    if (cached) return cached;
    let document: DocumentNode;
    try {
      document = parse(query, runtime.parseOptions);
    } catch (e) {
      const error = asGraphQLError(e);
      return [
        new GraphQLError(error.message, {
          source: error.source,
          positions: error.positions,
          originalError: error,
          extensions: {
            http: { status: 400, headers: new HeaderMap() },
            ...error.extensions,
            code: "GRAPHQL_PARSE_FAILED",
          },
        }),
      ];
    }
    const invalid = validate(runtime.schema, document, rules);
    if (invalid.length) return invalid.map((e) => withCode(e, "GRAPHQL_VALIDATION_FAILED", { status: 400 }));
    documents.set(query, document);
    return document;
  }

  async function run(
    { query, operationName, variables }: JsonOperation,
    contextOf: () => object,
    language: Language,
  ): Promise<HTTPGraphQLResponse> {
    const context = contextOf();
    const document = documentFor(query);
    if (Array.isArray(document)) return errorResponse(document, undefined, language);
    const operation = getOperationAST(document, operationName) ?? undefined;
    if (operation) {
      hooks.didResolveOperation(operation);
      const problem = runtime.checkInput(document, operationName, variables);
      if (problem) {
        (problem.extensions as Record<string, unknown>).http = { status: 400 };
        return errorResponse([problem], operation, language);
      }
    }
    let result: ExecutionResult;
    try {
      result = await runtime.executor.execute({
        document,
        operation,
        requestedName: operationName,
        variables,
        context,
      });
    } catch (e) {
      return errorResponse([asGraphQLError(e)], operation, language);
    }
    if (!operation) {
      const first = result.errors?.[0];
      const resolution = first
        ? withCode(first as GraphQLError, "OPERATION_RESOLUTION_FAILURE", { status: 400 })
        : asGraphQLError(
            new Error("Unexpected error: Apollo Server did not resolve an operation but execute did not return errors"),
          );
      return errorResponse([resolution], operation, language);
    }
    const head: HttpHead = { headers: new HeaderMap() };
    const errors = result.errors?.map((e) =>
      isBadUserInput(e) && e.extensions?.code == null ? withCode(e, "BAD_USER_INPUT", {}) : (e as GraphQLError),
    );
    const formatted = errors ? formatErrors(errors, head, language) : undefined;
    // Apollo 5: errors without data (variables that do not coerce) are a bad request.
    if (errors?.length && result.data === undefined && !head.status) head.status = 400;
    return respond({ ...result, errors: formatted }, head, operation, language);
  }

  return async (operation, context, language) => {
    try {
      return await run(operation, context, language);
    } catch (e) {
      // What Apollo answers when its pipeline itself fails (a hook or the formatter throwing).
      options.onUnexpectedError?.(e);
      return errorResponse([asGraphQLError(new Error("Internal server error"))], undefined, language);
    }
  };
}
