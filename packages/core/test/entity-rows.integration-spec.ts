import "reflect-metadata";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { In } from "typeorm";
import { AccessLogEntry, defineModule } from "../src";
import { moneyColumn } from "../src/values";
import { findByKeys, getEntities, getEntitiesAndCount } from "../src/data";
import { TestApp, testDatabaseKind } from "../src/testing";

@Entity("entity_rows_sample")
class Sample {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "date" }) day!: string;
  @Column({ type: "datetime" }) at!: Date;
  @Column({ ...moneyColumn }) amount!: number;
  @Column({ type: "boolean" }) flag!: boolean;
  @Column({ type: "varchar", length: 16 }) kind!: string;
  @Column({ type: "text", nullable: true, default: null }) note!: string | null;
  @Column({ type: "int", nullable: true, default: null }) count!: number | null;
  @Column() rank!: number; // reflected type Number: the driver's parseInt path
}

class SampleTable1700000000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      "CREATE TABLE `entity_rows_sample` (`id` int NOT NULL AUTO_INCREMENT, `day` date NOT NULL, `at` datetime NOT NULL, `amount` bigint NOT NULL, `flag` tinyint NOT NULL, `kind` varchar(16) NOT NULL, `note` text NULL DEFAULT NULL, `count` int NULL DEFAULT NULL, `rank` int NOT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `entity_rows_sample`");
  }
}

const sampleModule = defineModule({
  name: "entity-rows-sample",
  description: "test",
  entities: [Sample],
  resolvers: [],
  migrations: [SampleTable1700000000000],
  scopes: [],
});

describe(`getEntities on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start([sampleModule]);
    const rows = Array.from({ length: 7 }, (_, i) => ({
      day: `2021-0${(i % 9) + 1}-1${i}`,
      at: new Date(Date.UTC(2021, i, 3, 10, 20, 30)),
      amount: i * 123456789 - 5,
      flag: i % 2 === 0,
      kind: i % 3 === 0 ? "PRAISE" : "COMPLAINT",
      note: i % 2 ? null : `note ${i}`,
      count: i % 3 ? null : i,
      rank: 100 - i * 7,
    }));
    await app.ds.getRepository(Sample).insert(rows);
  });
  afterAll(() => app.close());

  it("returns the same entities as getMany / getManyAndCount for a page of a single-table query", async () => {
    const qb = () =>
      app.ds
        .getRepository(Sample)
        .createQueryBuilder("s")
        .where("s.amount > :min", { min: 0 })
        .orderBy("s.day", "DESC")
        .addOrderBy("s.id", "DESC")
        .skip(1)
        .take(3);
    const fast = await getEntitiesAndCount(qb());
    expect(fast).toEqual(await qb().getManyAndCount());
    expect(fast[0]).toHaveLength(3);
    expect(fast[1]).toBe(6);
    expect(fast[0][0]).toBeInstanceOf(Sample);
    expect(typeof fast[0][0].amount).toBe("number");
    expect(await getEntities(qb())).toEqual(await qb().getMany());
    const direct = qb();
    const typeorm = jest.spyOn(direct, "getManyAndCount");
    await getEntitiesAndCount(direct);
    expect(typeorm).not.toHaveBeenCalled(); // the fast path ran
  });

  it("finds by keys like find with In, in the given order", async () => {
    const m = app.ds.manager;
    expect(await findByKeys(m, Sample, "kind", ["PRAISE"], { day: "DESC" })).toEqual(
      await m.find(Sample, { where: { kind: In(["PRAISE"]) }, order: { day: "DESC" } }),
    );
    expect((await findByKeys(m, Sample, "id", [2, 4, 99])).map((s) => s.id).sort()).toEqual([2, 4]);
    expect(await findByKeys(m, Sample, "id", [])).toEqual([]);
    // one statement per entity, column and order, widened to each batch's number of keys
    for (const keys of [[3], [1, 2, 3, 4, 5, 6, 7], [5, 1], [3]]) {
      expect(await findByKeys(m, Sample, "id", keys, { id: "ASC" })).toEqual(
        await m.find(Sample, { where: { id: In(keys) }, order: { id: "ASC" } }),
      );
    }
    expect(await findByKeys(m, Sample, "kind", ["COMPLAINT", "PRAISE"], { rank: "DESC" })).toEqual(
      await m.find(Sample, { where: { kind: In(["COMPLAINT", "PRAISE"]) }, order: { rank: "DESC" } }),
    );
  });

  it("hydrates a selection of the table's columns itself, and leaves anything else to TypeORM", async () => {
    const partial = app.ds
      .getRepository(Sample)
      .createQueryBuilder("s")
      .select(["s.id", "s.day", "s.rank"])
      .orderBy("s.id");
    const typeorm = jest.spyOn(partial, "getMany");
    expect(await getEntities(partial)).toEqual(await partial.clone().getMany());
    expect(typeorm).not.toHaveBeenCalled();
    const aliased = app.ds
      .getRepository(Sample)
      .createQueryBuilder("s")
      .select("s.id")
      .addSelect("s.kind", "k")
      .orderBy("s.id");
    const aliasedTypeorm = jest.spyOn(aliased, "getMany");
    expect(await getEntities(aliased)).toEqual(await aliased.clone().getMany());
    expect(aliasedTypeorm).toHaveBeenCalledTimes(1);
    const joined = app.ds
      .getRepository(Sample)
      .createQueryBuilder("s")
      .innerJoin(AccessLogEntry, "e", "1 = 1")
      .orderBy("s.id")
      .take(2);
    expect(await getEntitiesAndCount(joined)).toEqual(await joined.getManyAndCount());
  });
});
