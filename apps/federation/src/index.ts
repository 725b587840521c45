// `@arbetsliv/federation`: the platform as several processes (see README "Running as several processes").
export { SUBGRAPHS, subgraphSpec, type SubgraphSpec } from "./topology";
export { buildSubgraphs, composeSupergraph, CompositionError } from "./supergraph";
export {
  createSubgraphServer,
  type SubgraphServer,
  type SubgraphServerOptions,
  type MountedRoute,
} from "./subgraph/subgraph-server";
export { createFederatedGateway, type FederatedGateway } from "./gateway/federated-gateway";
export { createSubscriptionRelay, SUBSCRIPTION_SUBGRAPH } from "./gateway/subscription-relay";
export { subgraphUrls, defaultSubgraphUrl, FIRST_SUBGRAPH_PORT } from "./gateway/subgraph-urls";
export * from "./signature";
