import { cpus, totalmem, release, platform } from "node:os";
import { createConnection } from "mysql2/promise";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  database: string;
}

export async function machine(url: string): Promise<Machine> {
  const conn = await createConnection({ uri: url.replace(/^mariadb:/, "mysql:") });
  try {
    const [rows] = await conn.query("SELECT VERSION() AS v");
    const v = (rows as { v: string }[])[0].v;
    return {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      database: /mariadb/i.test(v) ? `MariaDB ${v}` : `MySQL ${v}`,
    };
  } finally {
    await conn.end();
  }
}
