import "reflect-metadata";
import { createLogger, loadConfig, modules } from "@arbetsliv/gateway";
import { createFederatedGateway } from "./gateway/federated-gateway";
import { federatedGatewayObservability } from "./cluster/federated-observability";
import { subgraphUrls } from "./gateway/subgraph-urls";
import { subgraphSecret } from "./signature";
import { buildSubgraphs, composeSupergraph } from "./supergraph";
import { stopOnSignals } from "./stop-on-signals";

/**
 * The federated gateway: `PORT=4000 node dist/gateway-main.js`, with the monolith's configuration
 * (AUTH_*, limits, REDIS_URL for a shared rate limit…), GATEWAY_SUBGRAPH_SECRET and SUBGRAPH_URLS.
 * Composes the supergraph in-process from the subgraphs' SDL (built from the same modules), so a
 * composition error stops the start. METRICS_TOKEN and OTEL_TRACES_EXPORTER as the monolith's:
 * /metrics on its port, a server span per request whose context the subgraphs continue.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const urls = subgraphUrls(process.env);
  const supergraphSdl = composeSupergraph(await buildSubgraphs(), (name) => urls.get(name)!);
  const gateway = await createFederatedGateway({
    config,
    modules,
    supergraphSdl,
    subgraphUrls: urls,
    secret: subgraphSecret(process.env, config.env === "production"),
    logger,
    observability: federatedGatewayObservability(config, process.env),
  });
  stopOnSignals(logger, () => gateway.stop());
  await gateway.start();
  logger.log("info", "federated gateway listening", { url: gateway.url, subgraphs: Object.fromEntries(urls) });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
