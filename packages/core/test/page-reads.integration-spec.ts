import "reflect-metadata";
import { graphql, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import {
  buildModuleSchema,
  createRequestContext,
  defineModule,
  getEntities,
  manyToOne,
  MAX_PAGE_SIZE,
  rangeArg,
  neededColumns,
  prefetchReferences,
  referenceColumns,
  selectColumns,
  type RequestContext,
} from "../src";
import { countStatements, createTestDatabase, testDatabaseKind, type TestDatabase } from "../src/testing";

@ObjectType("PageReadsOwner")
@Entity("page_reads_owner")
class Owner {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) name!: string;
}

@ObjectType("PageReadsItem")
@Entity("page_reads_item")
class Item {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) title!: string;
  @Column({ type: "int", nullable: true }) ownerId!: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) body!: string | null;
  @Field(() => Int) @Column() rank!: number;
  @Field() @Column({ type: "datetime" }) createdAt!: Date;
}

const ITEM_REFERENCES = { owner: manyToOne<Item, Owner>("spec.ownerById", Owner, "ownerId") };
const ITEM_FIELD_COLUMNS = { ...referenceColumns(ITEM_REFERENCES) };

@Resolver(() => Item)
class ItemResolver {
  @Authorized("spec:read")
  @Query(() => [Item])
  async pageReadsItems(@Arg("first", () => Int, rangeArg("first", 1, MAX_PAGE_SIZE)) first: number, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Item[]> {
    const qb = ctx.ds.getRepository(Item).createQueryBuilder("i").orderBy("i.id", "ASC").take(first);
    const rows = await getEntities(selectColumns(qb, neededColumns(ctx.ds, Item, info, [], ITEM_FIELD_COLUMNS)));
    await prefetchReferences(ctx, info, [], rows, ITEM_REFERENCES);
    return rows;
  }

  @FieldResolver(() => Owner, { nullable: true })
  owner(@Root() item: Item, @Ctx() ctx: RequestContext) {
    return ITEM_REFERENCES.owner.load(ctx, item);
  }

  @FieldResolver(() => String, { description: "Reads body, which ITEM_FIELD_COLUMNS does not declare: the page reads every column." })
  summary(@Root() item: Item) {
    return `${item.title}: ${item.body ?? "-"}`;
  }
}

class PageReadsTables1700000000001 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query("CREATE TABLE `page_reads_owner` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(40) NOT NULL, PRIMARY KEY (`id`))");
    await q.query(
      "CREATE TABLE `page_reads_item` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(40) NOT NULL, `ownerId` int NULL, `body` text NULL, `rank` int NOT NULL, `createdAt` datetime NOT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `page_reads_item`");
    await q.query("DROP TABLE `page_reads_owner`");
  }
}

const pageReadsModule = defineModule({
  name: "page-reads-spec",
  description: "test",
  entities: [Owner, Item],
  resolvers: [ItemResolver],
  migrations: [PageReadsTables1700000000001],
  scopes: [{ name: "spec:read", description: "test", personLevel: false }],
});

describe(`page reads (projection and prefetch) on ${testDatabaseKind()}`, () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const OWNERS = ["Ada", "Bo", "Cilla"];
  const ITEMS = Array.from({ length: 9 }, (_, i) => ({
    title: `item ${i + 1}`,
    ownerId: i % 4 === 3 ? null : (i % 3) + 1,
    body: i % 2 ? null : `body ${i + 1}`,
    rank: 10 - i,
    createdAt: new Date(Date.UTC(2021, i, 2, 8, 30)),
  }));

  beforeAll(async () => {
    db = await createTestDatabase([pageReadsModule]);
    schema = await buildModuleSchema([pageReadsModule]);
    await db.ds.getRepository(Owner).insert(OWNERS.map((name) => ({ name })));
    await db.ds.getRepository(Item).insert(ITEMS);
  });
  afterAll(() => db.close());

  async function run(source: string) {
    const contextValue = createRequestContext(db.ds, { subject: "spec", kind: "user", scopes: new Set(["spec:read"]) }, "spec");
    const { result, count, statements } = await countStatements(() => Promise.resolve(graphql({ schema, source, contextValue })));
    expect(result.errors).toBeUndefined();
    return { data: result.data as { pageReadsItems: Record<string, unknown>[] }, count, statements };
  }

  /** What the page must show, from the rows themselves. */
  const expected = (first: number) =>
    ITEMS.slice(0, first).map((item, i) => ({
      id: String(i + 1),
      title: item.title,
      rank: item.rank,
      createdAt: item.createdAt.toISOString(),
      owner: item.ownerId === null ? null : { name: OWNERS[item.ownerId - 1] },
    }));

  it("reads only the selected columns and each reference in one batch, whatever the page size", async () => {
    for (const first of [2, 9]) {
      const { data, count, statements } = await run(`{ pageReadsItems(first: ${first}) { id title rank createdAt owner { name } } }`);
      expect(data.pageReadsItems).toEqual(expected(first));
      expect(count).toBe(2); // the page, then the owners
      expect(statements[0]).toMatch(/ownerId/); // the reference's column is kept …
      expect(statements[0]).not.toMatch(/body/); // … a column nobody asked for is not read
      expect(statements[1]).toMatch(/page_reads_owner/);
    }
  });

  it("follows fragments and aliases, and reads no reference the query does not select", async () => {
    const withFragment = await run(`{ pageReadsItems(first: 9) { ...F boss: owner { name } } } fragment F on PageReadsItem { id title rank createdAt }`);
    expect(withFragment.data.pageReadsItems).toEqual(expected(9).map(({ owner, ...rest }) => ({ ...rest, boss: owner })));
    expect(withFragment.count).toBe(2);

    const flat = await run(`{ pageReadsItems(first: 9) { ... on PageReadsItem { title } } }`);
    expect(flat.data.pageReadsItems).toEqual(ITEMS.map((i) => ({ title: i.title })));
    expect(flat.count).toBe(1);
    expect(flat.statements[0]).not.toMatch(/ownerId|body|createdAt/);
  });

  it("reads every column when a selected field resolver declares nothing", async () => {
    const { data, count, statements } = await run(`{ pageReadsItems(first: 3) { summary owner { name } } }`);
    expect(data.pageReadsItems).toEqual(ITEMS.slice(0, 3).map((i, k) => ({ summary: `${i.title}: ${i.body ?? "-"}`, owner: expected(3)[k].owner })));
    expect(count).toBe(2);
    expect(statements[0]).toMatch(/body/);
  });

  it("narrows a query to columns and hydrates the same values TypeORM does", async () => {
    const qb = () => db.ds.getRepository(Item).createQueryBuilder("i").orderBy("i.id", "DESC");
    const narrowed = await getEntities(selectColumns(qb(), ["id", "title", "createdAt", "rank"]));
    expect(narrowed).toEqual(await selectColumns(qb(), ["id", "title", "createdAt", "rank"]).getMany());
    expect(narrowed[0]).toBeInstanceOf(Item);
    expect(Object.keys(narrowed[0]).sort()).toEqual(["createdAt", "id", "rank", "title"]);
    expect(await getEntities(selectColumns(qb(), undefined))).toEqual(await qb().getMany());
  });
});
