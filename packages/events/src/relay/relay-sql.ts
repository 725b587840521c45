import { isMysql, isUniqueViolation } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";

export const OUTBOX_TABLE = "event_outbox";
export const STATE_TABLE = "event_relay_state";
export const STATE_ROWS = ["sequencer", "publisher", "leader"] as const;
export type StateRow = (typeof STATE_ROWS)[number];

/** Quotes an identifier for the database at hand (backticks on MariaDB, double quotes on sqlite). */
export function quoter(source: DataSource | EntityManager): (name: string) => string {
  const ds = "connection" in source ? source.connection : source;
  return (name) => ds.driver.escape(name);
}

/**
 * Locks one state row for the rest of the transaction, or returns null when another relay holds
 * it (MariaDB `FOR UPDATE SKIP LOCKED`: the other one is doing the work, try again later). On
 * sql.js the transaction queue already serialises, so a plain read suffices.
 */
export async function claimStateRow(manager: EntityManager, name: StateRow): Promise<{ lastPosition: number } | null> {
  const q = quoter(manager);
  const lock = isMysql(manager) ? " FOR UPDATE SKIP LOCKED" : "";
  const rows = (await manager.query(
    `SELECT ${q("lastPosition")} AS lastPosition FROM ${q(STATE_TABLE)} WHERE ${q("name")} = ?${lock}`,
    [name],
  )) as { lastPosition: number | string }[];
  return rows.length ? { lastPosition: Number(rows[0].lastPosition) } : null;
}

/**
 * Creates the state rows a fresh database lacks (on the embedded database the schema comes from
 * the entities, so no migration can insert them). The sequencer starts after any position
 * already in the outbox. Two relays starting at once: the second insert is a harmless duplicate.
 */
export async function ensureStateRows(ds: DataSource): Promise<void> {
  const q = quoter(ds);
  const existing = (await ds.query(`SELECT ${q("name")} AS name FROM ${q(STATE_TABLE)}`)) as { name: string }[];
  for (const name of STATE_ROWS) {
    if (existing.some((row) => row.name === name)) continue;
    let start = 0;
    if (name === "sequencer") {
      const max = (await ds.query(`SELECT MAX(${q("position")}) AS maxPosition FROM ${q(OUTBOX_TABLE)}`)) as {
        maxPosition: number | string | null;
      }[];
      start = Number(max[0]?.maxPosition ?? 0);
    }
    try {
      await ds.query(`INSERT INTO ${q(STATE_TABLE)} (${q("name")}, ${q("lastPosition")}) VALUES (?, ?)`, [name, start]);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

interface SqlJsStatement {
  bind(values: unknown[]): boolean;
  step(): boolean;
  getAsObject(): Record<string, unknown>;
  free(): boolean;
}

/**
 * A read that decides whether there is work, outside any transaction. On the embedded database
 * (sql.js, autoSave to a file) TypeORM writes the whole file after every committed transaction
 * that ran anything but a SELECT — BEGIN included — so an idle poll must not open one. There the
 * statement runs on the sql.js database directly: through TypeORM's one shared query runner, a
 * read that happened to land inside another caller's open transaction would reset the runner's
 * "dirty" flag and that transaction's commit would not reach the file. It may see that open
 * transaction's rows: a hint only; the work itself re-reads in its own transaction.
 */
export async function peek(ds: DataSource, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (ds.options.type !== "sqljs") return (await ds.query(sql, params)) as Record<string, unknown>[];
  const db = (ds.driver as unknown as { databaseConnection: { prepare(sql: string): SqlJsStatement } })
    .databaseConnection;
  const statement = db.prepare(sql);
  try {
    if (params.length) statement.bind(params);
    const rows: Record<string, unknown>[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}

/** True when `SELECT EXISTS(…) AS found` (through `peek`) found a row. */
export async function exists(ds: DataSource, fromWhere: string, params: unknown[] = []): Promise<boolean> {
  const rows = await peek(ds, `SELECT EXISTS(SELECT 1 FROM ${fromWhere}) AS found`, params);
  return Number(rows[0]?.found ?? 0) > 0;
}

/** Integers from the database, checked before they are written into SQL text. */
export function sqlIntegers(values: readonly number[]): string {
  return values
    .map((v) => {
      if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${String(v)}`);
      return String(v);
    })
    .join(", ");
}
