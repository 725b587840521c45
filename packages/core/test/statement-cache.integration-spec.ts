import "reflect-metadata";
import {
  Brackets,
  Column,
  Entity,
  PrimaryGeneratedColumn,
  SelectQueryBuilder,
  type MigrationInterface,
  type QueryRunner,
} from "typeorm";
import { defineModule } from "../src";
import { findEntityById, getEntities, getEntitiesAndCount, getEntity, selectColumns } from "../src/data";
import { TestApp, testDatabaseKind } from "../src/testing";

@Entity("statement_cache_sample")
class Row {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "date" }) day!: string;
  @Column({ type: "datetime" }) at!: Date;
  @Column({ type: "boolean" }) flag!: boolean;
  @Column({ type: "varchar", length: 16 }) kind!: string;
  @Column({ type: "text", nullable: true, default: null }) note!: string | null;
  @Column({ type: "int" }) rank!: number;
}

class RowTable1700000000001 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      "CREATE TABLE `statement_cache_sample` (`id` int NOT NULL AUTO_INCREMENT, `day` date NOT NULL, `at` datetime NOT NULL, `flag` tinyint NOT NULL, `kind` varchar(16) NOT NULL, `note` text NULL DEFAULT NULL, `rank` int NOT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `statement_cache_sample`");
  }
}

const rowModule = defineModule({
  name: "statement-cache-sample",
  description: "test",
  entities: [Row],
  resolvers: [],
  migrations: [RowTable1700000000001],
  scopes: [],
});

interface Filter {
  kinds?: string[];
  flag?: boolean;
  after?: Date;
  minRank?: number;
  note?: string | null;
  day?: string;
}

/** Statement texts TypeORM builds while `run` runs (getQuery is where it assembles them). */
async function queriesBuiltDuring<R>(run: () => Promise<R>): Promise<[R, number]> {
  const built = jest.spyOn(SelectQueryBuilder.prototype, "getQuery");
  try {
    const result = await run();
    return [result, built.mock.calls.length];
  } finally {
    built.mockRestore();
  }
}

describe(`statements cached per query shape on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([rowModule]);
    await app.ds.getRepository(Row).insert(
      Array.from({ length: 23 }, (_, i) => ({
        day: `2022-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
        at: new Date(Date.UTC(2022, i % 12, 5, i % 24, 15, 0)),
        flag: i % 3 === 0,
        kind: ["PRAISE", "COMPLAINT", "IDEA", "QUESTION"][i % 4],
        note: i % 2 ? null : `note ${i}`,
        rank: (i * 37) % 50,
      })),
    );
  });
  afterAll(() => app.close());

  /** A page query as the services build theirs: conditions only for the filter fields given. */
  const page = (f: Filter, offset: number, limit: number | undefined, columns?: (keyof Row & string)[]) => {
    const qb = selectColumns(app.ds.getRepository(Row).createQueryBuilder("r"), columns);
    if (f.kinds) qb.andWhere("r.kind IN (:...kinds)", { kinds: f.kinds });
    if (f.flag !== undefined) qb.andWhere("r.flag = :flag", { flag: f.flag });
    if (f.after) qb.andWhere("r.at > :after", { after: f.after });
    // the parameters in another order than their placeholders
    if (f.minRank !== undefined)
      qb.andWhere("(r.rank >= :minRank OR r.day = :day)", { day: f.day, minRank: f.minRank });
    if (f.note !== undefined) qb.andWhere("(r.note = :note OR (:note IS NULL AND r.note IS NULL))", { note: f.note });
    qb.orderBy("r.rank", "DESC").addOrderBy("r.id", "ASC");
    return limit === undefined ? qb : qb.skip(offset).take(limit);
  };

  const filters: Filter[] = [
    {},
    { kinds: ["PRAISE"] },
    { kinds: ["IDEA", "COMPLAINT", "QUESTION"] },
    { kinds: ["PRAISE", "IDEA"], flag: true },
    { flag: false },
    { after: new Date(Date.UTC(2022, 5, 1)) },
    { after: new Date(Date.UTC(2022, 2, 5, 3, 0, 0)), flag: false },
    { minRank: 30, day: "2022-01-01" },
    { minRank: 12, day: "2022-04-04" },
    { note: null },
    { note: "note 4" },
    { kinds: ["NONE"] },
  ];
  const pages: [number, number | undefined][] = [
    [0, 5],
    [3, 4],
    [10, 100],
    [0, undefined],
  ];

  it("returns exactly what TypeORM returns, entities and counts, across shapes and values", async () => {
    for (const f of filters) {
      for (const [offset, limit] of pages) {
        const label = JSON.stringify({ f, offset, limit });
        const [cached, typeorm] = [
          await getEntitiesAndCount(page(f, offset, limit)),
          await page(f, offset, limit).getManyAndCount(),
        ];
        expect({ label, result: cached }).toEqual({ label, result: typeorm });
        expect({ label, result: await getEntities(page(f, offset, limit, ["id", "kind", "at"])) }).toEqual({
          label,
          result: await page(f, offset, limit, ["id", "kind", "at"]).getMany(),
        });
      }
    }
    // the data makes the comparisons tell something
    expect((await getEntitiesAndCount(page({ kinds: ["PRAISE", "IDEA"], flag: true }, 0, 2)))[1]).toBeGreaterThan(2);
    expect((await getEntitiesAndCount(page({ kinds: ["NONE"] }, 0, 2)))[1]).toBe(0);
    const [entities] = await getEntitiesAndCount(page({}, 0, 3));
    expect(entities[0]).toBeInstanceOf(Row);
    expect(entities[0].at).toBeInstanceOf(Date);
    expect(typeof entities[0].flag).toBe("boolean");
  });

  it("builds a shape's statement once; other values, list lengths and pages reuse it", async () => {
    const shape = (kinds: string[], flag: boolean, after: Date, offset: number, limit: number) =>
      page({ kinds, flag, after }, offset, limit);
    const first = await queriesBuiltDuring(() => getEntitiesAndCount(shape(["IDEA"], true, new Date(0), 0, 5)));
    expect(first[1]).toBeGreaterThan(0);
    for (const [kinds, flag, after, offset, limit] of [
      [["PRAISE", "IDEA", "COMPLAINT"], false, new Date(Date.UTC(2022, 3, 1)), 2, 3],
      [["QUESTION"], true, new Date(Date.UTC(2021, 1, 1)), 0, 50],
    ] as const) {
      const expected = await shape([...kinds], flag, after, offset, limit).getManyAndCount();
      const [result, built] = await queriesBuiltDuring(() =>
        getEntitiesAndCount(shape([...kinds], flag, after, offset, limit)),
      );
      expect(result).toEqual(expected);
      expect(built).toBe(0);
    }
    // a condition more is another shape
    const [, built] = await queriesBuiltDuring(() => getEntities(page({ flag: true, note: null }, 0, 5)));
    expect(built).toBeGreaterThan(0);
  });

  it("finds a single record by id like findOne, built once", async () => {
    const m = app.ds.manager;
    for (const id of [1, 7, 23, 999])
      expect(await findEntityById(m, Row, id)).toEqual(await m.findOne(Row, { where: { id } }));
    expect(await findEntityById(m, Row, 5)).toBeInstanceOf(Row);
    expect(await findEntityById(m, Row, 999)).toBeNull();
    const [row, built] = await queriesBuiltDuring(() => findEntityById(m, Row, 12));
    expect(row?.id).toBe(12);
    expect(built).toBe(0);
    const one = () =>
      app.ds.getRepository(Row).createQueryBuilder("r").where("r.kind = :k", { k: "IDEA" }).orderBy("r.id", "DESC");
    expect(await getEntity(one())).toEqual(await one().getOne());
    expect(await getEntity(one().andWhere("r.id < 0"))).toBeNull();
  });

  it("runs on the builder's transaction", async () => {
    const before = await getEntitiesAndCount(page({ kinds: ["TX"] }, 0, 5));
    await app.ds.transaction(async (m) => {
      const { identifiers } = await m
        .getRepository(Row)
        .insert({ day: "2023-01-01", at: new Date(), flag: true, kind: "TX", rank: 1 });
      expect((await findEntityById(m, Row, identifiers[0].id as number))?.kind).toBe("TX");
      const inTx = m
        .getRepository(Row)
        .createQueryBuilder("r")
        .where("r.kind IN (:...kinds)", { kinds: ["TX"] });
      expect(
        (await getEntitiesAndCount(inTx.orderBy("r.rank", "DESC").addOrderBy("r.id", "ASC").skip(0).take(5)))[1],
      ).toBe(1);
      await m.delete(Row, identifiers[0].id);
    });
    expect(before[1]).toBe(0);
  });

  it("leaves queries it cannot key to TypeORM", async () => {
    const bracketed = () =>
      app.ds
        .getRepository(Row)
        .createQueryBuilder("r")
        .where(new Brackets((w) => w.where("r.rank > :r", { r: 10 }).orWhere("r.flag = :f", { f: true })))
        .orderBy("r.id")
        .take(4);
    expect(await getEntitiesAndCount(bracketed())).toEqual(await bracketed().getManyAndCount());
    const [, built] = await queriesBuiltDuring(() => getEntitiesAndCount(bracketed()));
    expect(built).toBeGreaterThan(0);
    const grouped = () =>
      app.ds.getRepository(Row).createQueryBuilder("r").where("r.rank > 3").groupBy("r.id").orderBy("r.id");
    expect(await getEntities(grouped())).toEqual(await grouped().getMany());
  });
});
