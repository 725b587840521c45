/** The code of an error that says "the database is not answering now; retry shortly" (HTTP 503). */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

/** Seconds a client should wait before retrying after SERVICE_UNAVAILABLE or a request timeout. */
export const RETRY_AFTER_SECONDS = 2;

// Network and driver codes of a database that is down, unreachable, frozen or overloaded.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT", // mysql2: connect timeout
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT", // mysql2: the client-side query guard (the server did not answer)
  "ER_STATEMENT_TIMEOUT", // MariaDB max_statement_time
  "ER_QUERY_TIMEOUT", // MySQL MAX_EXECUTION_TIME
  "ER_LOCK_WAIT_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
]);
// The same by server error number (1969 MariaDB statement timeout, 3024 MySQL, 1205 lock wait, 1040 too many connections, 1053 shutdown).
const UNAVAILABLE_ERRNOS = new Set([1969, 3024, 1205, 1040, 1053]);
// mysql2 errors that carry only a message.
const UNAVAILABLE_MESSAGES =
  /^(Pool is closed|Can't add new command when connection is in closed state|Connection lost|Query inactivity timeout)/;

/**
 * True when an error means the database did not answer (down, frozen, a timeout, too many
 * connections), not that the request or the code is wrong: such a request may be retried.
 * Works on mysql2's errors and on TypeORM's QueryFailedError wrapping them.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; errno?: unknown; message?: unknown; driverError?: unknown } | undefined,
      depth = 0;
    e && depth < 3;
    e = e.driverError as typeof e, depth++
  ) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.errno === "number" && UNAVAILABLE_ERRNOS.has(e.errno)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
