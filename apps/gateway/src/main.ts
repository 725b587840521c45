#!/usr/bin/env node
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createGateway } from "./gateway";
import { createLogger } from "./logger";
import { manageProcess } from "./lifecycle/process-lifecycle";
import { StartupError } from "./lifecycle/startup";
import { modules } from "./modules";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  // Signals and uncaught errors are handled from here on, also while the gateway is being built.
  const lifecycle = manageProcess(logger, config.shutdownTimeoutMs);
  const gateway = await createGateway(config, modules, logger);
  lifecycle.manage(gateway);
  try {
    await gateway.start();
  } catch (e) {
    if (lifecycle.stopping) return; // a signal stopped the start; the shutdown path exits
    if (e instanceof StartupError) {
      // One line saying what to do; the stack of a refused connection helps nobody.
      console.error(`Cannot start the gateway: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  if (config.devSecret) {
    logger.log(
      "info",
      "development: get a token with `pnpm -s dev-token -- --scopes synpunkter:stats` and open the IDE",
      { ide: `${gateway.url}/graphql` },
    );
  }
}

main().catch((e) => {
  console.error(`Cannot start the gateway: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
