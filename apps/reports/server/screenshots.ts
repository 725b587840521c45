#!/usr/bin/env node
/**
 * `pnpm --filter @arbetsliv/reports screenshots`: one PNG per page of the reports on the demo data
 * (year 2021, a stats-only token) into docs/, for the README. Starts its own gateway and server.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launchBrowser } from "./browser";
import { PACKAGE_ROOT } from "./paths";
import { GATEWAY_TOKEN_CLI, STATS_SCOPES, startGateway } from "./gateway-child";
import { startStaticServer, stopStaticServer } from "./static-server";

const PAGES = [
  ["/", "oversikt"],
  ["/synpunkter", "synpunkter"],
  ["/relationsvald", "relationsvald"],
  ["/donationsfonder", "donationsfonder"],
  ["/iop", "iop"],
  ["/ekonomiskt-bistand", "ekonomiskt-bistand"],
] as const;

async function main(): Promise<void> {
  const out = resolve(PACKAGE_ROOT, "docs");
  mkdirSync(out, { recursive: true });
  const gateway = await startGateway({ mode: "development" });
  const token = execFileSync(process.execPath, [GATEWAY_TOKEN_CLI, "--scopes", STATS_SCOPES.join(",")], {
    env: { ...process.env, NODE_ENV: "development" },
    encoding: "utf8",
  }).trim();
  const { server, url } = await startStaticServer({ gatewayUrl: gateway.url });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}/?typ=ar&ar=2021#token=${token}`);
    for (const [path, name] of PAGES) {
      await page.goto(`${url}${path}?typ=ar&ar=2021`);
      await page.locator("#rapport").waitFor();
      await page.screenshot({ path: resolve(out, `${name}.png`), fullPage: true });
      process.stdout.write(`docs/${name}.png\n`);
    }
    // What a reversed period looks like: the message, not an empty page.
    await page.goto(`${url}/synpunkter?typ=intervall&fran=2021-12-01&till=2021-01-31`);
    await page.getByRole("alert").waitFor();
    await page.screenshot({ path: resolve(out, "felaktig-period.png") });
    process.stdout.write("docs/felaktig-period.png\n");
  } finally {
    await browser.close();
    await stopStaticServer(server);
    await gateway.stop();
  }
}

main().catch((e: Error) => {
  console.error(e);
  process.exit(1);
});
