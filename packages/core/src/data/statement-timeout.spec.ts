import { randomBytes } from "node:crypto";
import { GraphQLError } from "graphql";
import type { DataSource } from "typeorm";
import { formatError } from "../errors/format-error";
import { createDataSource, mysqlConfig } from "./data-source";
import { isDatabaseUnavailable } from "./database-unavailable";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "./mysql-admin";

/**
 * The per-statement limit on MariaDB/MySQL: set on every pooled connection as it connects, so a
 * long statement is killed by the server and answered as retryable (SERVICE_UNAVAILABLE).
 * Needs a server: runs with TEST_DATABASE_URL (the embedded database runs in-process and has none).
 */
const base = process.env.TEST_DATABASE_URL;
(base ? describe : describe.skip)("statement timeout on pooled MariaDB/MySQL connections", () => {
  const url = base ? withDatabase(base, `${splitMysqlUrl(base).database}_stmt_${randomBytes(3).toString("hex")}`) : "";
  let limited: DataSource;
  let unlimited: DataSource;
  beforeAll(async () => {
    await recreateDatabase(url);
    limited = await createDataSource(mysqlConfig(url), {
      modules: [],
      poolSize: 3,
      statementTimeoutMs: 1_500,
    }).initialize();
    unlimited = await createDataSource(mysqlConfig(url), { modules: [], poolSize: 1 }).initialize();
  });
  afterAll(async () => {
    await limited?.destroy();
    await unlimited?.destroy();
    await dropDatabase(url);
  });

  it("sets the limit on every pooled connection (and a client-side guard 1 s above it)", async () => {
    // Three statements at once take three connections of the pool.
    const seen = (await Promise.all(
      [1, 2, 3].map(() =>
        limited.query("SELECT CONNECTION_ID() AS id, @@SESSION.max_statement_time AS t, SLEEP(0.3) AS s"),
      ),
    )) as { id: string | number; t: string | number }[][];
    expect(new Set(seen.map((r) => String(r[0].id))).size).toBe(3);
    expect(seen.map((r) => Number(r[0].t))).toEqual([1.5, 1.5, 1.5]);
    expect(limited.options).toMatchObject({ enableQueryTimeout: true, maxQueryExecutionTime: 2_500 });
  });

  it("kills a statement that runs longer, with an error answered as SERVICE_UNAVAILABLE", async () => {
    const started = Date.now();
    const error = await limited
      .query("SELECT SLEEP(5) AS s FROM DUAL WHERE (SELECT COUNT(*) FROM information_schema.TABLES) > 0")
      .then(
        (rows: unknown) => rows,
        (e: unknown) => e,
      );
    const elapsed = Date.now() - started;
    console.warn(
      `[figures] statement timeout: SELECT SLEEP(5) stopped after ${elapsed} ms (limit 1500 ms): ${String((error as Error).message ?? error)}`,
    );
    expect(elapsed).toBeLessThan(3_000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const formatted = formatError({ message: "x" }, new GraphQLError("x", { originalError: error as Error }));
    expect(formatted.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(formatted.message).not.toMatch(/SLEEP|SELECT/);
  });

  it("leaves DataSources made without it (migrations, retention, seeding) unlimited", async () => {
    const [row] = (await unlimited.query("SELECT @@SESSION.max_statement_time AS t")) as { t: string | number }[];
    expect(Number(row.t)).toBe(0);
  });
});
