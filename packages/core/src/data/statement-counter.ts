import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";
import { DeadlineExceededError, guardStatement, type RequestDeadline } from "./request-deadline";

/**
 * Counts SQL statements per async context, so a test or a request can say how many
 * statements it ran (the "no N+1" rule). Transaction control statements are not counted.
 */
interface Counter {
  count: number;
  /** The statements' text (the first 200), unless the counter only counts (`keepStatements: false`). */
  statements: string[];
  keep: number;
  /** A request's deadline: statements after it are refused (see request-deadline.ts). */
  deadline?: RequestDeadline;
  /** With read replicas: this request reads from the primary (read-replicas.ts, read-your-writes). */
  readsOnPrimary?: boolean;
  /** The request is a mutation (noteMutation): its caller reads from the primary for a while after. */
  mutation?: boolean;
}

const storage = new AsyncLocalStorage<Counter>();
const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO|SET TRANSACTION)/i;

export async function countStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; count: number; statements: string[] }> {
  const counter: Counter = { count: 0, statements: [], keep: MAX_KEPT };
  const result = await storage.run(counter, fn);
  return { result, count: counter.count, statements: counter.statements };
}

/** Runs fn with a fresh counter and returns it, for request-level accounting. */
export function withStatementCounter<T>(counter: Counter, fn: () => T): T {
  return storage.run(counter, fn);
}

/**
 * A counter for withStatementCounter. A request's counter in the gateway only counts
 * (`keepStatements: false`): its log line says how many statements, not which.
 */
export function newStatementCounter(
  deadline?: RequestDeadline,
  options: { keepStatements?: boolean; readsOnPrimary?: boolean } = {},
): Counter {
  return {
    count: 0,
    statements: [],
    keep: options.keepStatements === false ? 0 : MAX_KEPT,
    deadline,
    readsOnPrimary: options.readsOnPrimary,
  };
}

const MAX_KEPT = 200;
/** Most statements are reads: one test decides them (not control, never commits, refused only when late). */
const SELECT = /^SELECT\b/i;

const background = new AsyncLocalStorage<string>();

/**
 * Runs fn, and everything it starts (loops, timers), as named background work rather than a
 * request's — e.g. the gateway's event runtime, whose idle polls tests must tell apart from the
 * statements a request caused.
 */
export function runAsBackgroundWork<T>(name: string, fn: () => T): T {
  return background.run(name, fn);
}

/** The background work running in this async context (e.g. "events"), if any. */
export function currentBackgroundWork(): string | undefined {
  return background.getStore();
}

/**
 * The request running in this async context is a mutation: with read replicas
 * (read-replicas.ts) the rest of it reads from the primary, and the gateway keeps its caller on
 * the primary for a while after (read-your-writes).
 */
export function noteMutation(): void {
  const counter = storage.getStore();
  if (!counter) return;
  counter.mutation = true;
  counter.readsOnPrimary = true;
}

/** Whether the request running in this async context reads from the primary. */
export function currentReadsOnPrimary(): boolean {
  return storage.getStore()?.readsOnPrimary === true;
}

/** The deadline of the request running in this async context, if it has one. */
export function currentRequestDeadline(): RequestDeadline | undefined {
  return storage.getStore()?.deadline;
}

export class StatementCountingLogger implements Logger {
  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const counter = storage.getStore();
    if (!counter) return;
    // Throws once the request's deadline has passed: TypeORM then rejects the query unsent.
    const statement = query.trimStart();
    if (SELECT.test(statement)) {
      // What guardStatement decides for a read: refused when late, nothing committed.
      if (counter.deadline?.expired) throw new DeadlineExceededError(counter.deadline.ms);
    } else {
      if (counter.deadline) guardStatement(counter.deadline, statement, queryRunner);
      if (CONTROL.test(statement)) return;
    }
    counter.count++;
    if (counter.statements.length < counter.keep) counter.statements.push(query);
  }
  logQueryError(error: string | Error, query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    // Failing statements are reported by the caller with a request id; keep SQL out of logs here.
    void query;
    // The server did not answer within the client-side guard (frozen or cut off): the connection
    // still waits for that answer, so it is closed instead of going back to the pool, where the
    // next statement would queue behind it without a timer of its own.
    if ((error as { code?: string }).code === "PROTOCOL_SEQUENCE_TIMEOUT") {
      (queryRunner as { databaseConnection?: { destroy?: () => void } } | undefined)?.databaseConnection?.destroy?.();
    }
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
