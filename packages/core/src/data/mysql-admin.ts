import { createConnection } from "mysql2/promise";

/** Splits mysql://user:pass@host:port/db into the server URL and the database name. */
export function splitMysqlUrl(url: string): { serverUrl: string; database: string } {
  const u = new URL(url);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  if (!database) throw new Error("The MySQL URL must name a database, e.g. mysql://user:pass@127.0.0.1:3306/arbetsliv");
  u.pathname = "/";
  return { serverUrl: u.toString(), database };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops and creates a database (tests and migration tooling only). */
export async function recreateDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitMysqlUrl(url);
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const conn = await createConnection(serverUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_swedish_ci`);
  } finally {
    await conn.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const { serverUrl, database } = splitMysqlUrl(url);
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Unsafe database name: ${database}`);
  const conn = await createConnection(serverUrl);
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await conn.end();
  }
}

/** Runs one statement on the server of `url`, outside any database (tests and tooling only). */
export async function serverQuery(url: string, statement: string): Promise<Record<string, unknown>[]> {
  const conn = await createConnection(splitMysqlUrl(url).serverUrl);
  try {
    const [rows] = await conn.query(statement);
    return rows as Record<string, unknown>[];
  } finally {
    await conn.end();
  }
}
