import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDataSource, databaseConfigFromEnv } from "@arbetsliv/core/data";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess, type ProcessExit } from "../process-gateway";

jest.setTimeout(180_000);

/**
 * Starting the built gateway: it binds its port before it touches the database (a port in use
 * fails at once and seeds nothing), answers probes while it migrates and seeds, and a start that
 * cannot succeed ends with one line saying what to do, no stack trace, and a non-zero exit code.
 */
const STACK_LINE = /^\s+at .+/m;

async function exitWithin(gw: GatewayProcess, ms: number): Promise<ProcessExit | null> {
  let timer: NodeJS.Timeout | undefined;
  const exit = await Promise.race([
    gw.exited,
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms))),
  ]);
  clearTimeout(timer);
  return exit;
}

/** Tables in the process's database (MariaDB), or whether its sql.js file exists. */
async function databaseTouched(gw: GatewayProcess): Promise<boolean> {
  const config = databaseConfigFromEnv(gw.env);
  if (config.kind === "sqljs") return existsSync(config.file!);
  const ds = await createDataSource(config, { modules: [] }).initialize();
  try {
    const rows = (await ds.query(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()",
    )) as { n: number | string }[];
    return Number(rows[0].n) > 0;
  } finally {
    await ds.destroy();
  }
}

describe(`gateway process start on ${testDatabaseKind()}`, () => {
  let dir: string;
  let blocker: Server;
  const processes: GatewayProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arbetsliv-startup-"));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const gw of processes) await gw.stop();
    await new Promise((resolve) => blocker.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  const launch = async (env: Record<string, string>) => {
    const gw = await GatewayProcess.launch({ env });
    processes.push(gw);
    return gw;
  };

  it("with its port in use: exits non-zero within seconds with one clear line, no stack, and the database untouched", async () => {
    const port = (blocker.address() as { port: number }).port;
    const file = join(dir, "port-in-use.sqlite");
    const began = Date.now();
    const gw = await launch({ PORT: String(port), ...(process.env.TEST_DATABASE_URL ? {} : { DB_FILE: file }) });
    const exit = await exitWithin(gw, 15_000);
    const output = `${gw.stderr}\n${gw.logLines.join("\n")}`;
    expect(exit?.code).toBe(1);
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(gw.stderr.trim()).toBe(
      `Cannot start the gateway: Port ${port} on 127.0.0.1 is in use: stop the other process (e.g. another gateway) or set PORT to a free port`,
    );
    expect(output).not.toMatch(STACK_LINE);
    // Bound before the database is opened: nothing was created, migrated or seeded.
    expect(await databaseTouched(gw)).toBe(false);
  });

  it.each([
    [
      "refused",
      "mariadb://u:p@127.0.0.1:1/x",
      "Cannot start the gateway: Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED): is MariaDB/MySQL running there? Check DATABASE_URL",
    ],
    [
      "an unknown host",
      "mariadb://u:p@no-such-host.invalid:3306/x",
      "Cannot start the gateway: Cannot reach the database at no-such-host.invalid:3306 (ENOTFOUND)",
    ],
  ])(
    "with an unreachable database (%s): exits non-zero with one clear line naming host and port, no stack, no password",
    async (_name, url, line) => {
      const gw = await launch({ DATABASE_URL: url });
      const exit = await exitWithin(gw, 30_000);
      expect(exit?.code).toBe(1);
      expect(gw.stderr.trim().split("\n")).toHaveLength(1);
      expect(gw.stderr).toContain(line);
      expect(`${gw.stderr}\n${gw.logLines.join("\n")}`).not.toMatch(STACK_LINE);
      expect(gw.stderr).not.toContain("u:p@");
    },
  );

  (process.env.TEST_DATABASE_URL ? it : it.skip)(
    "with a wrong database password: one line saying the user was refused",
    async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.password = "wrong-password";
      const gw = await launch({ DATABASE_URL: url.toString() });
      const exit = await exitWithin(gw, 30_000);
      expect(exit?.code).toBe(1);
      expect(gw.stderr.trim()).toMatch(
        /^Cannot start the gateway: The database at [^ ]+ refused the user \(ER_ACCESS_DENIED_ERROR\): check the user, password and grants in DATABASE_URL$/,
      );
      expect(gw.stderr).not.toContain("wrong-password");
    },
  );

  it("binds the port first and, while it migrates and seeds, answers /healthz 200, /readyz 503 and /graphql 503 STARTING", async () => {
    const gw = await launch({ ...(process.env.TEST_DATABASE_URL ? {} : { DB_FILE: join(dir, "starting.sqlite") }) });
    await gw.waitUntilStarted(60_000, '"gateway listening');
    const [health, ready, graphql] = await Promise.all([
      fetch(`${gw.url}/healthz`),
      fetch(`${gw.url}/readyz`),
      fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      }),
    ]);
    // Demo data takes seconds to load, so these were answered before the gateway was ready.
    expect(gw.logLines.some((l) => l.includes('"gateway started"'))).toBe(false);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "starting" });
    expect(graphql.status).toBe(503);
    expect(Number(graphql.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await graphql.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("STARTING");
    expect(body.errors[0].message).toMatch(/starting.*retry/);
    // …and once started, serves.
    await gw.waitUntilStarted(120_000);
    expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
    const served = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await gw.token([])}` },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(served.status).toBe(200);
  });
});
