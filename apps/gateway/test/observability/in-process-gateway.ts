import { randomBytes } from "node:crypto";
import type { SpanExporter } from "@arbetsliv/core/observability";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { loadConfig, type GatewayConfig } from "../../src/config";
import { createGateway, type Gateway } from "../../src/gateway";
import { createLogger } from "../../src/logger";
import { modules } from "../../src/modules";

/**
 * The whole gateway in this process over real HTTP (as test/harness.ts starts it), with its spans
 * going to `traceExporter`: embedded sql.js in memory, or a fresh MariaDB database with
 * TEST_DATABASE_URL.
 */
export async function startTracedGateway(
  env: Record<string, string>,
  traceExporter: SpanExporter,
): Promise<{ gateway: Gateway; config: GatewayConfig; stop(): Promise<void> }> {
  let databaseUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const { database } = splitMysqlUrl(process.env.TEST_DATABASE_URL);
    databaseUrl = withDatabase(
      process.env.TEST_DATABASE_URL,
      `${database}_obs_${process.pid}_${randomBytes(3).toString("hex")}`,
    );
    await recreateDatabase(databaseUrl);
  }
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "0",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  if (!databaseUrl) config.database = { kind: "sqljs" };
  const gateway = await createGateway(config, modules, createLogger(config.logLevel), { traceExporter });
  await gateway.start();
  return {
    gateway,
    config,
    async stop() {
      await gateway.stop();
      if (databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}
