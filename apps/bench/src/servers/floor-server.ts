/**
 * Child process: the floor. node:http + a mysql2 pool with the gateway's connection settings;
 * POST /floor/<operation> runs the same SQL as the gateway and writes the same bytes
 * (`JSON.stringify({ data }) + "\n"`, as Apollo does). No GraphQL, no ORM, no auth.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createPool, type Pool } from "mysql2/promise";
import { DOMAINS } from "../domains";
import type { FloorDb, FloorHandler } from "../domains/types";

const url = process.env.BENCH_DATABASE_URL!.replace(/^mariadb:/, "mysql:");
const actor = process.env.BENCH_SUBJECT ?? "bench";

const pool: Pool = createPool({
  uri: url,
  connectionLimit: 10,
  timezone: "Z",
  charset: "utf8mb4_swedish_ci",
  dateStrings: ["DATE"],
  supportBigNumbers: true,
  bigNumberStrings: true,
});

const handlers = new Map<string, FloorHandler>();
for (const d of DOMAINS) for (const [name, h] of Object.entries(d.floor)) handlers.set(name, h);

function db(): FloorDb {
  const self: FloorDb = {
    statements: 0,
    async query(sql, params) {
      self.statements++;
      const [rows] = await pool.query(sql, params);
      return rows as never[];
    },
    async execute(sql, params) {
      self.statements++;
      await pool.query(sql, params);
    },
  };
  return self;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const handler = handlers.get((req.url ?? "").replace(/^\/floor\//, ""));
  if (!handler || req.method !== "POST") {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = JSON.parse(await readBody(req)) as { variables?: Record<string, unknown> };
    const d = db();
    const requestId = String(req.headers["x-request-id"] ?? "floor");
    const data = await handler(d, { variables: body.variables ?? {}, requestId, actor });
    const text = JSON.stringify({ data }) + "\n";
    res.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
      "x-statements": String(d.statements),
    });
    res.end(text);
  } catch (e) {
    const text = JSON.stringify({ error: String((e as Error)?.stack ?? e) });
    res.writeHead(500, { "content-type": "application/json" }).end(text);
  }
}

const server = createServer((req, res) => void handle(req, res));
server.keepAliveTimeout = 5_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ ready: true, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on("message", (m) => {
  if (m === "stop") server.close(() => void pool.end().then(() => process.exit(0)));
});
process.on("disconnect", () => process.exit(0));
