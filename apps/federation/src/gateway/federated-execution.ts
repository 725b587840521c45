import { HeaderMap } from "@apollo/server";
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import {
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { formatError, messageIn, negotiateLanguage, scopeAuthChecker, type Language } from "@arbetsliv/core";
import { newStatementCounter, withStatementCounter } from "@arbetsliv/core/data";
import { createExecutionRuntime, subscriptionOverHttp, type ExecutionRuntime } from "@arbetsliv/core/execution";
import {
  type GraphqlExecution,
  type GraphqlResponse,
  createJsonFastPath,
  takesFastPath,
  markUnavailable,
  noteOperation,
  withoutSuggestions,
} from "@arbetsliv/gateway/edge";
import type { Logger } from "@arbetsliv/gateway";
import { REQUEST_ID_HEADER } from "../signature";
import { signSubgraphRequests } from "./signing-plugin";
import { createSingleSubgraphRouting } from "./single-subgraph";
import { clientSubgraphError } from "./subgraph-errors";
import { createSubgraphForwarder } from "./subgraph-forwarder";
import { answerVerbatim, passThrough, type PassThrough } from "./pass-through";

/** Hive Gateway's own answer (a request off the fast path) with its subgraph errors made client errors. */
function withClientErrors(text: string, language: Language): string {
  let answer: { errors?: GraphQLFormattedError[] };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return text;
  }
  if (!Array.isArray(answer?.errors)) return text;
  return JSON.stringify({ ...answer, errors: answer.errors.map((e) => clientSubgraphError(e, language)) });
}

/** Off the fast path (a GET): Hive Gateway would subscribe over HTTP; refused as on the fast path (core's executor). */
const refuseSubscriptionsOverHttp: GatewayPlugin = {
  onSubscribe({ context, setResultAndStopExecution }) {
    const asked = (context as { request?: Request }).request?.headers.get("accept-language") ?? undefined;
    const refusal = subscriptionOverHttp();
    setResultAndStopExecution({
      errors: [
        new GraphQLError(messageIn(refusal, negotiateLanguage(asked, "en")), { extensions: refusal.extensions }),
      ],
    });
  },
};

export interface FederatedExecutionOptions {
  supergraphSdl: string;
  /** The monolith's schema (core's buildModuleSchema over the same modules): documents are validated on it. */
  schema: GraphQLSchema;
  /** GATEWAY_SUBGRAPH_SECRET, shared with the subgraphs. */
  secret: string;
  introspection: boolean;
  production: boolean;
  logger: Logger;
}

/** What the fast path's context carries to the forwarding executor. */
type Forward = PassThrough;

/** A subgraph's (or Hive Gateway's) GraphQL answer as the fast path's result, its errors made client errors. */
function executionResult(
  result: { data?: Record<string, unknown> | null; errors?: GraphQLFormattedError[] },
  language: Language,
): ExecutionResult {
  return {
    ...("data" in result ? { data: result.data } : {}),
    ...(result.errors
      ? {
          errors: result.errors
            .map((e) => clientSubgraphError(e, language))
            .map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })),
        }
      : {}),
  };
}

function withoutHttp(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !("http" in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}

/**
 * The monolith's GraphqlExecution (apps/gateway/src/execution/apollo-execution.ts) with Hive
 * Gateway in Apollo's place. Everything in front of it — token, rate, body, trusted documents,
 * document limits, deadline, answer size — is the monolith's own /graphql endpoint. A JSON POST
 * goes through the monolith's fast path (json-fast-path.ts): parsed, validated and its input
 * checked on the monolith's schema (the supergraph's scalars cannot check a literal), errors with
 * the monolith's codes and statuses; only its execution is Hive Gateway's query plan over the
 * signed subgraphs. Any other request (GET, other content types) goes to Hive Gateway as it is.
 * An operation one subgraph answers alone (single-subgraph.ts) skips Hive Gateway: the client's
 * request goes to that subgraph signed, as it is, and its answer comes back (pass-through.ts).
 */
export function createFederatedExecution(options: FederatedExecutionOptions): GraphqlExecution & {
  readonly runtime: GatewayRuntime;
} {
  const hive = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    logging: false,
    landingPage: false,
    graphiql: false,
    // Subgraph errors reach the client as the subgraph formatted them (core's formatError: codes, fields, language).
    maskedErrors: false,
    disableIntrospection: options.introspection ? undefined : { disableIf: () => true },
    plugins: () => [signSubgraphRequests(options.secret), refuseSubscriptionsOverHttp],
    // Hive's HTTP transport would merge identical queries in flight into one subgraph request,
    // keyed on the body alone, before the signing plugin adds the client's token: a second
    // client's request would then be answered with the first one's authorisation (and without
    // its own access-log entry). Every client request goes with its own token.
    transportEntries: { "*.http": { options: { deduplicateInflightRequests: false } } },
  });

  /** The headers Hive Gateway's subgraph requests take from the client's (signing-plugin.ts). */
  function clientHeaders(to: { authorization: string | undefined; requestId: string; language: Language }) {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      [REQUEST_ID_HEADER]: to.requestId,
      "accept-language": to.language,
    };
    if (to.authorization) headers.authorization = to.authorization;
    return headers;
  }

  /**
   * Hive Gateway's plan over the document the edge has already parsed and validated on the
   * monolith's schema, through envelop as Hive's own SDK requester runs it: no request inside
   * the process, no second parse or validation, no JSON between the two. The context carries
   * the client's headers to the signing plugin as a request would.
   */
  async function planned(
    document: DocumentNode,
    operationName: string | undefined,
    variableValues: Record<string, unknown> | undefined,
    to: Forward,
  ): Promise<ExecutionResult> {
    await hive.getSchema();
    const request = new Request("http://gateway/graphql", { method: "POST", headers: clientHeaders(to) });
    const { execute, schema, contextFactory } = hive.getEnveloped({ request });
    const result = (await execute({
      schema,
      document,
      operationName,
      variableValues,
      contextValue: await contextFactory(),
    })) as ExecutionResult;
    return executionResult(
      {
        ...("data" in result ? { data: result.data as Record<string, unknown> | null } : {}),
        // As Hive Gateway's HTTP answer has them: `extensions.http` is for its own response, not the client's.
        ...(result.errors ? { errors: result.errors.map((e) => withoutHttp(e.toJSON())) } : {}),
      },
      to.language,
    );
  }

  async function forward(
    method: string,
    search: string,
    body: unknown,
    to: { authorization: string | undefined; requestId: string; language: Language },
  ): Promise<Response> {
    return hive.fetch(
      new Request(`http://gateway/graphql${search}`, {
        method,
        headers: clientHeaders(to),
        body: method === "POST" ? JSON.stringify(body) : undefined,
      }),
    );
  }

  const routing = createSingleSubgraphRouting(options.supergraphSdl, options.schema);
  const forwarder = createSubgraphForwarder(options.secret);
  const monolith = createExecutionRuntime(options.schema, { authChecker: scopeAuthChecker });
  const runtime: ExecutionRuntime = {
    ...monolith,
    executor: {
      async execute(request): Promise<ExecutionResult> {
        // No operation chosen: the monolith's executor answers with the error, running nothing.
        if (!request.operation) return monolith.executor.execute(request);
        const to = request.context as Forward;
        // Subscriptions go over WebSocket (subscription-relay.ts); over HTTP core's executor refuses them.
        if (request.operation.operation === "subscription") return monolith.executor.execute(request);
        const target = routing.targetOf(request.document, request.operation as OperationDefinitionNode);
        if (target)
          return passThrough(
            forwarder,
            target,
            { ...request, operation: request.operation },
            options.schema,
            to,
            executionResult,
          );
        return planned(
          request.document,
          request.operation.name?.value,
          (request.variables ?? undefined) as Record<string, unknown> | undefined,
          to,
        );
      },
    },
  };
  const onInternalError = (error: unknown) =>
    options.logger.log("error", "internal error", { error: String((error as Error)?.stack ?? error) });
  const fastPath = createJsonFastPath({
    runtime,
    introspection: options.introspection,
    includeStacktrace: !options.production,
    formatError: (formatted, error, language) => {
      const safe = formatError(formatted, error, { includeStack: !options.production, onInternalError, language });
      return options.production ? withoutSuggestions(safe) : safe;
    },
    onUnexpectedError: (error) => options.logger.log("error", "unexpected error processing request", { error }),
    hooks: {
      didResolveOperation: (operation) => noteOperation(operation.operation),
      willSendResponse: (answer, _operation, language) => markUnavailable(answer.result, answer, language),
    },
  });

  let stopped = false;
  return {
    runtime: hive,
    async start() {},
    async stop() {
      if (stopped) return;
      stopped = true;
      forwarder.close();
      await hive.dispose();
    },
    async execute({ method, headers, search, body, requestId, language }, deadline) {
      const authorization = typeof headers.authorization === "string" ? headers.authorization : undefined;
      const operation = takesFastPath(method, headers, body);
      const counter = newStatementCounter(deadline, { keepStatements: false });
      const answered = withStatementCounter(
        counter,
        (): Promise<GraphqlResponse> =>
          operation
            ? (() => {
                const to: Forward = { query: operation.query, authorization, requestId, language };
                return fastPath(operation, () => to, language).then((answer) => answerVerbatim(answer, to));
              })()
            : forward(method, search, body, { authorization, requestId, language }).then(async (response) => {
                const out = new HeaderMap();
                out.set("content-type", response.headers.get("content-type") ?? "application/json; charset=utf-8");
                return {
                  status: response.status,
                  headers: out,
                  body: { kind: "complete", string: withClientErrors(await response.text(), language) },
                };
              }),
      );
      const response = await Promise.race([answered, deadline.reached.then(() => null)]);
      deadline.dispose();
      if (!response) answered.catch(() => undefined);
      // Statements run in the subgraphs; their own logs count them.
      return { response, statements: 0 };
    },
  };
}
