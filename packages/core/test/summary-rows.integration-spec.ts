import { addToSummary } from "../src/data";
import { TestApp, testDatabaseKind } from "../src/testing";

describe(`addToSummary on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([]);
    await app.ds.query(
      "CREATE TABLE summary_test (`month` VARCHAR(7) NOT NULL, `area` INT NOT NULL, `n` INT NOT NULL, `amount` BIGINT NOT NULL, PRIMARY KEY (`month`, `area`))",
    );
  });
  afterAll(async () => {
    await app.ds.query("DROP TABLE summary_test");
    await app.close();
  });

  const rows = async () =>
    (await app.ds.query("SELECT `month`, `area`, `n`, `amount` FROM summary_test ORDER BY `month`, `area`")).map(
      (r: Record<string, unknown>) => ({
        month: r.month,
        area: Number(r.area),
        n: Number(r.n),
        amount: Number(r.amount),
      }),
    );

  it("creates missing rows, adds to existing ones and merges deltas for one key", async () => {
    const add = (deltas: { key: [string, number]; add: [number, number] }[]) =>
      addToSummary(app.ds.manager, "summary_test", ["month", "area"], ["n", "amount"], deltas);
    await add([
      { key: ["2021-01", 1], add: [1, 500] },
      { key: ["2021-01", 1], add: [1, 250] },
      { key: ["2021-02", 2], add: [1, 100] },
    ]);
    await add([
      { key: ["2021-02", 2], add: [-1, -100] },
      { key: ["2021-03", 1], add: [0, 0] },
    ]);
    expect(await rows()).toEqual([
      { month: "2021-01", area: 1, n: 2, amount: 750 },
      { month: "2021-02", area: 2, n: 0, amount: 0 },
    ]);
  });

  it("writes many rows in chunks and rejects a delta of the wrong shape", async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({
      key: ["2030-01", i] as [string, number],
      add: [1, i] as [number, number],
    }));
    await addToSummary(app.ds.manager, "summary_test", ["month", "area"], ["n", "amount"], many);
    const sum = await app.ds.query(
      "SELECT COUNT(*) AS c, SUM(`amount`) AS s FROM summary_test WHERE `month` = '2030-01'",
    );
    expect([Number(sum[0].c), Number(sum[0].s)]).toEqual([450, (449 * 450) / 2]);
    await expect(
      addToSummary(
        app.ds.manager,
        "summary_test",
        ["month", "area"],
        ["n", "amount"],
        [{ key: ["2030-01"], add: [1, 1] }],
      ),
    ).rejects.toThrow(RangeError);
  });
});
