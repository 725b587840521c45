#!/usr/bin/env node
/**
 * `pnpm reports` (root): the reports on demo data in one command. Starts the built gateway in
 * development mode on a fresh embedded database with the demo data, mints a DEMO token holding
 * only the `:stats` scopes (signed with the development secret; never for production), serves the
 * built app with /graphql proxied to the gateway, and prints the address to open. Ctrl-C stops both.
 *
 * REPORTS_PORT (default 5180) and REPORTS_HOST (127.0.0.1) choose where the app listens; the
 * gateway takes a free port of its own.
 */
import { execFileSync } from "node:child_process";
import { GATEWAY_TOKEN_CLI, STATS_SCOPES, startGateway } from "./gateway-child";
import { startStaticServer, stopStaticServer } from "./static-server";

async function main(): Promise<void> {
  process.stdout.write("Startar API:t (gateway) med demodata …\n");
  const gateway = await startGateway({ mode: "development" });
  const token = execFileSync(
    process.execPath,
    [
      GATEWAY_TOKEN_CLI,
      "--scopes",
      STATS_SCOPES.join(","),
      "--sub",
      "demo-namnd",
      "--name",
      "Demo (nämndledamot)",
      "--expires",
      "8h",
    ],
    { env: { ...process.env, NODE_ENV: "development" }, encoding: "utf8" },
  ).trim();
  const { server, url } = await startStaticServer({
    gatewayUrl: gateway.url,
    host: process.env.REPORTS_HOST ?? "127.0.0.1",
    port: Number(process.env.REPORTS_PORT ?? 5180),
  });
  process.stdout.write(`
Rapporterna är igång på demodata.

  Öppna:  ${url}/?typ=ar&ar=2021#token=${token}

Länken bär en DEMOTOKEN (bara ${STATS_SCOPES.join(", ")}; giltig 8 timmar),
signerad med utvecklingsnyckeln – bara för demo, aldrig i produktion. En egen token:
  pnpm -s dev-token -- --scopes ${STATS_SCOPES.join(",")}
och klistra in den på sidan. API:t: ${gateway.url}/graphql

Avsluta med Ctrl-C.
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("\nStoppar …\n");
    await stopStaticServer(server);
    await gateway.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  gateway.child.once("exit", (code) => {
    if (stopping) return;
    console.error(`API:t (gateway) avslutades oväntat (kod ${code}).`);
    void stopStaticServer(server).then(() => process.exit(1));
  });
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
