/**
 * The gateway's edge as parts, for another front that must behave exactly as the monolith's
 * (the federated gateway and its subgraph servers in apps/federation): the router, the /graphql
 * endpoint, token checking, request limits, the fast path, languages, bodies and answers. One
 * code path, so both topologies refuse, limit and answer alike.
 */
export { bearerAuthenticator } from "./auth/bearer";
export type { GraphqlExecution, GraphqlResponse } from "./execution/apollo-execution";
export { createJsonFastPath, takesFastPath } from "./execution/json-fast-path";
export { markUnavailable, noteOperation } from "./http/availability";
export { graphqlEndpoint } from "./http/graphql-endpoint";
export { requestLanguage, VARY_LANGUAGE } from "./http/language";
export { withoutSuggestions } from "./http/mask-suggestions";
export { cachedReadiness } from "./http/readiness";
export { BodyTooLargeError, readBody } from "./http/request-body";
export { graphqlError, sendJson } from "./http/respond";
export { newRequestId, stampResponse } from "./http/response-headers";
export { createRouter } from "./http/router";
export { createRequestLimits } from "./limits/request-limits";
export type { GatewayMetrics } from "./observability/gateway-observability";
export { createEventRuntime, type EventRuntime } from "./events/event-runtime";
export type { EventsConfig, SubscriptionLimits } from "./events/events-config";
export {
  attachSubscriptionServer,
  WS_CLOSE,
  type Refusal,
  type RelayedConnection,
  type RelayedOperation,
  type SubscriptionRelay,
  type SubscriptionServer,
} from "./events/subscription-server";
