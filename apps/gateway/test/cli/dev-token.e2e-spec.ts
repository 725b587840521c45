import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTokenVerifier } from "@arbetsliv/core";
import { loadConfig } from "../../src/config";
import { GRAPHIQL_PAGE, graphiqlAsset } from "../../src/http/graphiql";
import { modules } from "../../src/modules";
import { REPO_ROOT, run } from "./run-cli";

jest.setTimeout(120_000);

/**
 * The README's first API step, run as a user types it from the repository root. A root script
 * named just "token" never ran: pnpm hands that command to npm, whose own token command answers.
 */
describe("pnpm dev-token, as the README says", () => {
  it("pnpm -s dev-token -- --list prints every scope", async () => {
    const r = await run("pnpm", ["-s", "dev-token", "--", "--list"]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    for (const scope of modules.flatMap((m) => m.scopes)) expect(r.stdout).toContain(scope.name);
  });

  it("TOKEN=$(pnpm -s dev-token -- --scopes synpunkter:stats) is one token the development gateway accepts, for 8 h", async () => {
    const r = await run("pnpm", ["-s", "dev-token", "--", "--scopes", "synpunkter:stats"]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    const token = r.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const principal = await createTokenVerifier(loadConfig({ NODE_ENV: "development" }).auth).verify(token);
    expect({ subject: principal.subject, scopes: [...principal.scopes] }).toEqual({
      subject: "developer",
      scopes: ["synpunkter:stats"],
    });
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(8 * 3600);
  });

  it("refuses a token the gateway would refuse: too long, or a subject with a space (exit 2, nothing printed)", async () => {
    for (const [args, problem] of [
      [["--expires", "30d"], "The gateway would refuse this token: The bearer token lives too long"],
      [["--sub", "anna andersson"], "subject (sub) must be a string"],
    ] as const) {
      const r = await run("pnpm", ["-s", "dev-token", "--", "--scopes", "iop:read", ...args]);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
      expect(r.stderr).toContain(problem);
    }
  });

  it("no document, log line or IDE text names the old token script (which npm answers)", () => {
    const files = [
      "README.md",
      "SECURITY.md",
      "apps/gateway/README.md",
      "apps/gateway/src/main.ts",
      "apps/bench/README.md",
      ...readdirSync(join(REPO_ROOT, "packages")).map((p) => `packages/${p}/README.md`),
    ];
    const texts = files.flatMap((f) => {
      try {
        return [{ file: f, text: readFileSync(join(REPO_ROOT, f), "utf8") }];
      } catch {
        return [];
      }
    });
    texts.push({ file: "GraphiQL page", text: GRAPHIQL_PAGE + graphiqlAsset("init.js")!.body.toString() });
    const stale = texts.filter((t) => /pnpm (-s )?token\b/.test(t.text)).map((t) => t.file);
    expect(stale).toEqual([]);
    expect(texts.find((t) => t.file === "README.md")!.text).toContain("pnpm -s dev-token -- --scopes synpunkter:stats");
  });
});
