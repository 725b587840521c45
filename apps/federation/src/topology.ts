import { coreModule, type DomainModule } from "@arbetsliv/core";
import { modules as monolithModules } from "@arbetsliv/gateway";

/**
 * The subgraphs of the federated topology and the modules each one serves. The module
 * descriptors are the monolith's own (apps/gateway/src/modules.ts): one source for both. The
 * gateway's cross-domain fields are not here: in this topology the domains own them as entity
 * references (iopModule.federation, relationsvaldModule.federation), so the gateway owns none.
 */
export interface SubgraphSpec {
  /** The subgraph's name in the supergraph and on the command line (SUBGRAPH=iop). */
  readonly name: string;
  /** The modules whose resolvers it serves. */
  readonly modules: readonly DomainModule[];
  /** The modules whose tables it reads (its DataSource's entities): core's and its own, plus what it links. */
  readonly dataModules: readonly DomainModule[];
  /** Serves `Subscription.events` over graphql-ws (the platform subgraph: the federated gateway relays to it). */
  readonly subscriptions?: boolean;
}

function moduleNamed(name: string): DomainModule {
  const found = monolithModules.find((m) => m.name === name);
  if (!found) throw new Error(`No module "${name}" in the gateway's modules`);
  return found;
}

const domain = (name: string): SubgraphSpec => ({
  name,
  modules: [moduleNamed(name)],
  dataModules: [coreModule, moduleNamed(name)],
});

/** Every subgraph, in the order the supergraph lists them. */
export const SUBGRAPHS: readonly SubgraphSpec[] = [
  domain("synpunkter"),
  domain("ekonomiskt-bistand"),
  domain("relationsvald"),
  domain("iop"),
  domain("donationsfonder"),
  // The platform's own queries: the access and deletion logs (core) and the event catalogue and feed (events);
  // and the live events (Subscription.events), which the federated gateway relays to it.
  {
    name: "platform",
    modules: [coreModule, moduleNamed("events")],
    dataModules: [coreModule, moduleNamed("events")],
    subscriptions: true,
  },
];

export function subgraphSpec(name: string): SubgraphSpec {
  const spec = SUBGRAPHS.find((s) => s.name === name);
  if (!spec) throw new Error(`Unknown subgraph "${name}"; one of: ${SUBGRAPHS.map((s) => s.name).join(", ")}`);
  return spec;
}
