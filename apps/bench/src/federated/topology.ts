import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { SUBGRAPHS } from "@arbetsliv/federation/dist/topology";
import type { Child } from "../measure/servers";
import { startProgram } from "./spawned";

/** The federated topology's processes: the gateway and one per subgraph. */
export interface FederatedTopology {
  gateway: Child;
  subgraphs: Child[];
  /** Every process, the gateway first. */
  all: Child[];
  stop(): Promise<void>;
}

/** The built programs; BENCH_FEDERATION_DIST measures another build of them (e.g. one kept from before a change). */
const federationDist =
  process.env.BENCH_FEDERATION_DIST ?? join(dirname(require.resolve("@arbetsliv/federation/package.json")), "dist");

/**
 * The six subgraphs and the federated gateway (apps/federation), built, in production mode, on
 * the bench's database with the monolith's configuration, a generated GATEWAY_SUBGRAPH_SECRET,
 * and the same node flags as the monolith's process. The subgraphs never migrate or seed.
 */
export async function startFederatedTopology(
  env: NodeJS.ProcessEnv,
  logDir: string,
  execArgv: string[],
): Promise<FederatedTopology> {
  const shared = { ...env, GATEWAY_SUBGRAPH_SECRET: randomBytes(32).toString("hex"), DEMO_SEED: "false" };
  const subgraphs: Child[] = [];
  const stopAll = async (children: Child[]) => {
    await Promise.all(children.map((c) => c.stop()));
  };
  try {
    for (const spec of SUBGRAPHS)
      subgraphs.push(
        await startProgram(
          `subgraph-${spec.name}`,
          join(federationDist, "subgraph-main.js"),
          { ...shared, SUBGRAPH: spec.name },
          logDir,
          "subgraph listening",
          execArgv,
        ),
      );
    const gateway = await startProgram(
      "federated-gateway",
      join(federationDist, "gateway-main.js"),
      { ...shared, SUBGRAPH_URLS: subgraphs.map((s, i) => `${SUBGRAPHS[i].name}=${s.url}/graphql`).join(",") },
      logDir,
      "federated gateway listening",
      execArgv,
    );
    const all = [gateway, ...subgraphs];
    return { gateway, subgraphs, all, stop: () => stopAll(all) };
  } catch (e) {
    await stopAll(subgraphs);
    throw e;
  }
}
