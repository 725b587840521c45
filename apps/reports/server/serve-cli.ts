#!/usr/bin/env node
/**
 * `pnpm --filter @arbetsliv/reports serve`: serves the built app and proxies /graphql to a running
 * gateway. GATEWAY_URL (default http://127.0.0.1:4000), REPORTS_HOST (127.0.0.1), REPORTS_PORT (5180).
 */
import { startStaticServer, stopStaticServer } from "./static-server";

async function main(): Promise<void> {
  const { server, url } = await startStaticServer({
    gatewayUrl: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000",
    host: process.env.REPORTS_HOST ?? "127.0.0.1",
    port: Number(process.env.REPORTS_PORT ?? 5180),
  });
  process.stdout.write(
    `${`Rapporterna: ${url}/ (API: ${process.env.GATEWAY_URL ?? "http://127.0.0.1:4000"}/graphql)`}\n`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stopStaticServer(server).then(() => process.exit(0)));
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
