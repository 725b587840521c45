import { createConnection, escape, type Connection } from "mysql2/promise";
import type { Progress } from "../util/progress";

export type SqlValue = string | number | boolean | null;

/** Target size of one multi-row INSERT (MariaDB's max_allowed_packet is 16 MB by default). */
const BATCH_BYTES = 2_000_000;

function literal(v: SqlValue): string {
  if (v === null) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  if (typeof v === "boolean") return v ? "1" : "0";
  return escape(v);
}

/**
 * Fast bulk loading with multi-row INSERTs: rows are appended to a statement of about 2 MB;
 * while one statement runs in MariaDB the next is being built (one in flight per table).
 */
export class BulkInserter {
  private parts: string[] = [];
  private bytes = 0;
  private rows = 0;
  private inFlight: Promise<unknown> = Promise.resolve();
  private readonly head: string;

  constructor(
    private readonly conn: Connection,
    table: string,
    columns: readonly string[],
    private readonly progress?: Progress,
  ) {
    this.head = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES `;
  }

  /** Adds one row; resolves quickly unless a statement must be flushed (back-pressure). */
  async add(values: readonly SqlValue[]): Promise<void> {
    const tuple = `(${values.map(literal).join(",")})`;
    this.parts.push(tuple);
    this.bytes += tuple.length + 1;
    this.rows++;
    if (this.bytes >= BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return this.inFlight.then(() => undefined);
    const sql = this.head + this.parts.join(",");
    const n = this.rows;
    this.parts = [];
    this.bytes = 0;
    this.rows = 0;
    await this.inFlight;
    this.inFlight = this.conn.query(sql).then(() => this.progress?.add(n));
  }

  async close(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}

/** A connection tuned for loading: no per-row unique/foreign-key checks, big batches. */
export async function loadingConnection(url: string): Promise<Connection> {
  const conn = await createConnection({
    uri: url,
    timezone: "Z",
    dateStrings: true,
    multipleStatements: false,
    charset: "utf8mb4_swedish_ci",
  });
  await conn.query("SET SESSION unique_checks = 0, foreign_key_checks = 0");
  return conn;
}
