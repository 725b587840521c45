#!/usr/bin/env node
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { createGateway } from "./gateway";
import { createLogger } from "./logger";
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
  const gateway = await createGateway(config, modules, logger);
  await gateway.start();
  if (config.devSecret) {
    logger.log("info", "development: get a token with `pnpm token -- --scopes synpunkter:stats` and open the IDE", { ide: `${gateway.url}/graphql` });
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log("info", "signal received", { signal });
    gateway.stop().then(
      () => process.exit(0),
      (e) => {
        logger.log("error", "shutdown failed", { error: String(e) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
