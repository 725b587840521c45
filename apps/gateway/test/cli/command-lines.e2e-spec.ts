import { createServer, type AddressInfo, type Server } from "node:net";
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { runBuiltCli } from "./run-cli";

jest.setTimeout(120_000);

/**
 * Every built command-line program refuses what it does not know before it opens anything: an
 * unknown flag or a stray word ends it with exit 2 and the usage on stderr, `--help` prints the
 * usage and exits 0. "Opens nothing" is measured: the database URL points at a listener here that
 * counts connections (and closes them, so a program that does connect fails at once).
 */
describe("the gateway's command-line programs", () => {
  let listener: Server;
  let connections = 0;
  let databaseUrl = "";

  beforeAll(async () => {
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((r) => listener.listen(0, "127.0.0.1", r));
    databaseUrl = `mariadb://nobody:nothing@127.0.0.1:${(listener.address() as AddressInfo).port}/arbetsliv_never`;
  });
  afterAll(() => new Promise((r) => listener.close(r)));

  const env = () => ({ NODE_ENV: "development", DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: databaseUrl });

  it.each([
    ["retention", ["--", "--dryrun"], "Unknown option '--dryrun'"],
    ["retention", ["--help", "--yse"], "Unknown option '--yse'"],
    ["migrations-check", ["--dry-run"], "Unknown option '--dry-run'"],
    ["migrations-check", ["now"], "Unexpected argument 'now'"],
    ["token", ["--scope", "iop:read"], "Unknown option '--scope'"],
    ["token", ["--scopes"], "Option '--scopes <value>' argument missing"],
    ["print-schema", ["--chek"], "Unknown option '--chek'"],
  ] as const)("%s %j is refused: exit 2, the usage on stderr, no connection", async (name, args, problem) => {
    const before = connections;
    const r = await runBuiltCli(name, [...args], env());
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
    expect(r.stderr).toContain(problem);
    expect(r.stderr).toContain("Usage: pnpm");
    expect(connections - before).toBe(0);
  });

  it.each(["retention", "migrations-check", "token", "print-schema"] as const)(
    "%s --help prints the usage, exits 0 and connects to nothing",
    async (name) => {
      const before = connections;
      for (const args of [["--help"], ["--", "-h"]]) {
        const r = await runBuiltCli(name, args, env());
        expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
        expect(r.stdout).toContain("Usage: pnpm");
      }
      expect(connections - before).toBe(0);
    },
  );

  it("print-schema writes nothing on a mistyped --check", async () => {
    const file = resolve(__dirname, "../../schema.graphql");
    const [text, mtime] = [readFileSync(file, "utf8"), statSync(file).mtimeMs];
    const r = await runBuiltCli("print-schema", ["--chek"]);
    expect(r.code).toBe(2);
    expect([readFileSync(file, "utf8") === text, statSync(file).mtimeMs]).toEqual([true, mtime]);
  });

  it("the listener does count a program that connects (the measure can fail)", async () => {
    const before = connections;
    const r = await runBuiltCli("retention", ["--dry-run"], env());
    expect(r.code).toBe(1);
    expect(connections - before).toBeGreaterThan(0);
  });
});
