// `@arbetsliv/core/federation`: a module's resolvers as an Apollo Federation v2 subgraph (the
// several-processes topology, apps/federation). The embedded single process never loads it.
export { buildSubgraph, FEDERATION_LINK, type Subgraph } from "./build-subgraph";
export { subgraphEntity, type SubgraphEntity, type SubgraphDeclaration } from "./subgraph-entity";
