/**
 * Child process: the real gateway (createGateway + the registered modules) on an ephemeral
 * loopback port, configured like production. Its JSON request log goes to stdout (a file).
 */
import "reflect-metadata";
import { createGateway, createLogger, loadConfig, modules } from "@arbetsliv/gateway";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const gateway = await createGateway(config, modules, logger);
  await gateway.start();
  process.send?.({ ready: true, url: gateway.url });
  process.on("message", (m) => {
    if (m === "stop") void gateway.stop().then(() => process.exit(0));
  });
  process.on("disconnect", () => process.exit(0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
