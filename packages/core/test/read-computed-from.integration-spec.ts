import "reflect-metadata";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, Field, ID, Info, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { defineModule, MAX_PAGE_SIZE, type RequestContext } from "../src";
import { rangeArg } from "../src/values";
import { getEntities, selectColumns } from "../src/data";
import { computed, defineGraph, many, readList, ref, type Projection } from "../src/read";
import { TestApp, testDatabaseKind } from "../src/testing";

// A field computed from a relation's rows (`computed(…, { from })`): shelves (→ keeper), books per shelf.

@ObjectType("FromSpecKeeper")
@Entity("from_spec_keeper")
class Keeper {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) name!: string;
}

@ObjectType("FromSpecShelf")
@Entity("from_spec_shelf")
class Shelf {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) label!: string;
  @Column({ type: "int", nullable: true }) keeperId!: number | null;
}

@ObjectType("FromSpecBook")
@Entity("from_spec_book")
class Book {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Column() shelfId!: number;
  @Field(() => Int) @Column() pages!: number;
}

const shelfGraph = defineGraph(Shelf, {
  domain: "from-spec",
  relations: {
    keeper: ref(() => Keeper, "keeperId", { nullable: true }),
    books: many(() => Book, "shelfId", {
      order: { id: "ASC" },
      paging: "all",
      maxItems: 10,
      scopes: ["from-spec:books"],
    }),
  },
  computed: {
    keeperName: computed(
      () => String,
      [],
      (_shelf, keeper: Keeper | null) => keeper?.name ?? "nobody",
      { from: "keeper" },
    ),
    pages: computed(
      () => Int,
      [],
      (_shelf, books: Book[]) => books.reduce((sum, b) => sum + b.pages, 0),
      { from: "books", description: "Pages on the shelf." },
    ),
    heading: computed(
      () => String,
      ["label"],
      (shelf, keeper: Keeper | null) => `${shelf.label} (${keeper?.name ?? "nobody"})`,
      { from: "keeper" },
    ),
  },
});

const lastColumns: { value?: Projection<Shelf> } = {};

@Resolver(() => Shelf)
class ShelfResolver {
  @Authorized("from-spec:read")
  @Query(() => [Shelf])
  fromSpecShelves(
    @Arg("first", () => Int, rangeArg("first", 1, MAX_PAGE_SIZE)) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, shelfGraph, (columns) => {
      lastColumns.value = columns;
      return getEntities(
        selectColumns(ctx.ds.getRepository(Shelf).createQueryBuilder("s").orderBy("s.id", "ASC").take(first), columns),
      );
    });
  }
}

class FromSpecTables1700000000003 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      "CREATE TABLE `from_spec_keeper` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(40) NOT NULL, PRIMARY KEY (`id`))",
    );
    await q.query(
      "CREATE TABLE `from_spec_shelf` (`id` int NOT NULL AUTO_INCREMENT, `label` varchar(40) NOT NULL, `keeperId` int NULL, PRIMARY KEY (`id`))",
    );
    await q.query(
      "CREATE TABLE `from_spec_book` (`id` int NOT NULL AUTO_INCREMENT, `shelfId` int NOT NULL, `pages` int NOT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `from_spec_book`");
    await q.query("DROP TABLE `from_spec_shelf`");
    await q.query("DROP TABLE `from_spec_keeper`");
  }
}

const fromSpecModule = defineModule({
  name: "from-spec",
  description: "test",
  entities: [Keeper, Shelf, Book],
  resolvers: [ShelfResolver],
  graphs: [shelfGraph],
  migrations: [FromSpecTables1700000000003],
  scopes: [
    { name: "from-spec:read", description: "test" },
    { name: "from-spec:books", description: "test" },
  ],
});

const ALL = ["from-spec:read", "from-spec:books"];

describe(`fields computed from a relation on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  // Shelves 1–6: keeper 1 or 2, shelf 6 without one; shelf k holds k books of 10·k pages each.
  const SHELVES = Array.from({ length: 6 }, (_, i) => ({
    label: `Shelf ${i + 1}`,
    keeperId: i === 5 ? null : (i % 2) + 1,
  }));

  beforeAll(async () => {
    app = await TestApp.start([fromSpecModule]);
    await app.ds.getRepository(Keeper).insert([{ name: "Ada" }, { name: "Bo" }]);
    await app.ds.getRepository(Shelf).insert(SHELVES);
    await app.ds
      .getRepository(Book)
      .insert(
        SHELVES.flatMap((_, i) => Array.from({ length: i + 1 }, () => ({ shelfId: i + 1, pages: 10 * (i + 1) }))),
      );
  });
  afterAll(() => app.close());

  it("answers from the relation's rows, reads the relation's key column, one batch per relation whatever the page size", async () => {
    for (const first of [2, 6]) {
      const { data, statements, errors } = await app.call(
        `{ fromSpecShelves(first: ${first}) { keeperName pages heading } }`,
        { scopes: ALL },
      );
      expect(errors).toBeUndefined();
      expect(data!.fromSpecShelves).toEqual(
        SHELVES.slice(0, first).map((shelf, i) => {
          const keeperName = shelf.keeperId === null ? "nobody" : ["Ada", "Bo"][shelf.keeperId - 1];
          return { keeperName, pages: (i + 1) * 10 * (i + 1), heading: `${shelf.label} (${keeperName})` };
        }),
      );
      expect(statements).toBe(3); // the page, the keepers, the books
      expect([...lastColumns.value!].sort()).toEqual(["id", "keeperId", "label"]); // the key column of `keeper` and the declared reads
    }
    for (const first of [2, 6]) {
      await app.call(`{ fromSpecShelves(first: ${first}) { keeperName } }`, { scopes: ALL });
      expect([...lastColumns.value!].sort()).toEqual(["id", "keeperId"]);
    }
  });

  it("shares the relation's loader with the relation's own field", async () => {
    const { data, statements } = await app.call(
      `{ fromSpecShelves(first: 3) { pages books { pages } keeper { name } keeperName } }`,
      { scopes: ALL },
    );
    expect((data!.fromSpecShelves as { pages: number; books: unknown[] }[])[2]).toEqual({
      pages: 90,
      books: [{ pages: 30 }, { pages: 30 }, { pages: 30 }],
      keeper: { name: "Ada" },
      keeperName: "Ada",
    });
    expect(statements).toBe(3);
  });

  it("needs the relation's scopes when it declares none of its own", async () => {
    const type = app.schema.getType("FromSpecShelf") as import("graphql").GraphQLObjectType;
    expect(type.getFields().pages.description).toBe("Pages on the shelf.");
    const refused = await app.call(`{ fromSpecShelves(first: 2) { pages } }`, { scopes: ["from-spec:read"] });
    expect(refused.errorCodes).toContain("FORBIDDEN");
    expect(refused.statements).toBe(1); // the page only
  });

  it("refuses a `from` that is not a ref or an unpaged many of the graph", () => {
    class Other {
      id!: number;
    }
    expect(() =>
      defineGraph(Other, {
        domain: "from-spec",
        computed: {
          x: computed(
            () => Int,
            [],
            () => 0,
            { from: "missing" },
          ),
        },
      }),
    ).toThrow(/not a ref or a many/);
  });
});
