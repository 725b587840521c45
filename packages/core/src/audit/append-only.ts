import type { DataSource } from "typeorm";

/** Tables no UPDATE or DELETE may reach, on either database. */
export const APPEND_ONLY_TABLES = ["access_log", "deletion_log"] as const;

export const APPEND_ONLY_MESSAGE = "access_log is append-only";

/**
 * The embedded database (sql.js) is built from the entities, not the migrations, so it does not
 * get the MariaDB triggers of core's first migration. This installs the same rule there: any
 * UPDATE or DELETE on the access log aborts. Idempotent; run after every initialize (a schema
 * sync that rebuilds the table drops its triggers).
 */
export async function installEmbeddedAppendOnlyTriggers(ds: DataSource): Promise<void> {
  if (ds.options.type !== "sqljs" && ds.options.type !== "better-sqlite3") return;
  for (const table of APPEND_ONLY_TABLES) {
    const exists = (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [
      table,
    ])) as unknown[];
    if (exists.length === 0) continue;
    for (const event of ["UPDATE", "DELETE"] as const) {
      await ds.query(
        `CREATE TRIGGER IF NOT EXISTS "${table}_no_${event.toLowerCase()}" BEFORE ${event} ON "${table}" ` +
          `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
    }
  }
}

/** Names of the append-only triggers present on the access log (both databases), for checks at start and in tests. */
export async function appendOnlyTriggers(ds: DataSource): Promise<string[]> {
  if (ds.options.type === "mysql" || ds.options.type === "mariadb") {
    const rows = (await ds.query(
      `SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'access_log' ORDER BY TRIGGER_NAME`,
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }
  const rows = (await ds.query(
    `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'access_log' ORDER BY name`,
  )) as { name: string }[];
  return rows.map((r) => r.name);
}
