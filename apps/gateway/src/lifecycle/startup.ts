import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { describeDatabase, type DatabaseConfig } from "@arbetsliv/core/data";

/** A start that failed for a reason the operator can fix; the message is one line saying what to do. */
export class StartupError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "StartupError";
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Binds the port; a port in use, a privileged port or a foreign address becomes one clear StartupError. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(portError(error, port, host));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function portError(error: unknown, port: number, host: string): Error {
  switch (codeOf(error)) {
    case "EADDRINUSE":
      return new StartupError(
        `Port ${port} on ${host} is in use: stop the other process (e.g. another gateway) or set PORT to a free port`,
        error,
      );
    case "EACCES":
      return new StartupError(
        `Port ${port} on ${host} needs privileges this process lacks: set PORT to 1024 or above`,
        error,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return new StartupError(
        `HOST=${host} is not an address of this machine: set HOST=127.0.0.1 (this machine only) or HOST=0.0.0.0 (every interface)`,
        error,
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "PROTOCOL_CONNECTION_LOST",
]);

/** A database that cannot be reached or entered at start becomes one clear StartupError; other errors pass unchanged. */
export function databaseStartupError(error: unknown, database: DatabaseConfig): Error {
  const code = codeOf(error);
  if (database.kind === "sqljs") {
    if (code && ["ENOENT", "EACCES", "EPERM", "EROFS", "EISDIR"].includes(code)) {
      return new StartupError(
        `Cannot open the embedded database file ${database.file} (${code}): check DB_FILE, and that its folder exists and is writable`,
        error,
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
  let where = "the configured host";
  let name = "";
  try {
    const url = new URL(database.url);
    where = `${url.hostname}:${url.port || "3306"}`;
    name = decodeURIComponent(url.pathname.slice(1));
  } catch {
    // describeDatabase below still names it.
  }
  if (code && UNREACHABLE.has(code)) {
    return new StartupError(
      `Cannot reach the database at ${where} (${code}): is MariaDB/MySQL running there? Check DATABASE_URL (now ${describeDatabase(database)})`,
      error,
    );
  }
  if (code === "ER_ACCESS_DENIED_ERROR" || code === "ER_DBACCESS_DENIED_ERROR") {
    return new StartupError(
      `The database at ${where} refused the user (${code}): check the user, password and grants in DATABASE_URL`,
      error,
    );
  }
  if (code === "ER_BAD_DB_ERROR") {
    return new StartupError(
      `The database "${name}" does not exist at ${where} (${code}): create it (CREATE DATABASE \`${name}\`) or fix DATABASE_URL`,
      error,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Seconds a client is told to wait while the gateway migrates and seeds. */
const STARTING_RETRY_AFTER_S = 2;

/**
 * The answers while the port is bound but the database is not ready yet: the process is alive
 * (/healthz 200), not ready (/readyz 503), and GraphQL asks the client to retry (503 STARTING).
 */
export function answerWhileStarting(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(Buffer.byteLength(text)),
      "cache-control": "no-store",
      ...headers,
    });
    res.end(text);
  };
  // The body, if any, is not needed: drain it so the connection stays usable.
  req.resume();
  const retry = { "retry-after": String(STARTING_RETRY_AFTER_S) };
  if (path === "/healthz") send(200, { status: "ok" });
  else if (path === "/readyz") send(503, { status: "starting" }, retry);
  else
    send(
      503,
      {
        errors: [
          {
            message: `The gateway is starting (database migrations and data); retry in ${STARTING_RETRY_AFTER_S} s`,
            extensions: { code: "STARTING", requestId },
          },
        ],
      },
      retry,
    );
}
