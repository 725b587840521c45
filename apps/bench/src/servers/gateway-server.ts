/**
 * Child process: the real gateway (createGateway + the registered modules) on an ephemeral
 * loopback port, configured like production. Its JSON request log goes to stdout (a file).
 * With BENCH_GATEWAY_ENTRY it runs another build of the gateway instead (the --baseline
 * worktree's apps/gateway/dist/index.js), which loads its own dependencies from that tree.
 */
type GatewayPackage = typeof import("@arbetsliv/gateway");

function gatewayPackage(): GatewayPackage {
  const entry = process.env.BENCH_GATEWAY_ENTRY;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (entry) return require(entry) as GatewayPackage;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("reflect-metadata");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@arbetsliv/gateway") as GatewayPackage;
}

async function main(): Promise<void> {
  const { createGateway, createLogger, loadConfig, modules } = gatewayPackage();
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
