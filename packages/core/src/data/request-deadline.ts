import { GraphQLError } from "graphql";
import type { QueryRunner } from "typeorm";

/**
 * The time a request may take. Once it has passed, core's data access refuses every further
 * statement of the request (except ROLLBACK), so work that goes on after the client was answered
 * stops at its next statement and an open transaction rolls back instead of committing.
 *
 * It also records whether the request sent a statement that may have committed (a COMMIT, or a
 * write outside a transaction): then a request stopped at its deadline cannot say "nothing was
 * changed". Checked in `StatementCountingLogger.logQuery`, which TypeORM calls before each statement.
 */
export class RequestDeadline {
  expired = false;
  mayHaveCommitted = false;
  /** "query" or "mutation", once the gateway knows it (for the answer's wording). */
  operation: string | undefined;
  readonly reached: Promise<void>;
  private timer: NodeJS.Timeout | undefined;

  constructor(readonly ms: number) {
    this.reached = new Promise((resolve) => {
      this.timer = setTimeout(() => {
        this.expired = true;
        resolve();
      }, ms);
    });
  }

  /** Stops the timer once the request is answered. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

export const REQUEST_TIMEOUT = "REQUEST_TIMEOUT";

/** Thrown instead of running a statement after the request's deadline. */
export class DeadlineExceededError extends GraphQLError {
  /** The message in Swedish (core's formatError answers in the request's language). */
  readonly swedishMessage: string;
  constructor(ms: number) {
    super(`The request passed its deadline of ${ms} ms; it was stopped before this statement`, {
      extensions: { code: REQUEST_TIMEOUT },
    });
    this.swedishMessage = `Begäran passerade sin tidsgräns på ${ms} ms; den stoppades före den här databassatsen`;
  }
}

const ROLLBACK = /^ROLLBACK/i;
const COMMIT = /^COMMIT/i;
const READ = /^(SELECT|SHOW|PRAGMA|BEGIN|START TRANSACTION|SAVEPOINT|SET TRANSACTION)\b/i;

/** Before each statement of a request with a deadline: refuse it when late, note when it may commit. */
export function guardStatement(deadline: RequestDeadline, statement: string, runner: QueryRunner | undefined): void {
  if (deadline.expired && !ROLLBACK.test(statement)) throw new DeadlineExceededError(deadline.ms);
  if (COMMIT.test(statement) || (!READ.test(statement) && !ROLLBACK.test(statement) && !runner?.isTransactionActive))
    deadline.mayHaveCommitted = true;
}
