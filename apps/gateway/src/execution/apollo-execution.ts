import type { IncomingHttpHeaders } from "node:http";
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLFormattedError } from "graphql";
import type { DataSource } from "typeorm";
import {
  createRequestContext,
  formatError,
  type FormatErrorOptions,
  type Language,
  type Principal,
  type RequestContext,
} from "@arbetsliv/core";
import { newStatementCounter, withStatementCounter, type RequestDeadline } from "@arbetsliv/core/data";
import type { ExecutionRuntime } from "@arbetsliv/core/execution";
import type { GatewayConfig } from "../config";
import { availabilityPlugin, markUnavailable, noteOperation } from "../http/availability";
import { currentLanguage, withLanguage } from "../http/language";
import { withoutSuggestions } from "../http/mask-suggestions";
import type { Logger } from "../logger";
import type { EventRuntime } from "../events/event-runtime";
import { wakeRelayAfterMutations } from "../events/wake-plugin";
import { compiledExecutionGateway } from "./compiled-executor";
import { inputChecksPlugin } from "./input-checks";
import { RecentWriters } from "./read-your-writes";
import { createJsonFastPath, takesFastPath } from "./json-fast-path";

export interface GraphqlRequest {
  method: string;
  headers: IncomingHttpHeaders;
  search: string;
  body: unknown;
  principal: Principal | null;
  requestId: string;
  /** The language of the answer's error messages (http/language.ts). */
  language: Language;
}

/** An answer another process already encoded (the federated gateway's pass-through): sent as these bytes. */
export interface EncodedBody {
  kind: "bytes";
  bytes: Buffer;
}

/** Apollo's answer, or one whose body is already bytes (no decoding and encoding it again on the way through). */
export type GraphqlResponse = Omit<HTTPGraphQLResponse, "body"> & { body: HTTPGraphQLResponse["body"] | EncodedBody };

export interface GraphqlOutcome {
  /** The answer; null when the deadline came first (the execution finishes in the background, refused at its next statement). */
  response: GraphqlResponse | null;
  /** SQL statements the request ran (until its answer or its deadline). */
  statements: number;
}

export interface GraphqlExecution {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Runs one GraphQL request within `deadline`: a plain JSON POST through the fast path
   * (json-fast-path.ts), anything else through Apollo; both over core's runtime.
   */
  execute(request: GraphqlRequest, deadline: RequestDeadline): Promise<GraphqlOutcome>;
}

/** Apollo (parsing, validation, plugins, error formatting, HTTP semantics) over core's execution runtime. */
export function createGraphqlExecution(
  config: GatewayConfig,
  runtime: ExecutionRuntime,
  ds: DataSource,
  events: EventRuntime,
  logger: Logger,
): GraphqlExecution {
  const production = config.env === "production";
  // With read replicas, a caller's requests read from the primary for a while after its mutation.
  const recentWriters =
    config.database.kind === "mysql" && config.database.replicaUrls?.length
      ? new RecentWriters(config.readYourWritesMs)
      : null;
  const onInternalError = (err: unknown) =>
    logger.log("error", "internal error", { error: String((err as Error)?.stack ?? err) });
  // One options object per language, made once (no allocation per request or error).
  const formatOptions: Record<Language, FormatErrorOptions> = {
    en: { includeStack: !production, onInternalError, language: "en" },
    sv: { includeStack: !production, onInternalError, language: "sv" },
  };
  const clientError = (formatted: GraphQLFormattedError, error: unknown, language: Language): GraphQLFormattedError => {
    const safe = formatError(formatted, error, formatOptions[language]);
    // No "Did you mean …" in production, also not from variables (http/mask-suggestions.ts).
    return production ? withoutSuggestions(safe) : safe;
  };
  const apollo = new ApolloServer<RequestContext>({
    // The schema reaches Apollo through the compiled executor's gateway (execution/compiled-executor.ts).
    gateway: compiledExecutionGateway(runtime),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // Signals are handled once, in main.ts: Apollo's own handlers made a second stop() that never resolved.
    stopOnTerminationSignals: false,
    // No automatic persisted queries: every document arrives whole, for the request guard to see (and
    // Apollo's APQ errors carry no code, so a bad `extensions.persistedQuery` became an internal error).
    persistedQueries: false,
    validationRules: [...runtime.validationRules],
    parseOptions: runtime.parseOptions,
    plugins: [
      // Apollo's default cache-control plugin wraps every resolver (+45 % per request).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      availabilityPlugin,
      inputChecksPlugin(runtime),
      wakeRelayAfterMutations(events),
    ],
    // Apollo's formatter is given no request: Apollo's requests run with their language in http/language.ts's store.
    formatError: (formatted, error) => clientError(formatted, error, currentLanguage(config.defaultLanguage)),
  });
  const fastPath = createJsonFastPath({
    runtime,
    introspection: config.introspection,
    includeStacktrace: !production,
    formatError: clientError,
    onUnexpectedError: (error) => logger.log("error", "unexpected error processing request", { error }),
    hooks: {
      didResolveOperation: (operation) => noteOperation(operation.operation),
      willSendResponse(answer, operation, language) {
        markUnavailable(answer.result, answer, language);
        // As wakeRelayAfterMutations does for Apollo's answers.
        if (operation?.operation === "mutation") events.wake();
      },
    },
  });
  // Apollo answers requests that come before start or after stop with its own errors.
  let started = false;
  let stopping = false;

  return {
    async start() {
      await apollo.start();
      started = true;
    },
    async stop() {
      stopping = true;
      if (started) await apollo.stop();
    },
    async execute({ method, headers: incoming, search, body, principal, requestId, language }, deadline) {
      const subject = principal?.subject;
      const counter = newStatementCounter(deadline, {
        keepStatements: false,
        readsOnPrimary: recentWriters?.wroteRecently(subject),
      });
      const operation = started && !stopping ? takesFastPath(method, incoming, body) : null;
      const execution = withStatementCounter(counter, () =>
        operation
          ? fastPath(operation, () => createRequestContext(ds, principal, requestId), language)
          : withLanguage(language, () =>
              apollo.executeHTTPGraphQLRequest({
                httpGraphQLRequest: { method, headers: headerMap(incoming), search, body },
                context: async () => createRequestContext(ds, principal, requestId),
              }),
            ),
      );
      const response = await Promise.race([execution, deadline.reached.then(() => null)]);
      deadline.dispose();
      if (counter.mutation && subject !== undefined) recentWriters?.note(subject);
      if (!response) execution.catch(() => undefined); // finishes in the background, refused at its next statement
      return { response, statements: counter.count };
    },
  };
}

function headerMap(incoming: IncomingHttpHeaders): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}
