#!/usr/bin/env node
/**
 * Prints a signed development token for the scopes you choose, as `pnpm dev-token` (a root script
 * named just "token" never runs: pnpm hands that command to npm, whose own token command answers).
 * Uses AUTH_JWT_SECRET, or the development secret the gateway uses when none is set; the token is
 * checked against the gateway's own token policy before it is printed.
 */
import { createTokenVerifier, DEFAULT_TOKEN_POLICY, signDevelopmentToken } from "@arbetsliv/core";
import { loadConfig } from "../config";
import { modules } from "../modules";
import { parseCommandLine, refuseUsage } from "./args";

const USAGE = `Prints a signed development token.

Usage: pnpm -s dev-token -- --scopes a,b [--sub anna] [--name "Anna A"] [--system] [--expires 8h]
       pnpm dev-token -- --list

  --scopes a,b,c     the scopes to grant (--scopes all for every scope)
  --list             list every scope with what it unlocks
  --sub ID           the subject (default "developer"): 1–255 of A–Z a–z 0–9 . _ ~ @ : | + = / -
  --name TEXT        a display name
  --system           a system (integration) token instead of a person's
  --expires SPAN     lifetime such as 30m, 8h (default 8 h, or AUTH_MAX_TOKEN_LIFETIME_SECONDS if shorter)
  -h, --help         this text`;

async function main(): Promise<void> {
  const args = parseCommandLine(USAGE, {
    scopes: { type: "string" },
    list: { type: "boolean" },
    sub: { type: "string" },
    name: { type: "string" },
    system: { type: "boolean" },
    expires: { type: "string" },
  });
  const all = modules.flatMap((m) => m.scopes);
  if (args.list || args.scopes === undefined) {
    console.log("Scopes (pass with --scopes a,b,c; --scopes all for every scope):");
    for (const s of all) console.log(`  ${s.name.padEnd(34)} ${s.description}`);
    if (args.scopes === undefined) return;
  }
  const scopes =
    args.scopes === "all"
      ? all.map((s) => s.name)
      : args.scopes
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  const unknown = scopes.filter((s) => !all.some((d) => d.name === s));
  if (unknown.length)
    refuseUsage(USAGE, `Unknown scopes: ${unknown.join(", ")} (pnpm dev-token -- --list shows every scope)`);

  const config = loadConfig({
    ...process.env,
    NODE_ENV: process.env.NODE_ENV === "production" ? "production" : "development",
  });
  if (!config.devSecret)
    throw new Error("No shared secret: tokens for a JWKS-configured gateway come from your identity provider.");
  const maxLifetime = config.auth.maxLifetimeSeconds ?? DEFAULT_TOKEN_POLICY.maxLifetimeSeconds;
  let token: string;
  try {
    token = await signDevelopmentToken(
      config.devSecret,
      {
        sub: args.sub ?? "developer",
        name: args.name,
        scopes,
        kind: args.system ? "system" : "user",
        issuer: config.auth.issuer,
        audience: config.auth.audience,
      },
      args.expires ?? `${Math.min(8 * 3600, maxLifetime)}s`,
    );
  } catch {
    refuseUsage(USAGE, `--expires must be a span such as 30m or 8h (got "${args.expires}")`);
  }
  // The gateway's own check, so a token it would refuse (too long, a bad --sub) is never printed.
  await createTokenVerifier(config.auth)
    .verify(token)
    .catch((e: Error) => refuseUsage(USAGE, `The gateway would refuse this token: ${e.message}`));
  console.log(token);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
