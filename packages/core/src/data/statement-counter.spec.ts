import { RequestDeadline } from "./request-deadline";
import { StatementCountingLogger, newStatementCounter, withStatementCounter } from "./statement-counter";

describe("the statement counter", () => {
  const logger = new StatementCountingLogger();
  const run = (counter: ReturnType<typeof newStatementCounter>, statements: string[]) =>
    withStatementCounter(counter, () => statements.forEach((s) => logger.logQuery(s)));
  const statements = ["  select 1", "START TRANSACTION", "INSERT INTO t VALUES (1)", "COMMIT", "SELECT 2"];

  it("counts reads and writes, not transaction control; a request's counter keeps no text", () => {
    const keeping = newStatementCounter();
    run(keeping, statements);
    expect(keeping.count).toBe(3);
    expect(keeping.statements).toEqual(["  select 1", "INSERT INTO t VALUES (1)", "SELECT 2"]);
    const counting = newStatementCounter(undefined, { keepStatements: false });
    run(counting, statements);
    expect(counting.count).toBe(3);
    expect(counting.statements).toEqual([]);
  });

  it("refuses a read after the deadline, and notes a commit, not a read, as possibly committed", () => {
    const deadline = new RequestDeadline(60_000);
    try {
      run(newStatementCounter(deadline), ["SELECT 1"]);
      expect(deadline.mayHaveCommitted).toBe(false);
      run(newStatementCounter(deadline), ["COMMIT"]);
      expect(deadline.mayHaveCommitted).toBe(true);
      deadline.expired = true;
      expect(() => run(newStatementCounter(deadline), ["SELECT 1"])).toThrow(/passed its deadline/);
    } finally {
      deadline.dispose();
    }
  });
});
