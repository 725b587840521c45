import { coreModule } from "../core-module";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { DeadlineExceededError, RequestDeadline } from "./request-deadline";
import { newStatementCounter, withStatementCounter } from "./statement-counter";

/** The request deadline as core's data access sees it, on the embedded database and on MariaDB. */
describe(`request deadline (${process.env.TEST_DATABASE_URL ? "mysql" : "sqljs"})`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase([coreModule]);
    await db.ds.query("CREATE TABLE deadline_probe (n INT NOT NULL)");
  });
  afterAll(async () => {
    await db?.close();
  });
  const rows = async () =>
    Number(((await db.ds.query("SELECT COUNT(*) AS c FROM deadline_probe")) as { c: number | string }[])[0].c);

  async function withDeadline<T>(
    ms: number,
    fn: (deadline: RequestDeadline) => Promise<T>,
  ): Promise<{ deadline: RequestDeadline; result: PromiseSettledResult<T> }> {
    const deadline = new RequestDeadline(ms);
    const [result] = await Promise.allSettled([
      withStatementCounter(newStatementCounter(deadline), () => fn(deadline)),
    ]);
    deadline.dispose();
    return { deadline, result };
  }

  it("refuses every statement once the deadline has passed, without sending it", async () => {
    const { result } = await withDeadline(20, async (deadline) => {
      await deadline.reached;
      return db.ds.query("INSERT INTO deadline_probe (n) VALUES (1)");
    });
    expect(result.status).toBe("rejected");
    const reason = (result as PromiseRejectedResult).reason as DeadlineExceededError;
    expect(reason).toBeInstanceOf(DeadlineExceededError);
    expect(reason.extensions.code).toBe("REQUEST_TIMEOUT");
    expect(await rows()).toBe(0);
  });

  it("rolls back a transaction whose deadline passes before its COMMIT, and knows nothing was committed", async () => {
    const { deadline, result } = await withDeadline(50, (deadline) =>
      db.ds.transaction(async (manager) => {
        await manager.query("INSERT INTO deadline_probe (n) VALUES (2)");
        await deadline.reached; // the request is answered "timed out" here
      }),
    );
    expect(result.status).toBe("rejected");
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(DeadlineExceededError);
    expect(deadline.mayHaveCommitted).toBe(false);
    expect(await rows()).toBe(0); // never "failed" on the outside and saved on the inside
  });

  it("notes a statement that may commit: a COMMIT, or a write outside a transaction — not reads or uncommitted writes", async () => {
    const reads = await withDeadline(10_000, () => db.ds.query("SELECT COUNT(*) FROM deadline_probe"));
    expect(reads.deadline.mayHaveCommitted).toBe(false);
    const committed = await withDeadline(10_000, () =>
      db.ds.transaction((m) => m.query("INSERT INTO deadline_probe (n) VALUES (3)")),
    );
    expect(committed.result.status).toBe("fulfilled");
    expect(committed.deadline.mayHaveCommitted).toBe(true);
    const autocommit = await withDeadline(10_000, () => db.ds.query("INSERT INTO deadline_probe (n) VALUES (4)"));
    expect(autocommit.deadline.mayHaveCommitted).toBe(true);
    expect(await rows()).toBe(2);
  });
});
