#!/usr/bin/env node
/**
 * Prints a signed development token for the scopes you choose:
 *   pnpm token -- --scopes synpunkter:read,synpunkter:stats [--sub anna] [--name "Anna A"] [--system] [--expires 8h]
 * Uses AUTH_JWT_SECRET, or the development secret the gateway uses when none is set.
 */
import { signDevelopmentToken } from "@arbetsliv/core";
import { ConfigError, loadConfig } from "../config";
import { modules } from "../modules";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const all = modules.flatMap((m) => m.scopes);
  if (process.argv.includes("--list") || !arg("scopes")) {
    console.log("Scopes (pass with --scopes a,b,c; --scopes all for every scope):");
    for (const s of all) console.log(`  ${s.name.padEnd(34)} ${s.description}`);
    if (!arg("scopes")) return;
  }
  const config = loadConfig({ ...process.env, NODE_ENV: process.env.NODE_ENV === "production" ? "production" : "development" });
  if (!config.devSecret) throw new Error("No shared secret: tokens for a JWKS-configured gateway come from your identity provider.");
  const requested = arg("scopes")!;
  const scopes = requested === "all" ? all.map((s) => s.name) : requested.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !all.some((d) => d.name === s));
  if (unknown.length) throw new Error(`Unknown scopes: ${unknown.join(", ")} (run pnpm token -- --list)`);
  const token = await signDevelopmentToken(
    config.devSecret,
    { sub: arg("sub") ?? "developer", name: arg("name"), scopes, kind: process.argv.includes("--system") ? "system" : "user", issuer: config.auth.issuer, audience: config.auth.audience },
    arg("expires") ?? "8h",
  );
  console.log(token);
}

main().catch((e) => {
  console.error(e instanceof ConfigError || e instanceof Error ? e.message : e);
  process.exit(1);
});
