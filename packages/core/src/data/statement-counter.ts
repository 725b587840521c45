import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger, QueryRunner } from "typeorm";

/**
 * Counts SQL statements per async context, so a test or a request can say how many
 * statements it ran (the "no N+1" rule). Transaction control statements are not counted.
 */
interface Counter {
  count: number;
  statements: string[];
}

const storage = new AsyncLocalStorage<Counter>();
const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO|SET TRANSACTION)/i;

export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const counter: Counter = { count: 0, statements: [] };
  const result = await storage.run(counter, fn);
  return { result, count: counter.count, statements: counter.statements };
}

/** Runs fn with a fresh counter and returns it, for request-level accounting. */
export function withStatementCounter<T>(counter: Counter, fn: () => T): T {
  return storage.run(counter, fn);
}

export function newStatementCounter(): Counter {
  return { count: 0, statements: [] };
}

export class StatementCountingLogger implements Logger {
  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const counter = storage.getStore();
    if (!counter || CONTROL.test(query.trimStart())) return;
    counter.count++;
    if (counter.statements.length < 200) counter.statements.push(query);
  }
  logQueryError(error: string | Error, query: string): void {
    // Failing statements are reported by the caller with a request id; keep SQL out of logs here.
    void error;
    void query;
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
