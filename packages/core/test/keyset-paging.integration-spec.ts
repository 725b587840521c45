import "reflect-metadata";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { defineModule, pageOfList, type Connection, type PageArgs } from "../src";
import { newStatementCounter, pageOfQuery, selectColumns, withStatementCounter } from "../src/data";
import { TestApp, testDatabaseKind } from "../src/testing";

@Entity("keyset_sample")
class Item {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "date" }) day!: string;
  @Column({ type: "datetime" }) at!: Date;
  @Column({ type: "varchar", length: 16 }) name!: string;
  @Column({ type: "text", nullable: true, default: null }) note!: string | null;
}

class ItemTable1700000000002 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      "CREATE TABLE `keyset_sample` (`id` int NOT NULL AUTO_INCREMENT, `day` date NOT NULL, `at` datetime NOT NULL, `name` varchar(16) NOT NULL, `note` text NULL DEFAULT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `keyset_sample`");
  }
}

const itemModule = defineModule({
  name: "keyset-sample",
  description: "test",
  entities: [Item],
  resolvers: [],
  migrations: [ItemTable1700000000002],
  scopes: [],
});

const byDayNewestFirst = (app: TestApp) =>
  app.ds.getRepository(Item).createQueryBuilder("i").orderBy("i.day", "DESC").addOrderBy("i.id", "DESC");

const byAtThenName = (app: TestApp) =>
  app.ds
    .getRepository(Item)
    .createQueryBuilder("i")
    .orderBy("i.at", "ASC")
    .addOrderBy("i.name", "DESC")
    .addOrderBy("i.id", "ASC");

/** Every row, page by page forwards, running `between` after each page. */
async function walkForwards(
  read: (args: PageArgs) => Promise<Connection<Item>>,
  first: number,
  between: (pageNo: number) => Promise<void> = async () => undefined,
): Promise<number[]> {
  const seen: number[] = [];
  let args: PageArgs = { first };
  for (let pageNo = 0; pageNo < 100; pageNo++) {
    const page = await read(args);
    seen.push(...page.nodes.map((n) => n.id));
    expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
    if (!page.pageInfo.hasNextPage) return seen;
    expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    await between(pageNo);
    args = { first, after: page.pageInfo.endCursor! };
  }
  throw new Error("did not end");
}

describe(`keyset paging on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const repo = () => app.ds.getRepository(Item);
  const allIds = async (qb = byDayNewestFirst(app)) => (await qb.getMany()).map((i) => i.id);

  beforeAll(async () => {
    app = await TestApp.start([itemModule]);
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await repo().clear();
    // Many rows share a day, so the id decides between them; names repeat across times.
    await repo().insert(
      Array.from({ length: 37 }, (_, i) => ({
        day: `2021-0${(i % 4) + 1}-1${i % 3}`,
        at: new Date(Date.UTC(2021, i % 5, 3, 8, i % 2 ? 30 : 0, 0)),
        name: ["Alm", "Björk", "Ek"][i % 3],
        note: i % 2 ? null : `note ${i}`,
      })),
    );
  });

  it("pages through the whole list in its order, each row once", async () => {
    for (const qb of [byDayNewestFirst, byAtThenName]) {
      const ids = await walkForwards((args) => pageOfQuery(qb(app), args), 5);
      expect(ids).toEqual(await allIds(qb(app)));
    }
  });

  it("inserts and deletes between pages: no duplicates, no skips of rows that were there throughout", async () => {
    const before = new Set(await allIds());
    const deleted = new Set<number>();
    const ids = await walkForwards(
      (args) => pageOfQuery(byDayNewestFirst(app), args),
      4,
      async (pageNo) => {
        // A row on the page just read and one further on go; new rows arrive before and after the cursor.
        const rest = (await allIds()).filter((id) => !deleted.has(id));
        const victims = [rest[pageNo * 3], rest[rest.length - 1 - pageNo]];
        for (const id of victims) {
          deleted.add(id);
          await repo().delete(id);
        }
        await repo().insert([
          { day: "2021-12-31", at: new Date(), name: "Ny", note: null },
          { day: "2021-01-01", at: new Date(), name: "Sen", note: null },
        ]);
      },
    );
    expect(new Set(ids).size).toBe(ids.length); // no duplicates
    const stayed = [...before].filter((id) => !deleted.has(id));
    for (const id of stayed) expect(ids).toContain(id); // no skips
  });

  it("pages backwards from the end and from a cursor, with pageInfo both ways", async () => {
    const all = await allIds();
    const last = await pageOfQuery(byDayNewestFirst(app), { last: 5 });
    expect(last.nodes.map((n) => n.id)).toEqual(all.slice(-5));
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const previous = await pageOfQuery(byDayNewestFirst(app), { last: 5, before: last.pageInfo.startCursor! });
    expect(previous.nodes.map((n) => n.id)).toEqual(all.slice(-10, -5));
    expect(previous.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const first = await pageOfQuery(byDayNewestFirst(app), { first: 5 });
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(first.totalCount).toBe(all.length);
    // between two cursors
    const between = await pageOfQuery(byDayNewestFirst(app), {
      first: 100,
      after: first.pageInfo.endCursor!,
      before: previous.pageInfo.startCursor!,
    });
    expect(between.nodes.map((n) => n.id)).toEqual(all.slice(5, -10));
    const start = await pageOfQuery(byDayNewestFirst(app), { last: 100, before: first.edges[2].cursor });
    expect(start.nodes.map((n) => n.id)).toEqual(all.slice(0, 2));
    expect(start.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it("two statements per page whatever its size, also narrowed to some columns", async () => {
    const total = (await allIds()).length;
    for (const first of [1, 10, 100]) {
      const counter = newStatementCounter();
      const page = await withStatementCounter(counter, () =>
        pageOfQuery(selectColumns(byDayNewestFirst(app), ["name"]), { first }),
      );
      expect(counter.statements).toHaveLength(2);
      expect(page.totalCount).toBe(total);
      // the sort columns were read for the cursors, though the projection left them out
      const next = await pageOfQuery(byDayNewestFirst(app), { first: 3, after: page.pageInfo.endCursor! });
      const all = await allIds();
      expect(next.nodes.map((n) => n.id)).toEqual(all.slice(Math.min(first, all.length), first + 3));
    }
  });

  it("refuses a cursor of another list or order, a forged one, and first with last, naming the argument", async () => {
    const other = await pageOfQuery(byAtThenName(app), { first: 2 });
    const tries: [PageArgs, string, string][] = [
      [{ first: 2, after: other.pageInfo.endCursor! }, "after", "cursor"],
      [{ last: 2, before: "not-a-cursor" }, "before", "cursor"],
      [{ first: 2, after: Buffer.from('["x",1,2]').toString("base64url") }, "after", "cursor"],
      [{ first: 2, last: 2 }, "last", "exclusive"],
      [{ last: 101 }, "last", "range"],
      [{ first: 0 }, "first", "range"],
    ];
    for (const [args, field, rule] of tries)
      await expect(pageOfQuery(byDayNewestFirst(app), args)).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field, rule },
      });
  });

  it("still reads an offset cursor handed out before keyset paging", async () => {
    const legacy = Buffer.from("o:4", "utf8").toString("base64url"); // the 5th row
    const page = await pageOfQuery(byDayNewestFirst(app), { first: 3, after: legacy });
    expect(page.nodes.map((n) => n.id)).toEqual((await allIds()).slice(5, 8));
  });

  it("refuses, as a programming error, an order that does not end with the key or sorts by a nullable column", async () => {
    const noKey = repo().createQueryBuilder("i").orderBy("i.day", "DESC");
    await expect(pageOfQuery(noKey, { first: 2 })).rejects.toThrow(/primary key/);
    const nullable = repo().createQueryBuilder("i").orderBy("i.note", "ASC").addOrderBy("i.id", "ASC");
    await expect(pageOfQuery(nullable, { first: 2 })).rejects.toThrow(/can be null/);
  });
});

describe("keyset paging of a computed list", () => {
  const items = Array.from({ length: 12 }, (_, i) => ({
    day: `2021-01-${String(10 + (i >> 1)).padStart(2, "0")}`,
    id: i + 1,
  }));
  const list = { name: "sample", keyOf: (x: { day: string; id: number }) => [x.day, x.id] };

  it("pages forwards and backwards, and survives removals between pages", () => {
    const p1 = pageOfList(items, { first: 5 }, list);
    expect(p1.nodes.map((x) => x.id)).toEqual([1, 2, 3, 4, 5]);
    const fewer = items.filter((x) => x.id !== 5 && x.id !== 6);
    const p2 = pageOfList(fewer, { first: 5, after: p1.pageInfo.endCursor! }, list);
    expect(p2.nodes.map((x) => x.id)).toEqual([7, 8, 9, 10, 11]);
    expect(p2.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const back = pageOfList(items, { last: 3, before: p2.pageInfo.startCursor! }, list);
    expect(back.nodes.map((x) => x.id)).toEqual([4, 5, 6]);
    expect(pageOfList([], { first: 5, after: p1.pageInfo.endCursor! }, list).nodes).toEqual([]);
    expect(() => pageOfList(items, { first: 5, after: "bogus" }, list)).toThrow(/cursor/);
  });
});
