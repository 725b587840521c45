import type { GraphQLFormattedError } from "graphql";
import type { Language } from "@arbetsliv/core";
import { SERVICE_UNAVAILABLE } from "@arbetsliv/core/data";

/** Hive Gateway's codes for a subgraph it could not reach or that did not answer GraphQL. */
const TRANSPORT_CODES = new Set(["SUBREQUEST_HTTP_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);

export function unavailableMessage(service: string, path: string, language: Language): string {
  return language === "sv"
    ? `Tjänsten ${service} svarar inte (${path}); försök igen om några sekunder`
    : `The ${service} service is not answering (${path}); retry in a few seconds`;
}

/**
 * A subgraph's errors as the client may see them. One the subgraph formatted itself (core's
 * formatError: a code, the request's language) passes as it is. A subgraph that is down or does not
 * answer GraphQL becomes SERVICE_UNAVAILABLE naming the service and the path (the endpoint then
 * answers 503 with retry-after, as for a database that does not answer), without Hive Gateway's
 * details: the subgraph's address and the query sent to it (`extensions.request`) stay inside.
 */
export function clientSubgraphError(error: GraphQLFormattedError, language: Language): GraphQLFormattedError {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const { request: _request, ...rest } = extensions;
  const code = typeof extensions.code === "string" ? extensions.code : undefined;
  if (code && !TRANSPORT_CODES.has(code)) return "request" in extensions ? { ...error, extensions: rest } : error;
  const service = typeof extensions.serviceName === "string" ? extensions.serviceName : "a";
  const path = error.path?.join(".") ?? "the operation";
  return {
    message: unavailableMessage(service, path, language),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: SERVICE_UNAVAILABLE, serviceName: service },
  };
}
