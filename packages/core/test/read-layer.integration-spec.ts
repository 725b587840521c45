import "reflect-metadata";
import type { GraphQLResolveInfo } from "graphql";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { AccessLogEntry, defineModule, MAX_PAGE_SIZE, type RequestContext } from "../src";
import { rangeArg } from "../src/values";
import { getEntities, selectColumns } from "../src/data";
import {
  computed,
  defineGraph,
  defineLoader,
  loaderOf,
  many,
  readList,
  readOne,
  ref,
  type Projection,
} from "../src/read";
import { countStatements, TestApp, testDatabaseKind } from "../src/testing";

// A small domain of its own: owners, items (→ owner, → parent item), notes per item (some secret).

@ObjectType("ReadSpecOwner")
@Entity("read_spec_owner")
class Owner {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) name!: string;
}

@ObjectType("ReadSpecItem")
@Entity("read_spec_item")
class Item {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Field() @Column({ type: "varchar", length: 40 }) title!: string;
  @Column({ type: "int", nullable: true }) ownerId!: number | null;
  @Column({ type: "int", nullable: true }) parentId!: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: "text", nullable: true }) body!: string | null;
  @Field(() => Int) @Column() rank!: number;
  @Field() @Column({ type: "datetime" }) createdAt!: Date;
}

@ObjectType("ReadSpecNote")
@Entity("read_spec_note")
class Note {
  @Field(() => ID) @PrimaryGeneratedColumn() id!: number;
  @Column() itemId!: number;
  @Field() @Column({ type: "varchar", length: 40 }) text!: string;
  @Column({ type: "boolean" }) secret!: boolean;
}

const itemGraph = defineGraph(Item, {
  domain: "read-spec",
  relations: {
    owner: ref(() => Owner, "ownerId", { nullable: true, description: "Who owns it." }),
    parent: ref(() => Item, "parentId", {
      nullable: true,
      accessLog: { operation: "ReadSpecItem.parent", recordType: "ReadSpecItem" },
    }),
    notes: many(() => Note, "itemId", {
      order: { id: "DESC" },
      paging: "first",
      description: "Newest first.",
      // Secret notes only for read-spec:secret; the condition is in the SQL.
      where: (ctx) => (ctx.principal?.scopes.has("read-spec:secret") ? undefined : { secret: false }),
      accessLog: { operation: "ReadSpecItem.notes", recordType: "ReadSpecNote" },
    }),
    allNotes: many(() => Note, "itemId", { order: { id: "ASC" }, paging: "slice", scopes: ["read-spec:secret"] }),
  },
  computed: {
    headline: computed(
      () => String,
      ["title", "rank"],
      (item) => `${item.rank}. ${item.title}`,
      { description: "Rank and title." },
    ),
  },
  reads: { titleIn: ["title"] },
});

const lastLoadColumns: { value?: Projection<Item> } = {};

@Resolver(() => Item)
class ItemResolver {
  @Authorized("read-spec:read")
  @Query(() => [Item])
  readSpecItems(
    @Arg("first", () => Int, rangeArg("first", 1, MAX_PAGE_SIZE)) first: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, itemGraph, (columns) => {
      lastLoadColumns.value = columns;
      return getEntities(
        selectColumns(ctx.ds.getRepository(Item).createQueryBuilder("i").orderBy("i.id", "ASC").take(first), columns),
      );
    });
  }

  @Authorized("read-spec:read")
  @Query(() => Item, { nullable: true })
  readSpecItem(
    @Arg("id", () => Int, rangeArg("id", 1, 1000)) id: number,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, itemGraph, () => ctx.ds.manager.findOne(Item, { where: { id } }));
  }

  @FieldResolver(() => String, { description: "Hand-written with an argument; the graph names its reads." })
  titleIn(@Root() item: Item, @Arg("case", () => String) letterCase: string) {
    return letterCase === "upper" ? item.title.toUpperCase() : item.title.toLowerCase();
  }

  @FieldResolver(() => String, {
    description: "Reads body, which the graph does not name: the page reads every column.",
  })
  summary(@Root() item: Item) {
    return `${item.title}: ${item.body ?? "-"}`;
  }
}

class ReadSpecTables1700000000002 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(
      "CREATE TABLE `read_spec_owner` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(40) NOT NULL, PRIMARY KEY (`id`))",
    );
    await q.query(
      "CREATE TABLE `read_spec_item` (`id` int NOT NULL AUTO_INCREMENT, `title` varchar(40) NOT NULL, `ownerId` int NULL, `parentId` int NULL, `body` text NULL, `rank` int NOT NULL, `createdAt` datetime NOT NULL, PRIMARY KEY (`id`))",
    );
    await q.query(
      "CREATE TABLE `read_spec_note` (`id` int NOT NULL AUTO_INCREMENT, `itemId` int NOT NULL, `text` varchar(40) NOT NULL, `secret` tinyint NOT NULL, PRIMARY KEY (`id`))",
    );
  }
  async down(q: QueryRunner) {
    await q.query("DROP TABLE `read_spec_note`");
    await q.query("DROP TABLE `read_spec_item`");
    await q.query("DROP TABLE `read_spec_owner`");
  }
}

const readSpecModule = defineModule({
  name: "read-spec",
  description: "test",
  entities: [Owner, Item, Note],
  resolvers: [ItemResolver],
  graphs: [itemGraph],
  migrations: [ReadSpecTables1700000000002],
  scopes: [
    { name: "read-spec:read", description: "test" },
    { name: "read-spec:secret", description: "test" },
  ],
});

const READ = ["read-spec:read"];
const SECRET = ["read-spec:read", "read-spec:secret"];

describe(`the read layer (graph declarations) on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  const OWNERS = ["Ada", "Bo", "Cilla"];
  // Items 1–9; item k (k > 3) has parent k − 3; notes: 3 per item, the middle one secret.
  const ITEMS = Array.from({ length: 9 }, (_, i) => ({
    title: `Item ${i + 1}`,
    ownerId: i % 4 === 3 ? null : (i % 3) + 1,
    parentId: i >= 3 ? i - 2 : null,
    body: i % 2 ? null : `body ${i + 1}`,
    rank: 10 - i,
    createdAt: new Date(Date.UTC(2021, i, 2, 8, 30)),
  }));
  const notesOf = (itemId: number) => [0, 1, 2].map((n) => ({ itemId, text: `note ${itemId}.${n}`, secret: n === 1 }));

  beforeAll(async () => {
    app = await TestApp.start([readSpecModule]);
    await app.ds.getRepository(Owner).insert(OWNERS.map((name) => ({ name })));
    await app.ds.getRepository(Item).insert(ITEMS);
    await app.ds.getRepository(Note).insert(ITEMS.flatMap((_, i) => notesOf(i + 1)));
  });
  afterAll(() => app.close());

  const accessLogOf = (operation: string) =>
    app.ds.getRepository(AccessLogEntry).find({ where: { operation }, order: { id: "ASC" } });

  it("derives the field resolvers from the declaration: types, nullability, descriptions, the first argument", async () => {
    const type = app.schema.getType("ReadSpecItem") as import("graphql").GraphQLObjectType;
    const fields = type.getFields();
    expect(String(fields.owner.type)).toBe("ReadSpecOwner");
    expect(fields.owner.description).toBe("Who owns it.");
    expect(String(fields.notes.type)).toBe("[ReadSpecNote!]!");
    expect(fields.notes.args.map((a) => a.name)).toEqual(["first"]);
    expect(fields.notes.args[0].defaultValue).toBe(25);
    expect(String(fields.headline.type)).toBe("String!");
    expect(fields.headline.description).toBe("Rank and title.");
  });

  it("reads only the selected columns and each relation in one batch, whatever the page size", async () => {
    for (const first of [2, 9]) {
      const { data, statements } = await app.call(
        `{ readSpecItems(first: ${first}) { id title headline owner { name } } }`,
        { scopes: READ },
      );
      expect(data!.readSpecItems).toEqual(
        ITEMS.slice(0, first).map((item, i) => ({
          id: String(i + 1),
          title: item.title,
          headline: `${item.rank}. ${item.title}`,
          owner: item.ownerId === null ? null : { name: OWNERS[item.ownerId - 1] },
        })),
      );
      expect(statements).toBe(2); // the page, then the owners
      expect([...lastLoadColumns.value!].sort()).toEqual(["id", "ownerId", "rank", "title"]);
    }
  });

  it("follows fragments and aliases, reads no relation the query does not select, and names the reads of hand-written fields", async () => {
    const withFragment = await app.call(
      `{ readSpecItems(first: 9) { ...F boss: owner { name } } } fragment F on ReadSpecItem { id }`,
      { scopes: READ },
    );
    expect(withFragment.statements).toBe(2);
    expect((withFragment.data!.readSpecItems as unknown[])[0]).toEqual({ id: "1", boss: { name: "Ada" } });

    const flat = await app.call(`{ readSpecItems(first: 9) { ... on ReadSpecItem { titleIn(case: "upper") } } }`, {
      scopes: READ,
    });
    expect(flat.statements).toBe(1);
    expect([...lastLoadColumns.value!].sort()).toEqual(["id", "title"]);
    expect((flat.data!.readSpecItems as { titleIn: string }[]).map((i) => i.titleIn)).toEqual(
      ITEMS.map((i) => i.title.toUpperCase()),
    );
  });

  it("reads every column when a selected field resolver is not named in the graph", async () => {
    const { data } = await app.call(`{ readSpecItems(first: 3) { summary } }`, { scopes: READ });
    expect(lastLoadColumns.value).toBeUndefined();
    expect(data!.readSpecItems).toEqual(ITEMS.slice(0, 3).map((i) => ({ summary: `${i.title}: ${i.body ?? "-"}` })));
  });

  it("prefetches level by level: a nested level reuses what the level above loaded, statements stay constant", async () => {
    const query = (first: number) =>
      `{ readSpecItems(first: ${first}) { id owner { name } parent { id owner { name } parent { id title } } } }`;
    const small = await app.call(query(5), { scopes: READ });
    const large = await app.call(query(9), { scopes: READ });
    // page; owners + parents (level 1); the parents' owners are loaded already, the parents' parents: one batch.
    expect(small.statements).toBe(large.statements);
    expect(large.statements).toBeLessThanOrEqual(5); // page, owners, parents, access log of parents, grandparents (+ its log)
    const nine = (
      large.data!.readSpecItems as { id: string; parent: { id: string; parent: { id: string } | null } | null }[]
    )[8];
    expect(nine.parent!.id).toBe("6");
    expect(nine.parent!.parent!.id).toBe("3");
  });

  it("applies a relation's row policy in SQL and its access log per batch", async () => {
    const query = `{ readSpecItems(first: 4) { id notes(first: 2) { text } } }`;
    const before = (await accessLogOf("ReadSpecItem.notes")).length;

    const plain = await app.call(query, { scopes: READ, subject: "reader" });
    const shown = (plain.data!.readSpecItems as { notes: { text: string }[] }[]).map((i) => i.notes.map((n) => n.text));
    expect(shown).toEqual([1, 2, 3, 4].map((k) => [`note ${k}.2`, `note ${k}.0`])); // newest first, the secret one left out
    expect(plain.statements).toBe(3); // page, notes, access log

    const secret = await app.call(query, { scopes: SECRET, subject: "secretary" });
    expect((secret.data!.readSpecItems as { notes: { text: string }[] }[])[0].notes.map((n) => n.text)).toEqual([
      "note 1.2",
      "note 1.1",
    ]);

    const logged = (await accessLogOf("ReadSpecItem.notes")).slice(before);
    expect(logged.map((e) => e.actor)).toEqual(["reader", "secretary"]);
    expect(logged[0].recordIds.length).toBe(8); // exactly the rows shown to the reader (2 per item)
  });

  it("refuses a relation the caller's scopes do not allow, without loading it", async () => {
    const refused = await app.call(`{ readSpecItems(first: 3) { id allNotes { text } } }`, { scopes: READ });
    expect(refused.errorCodes).toContain("FORBIDDEN");
    expect(refused.statements).toBe(1); // the page only: no prefetch of what the caller may not see

    const allowed = await app.call(`{ readSpecItems(first: 3) { id allNotes(first: 2) { text } } }`, {
      scopes: SECRET,
    });
    expect(allowed.errors).toBeUndefined();
    expect((allowed.data!.readSpecItems as { allNotes: { text: string }[] }[])[2].allNotes.map((n) => n.text)).toEqual([
      "note 3.0",
      "note 3.1",
    ]);
  });

  it("one record: the same prefetch below it", async () => {
    const { data, statements } = await app.call(
      `{ readSpecItem(id: 7) { title parent { title owner { name } } notes { text } } }`,
      { scopes: READ },
    );
    expect(data!.readSpecItem).toEqual({
      title: "Item 7",
      parent: { title: "Item 4", owner: null },
      notes: [{ text: "note 7.2" }, { text: "note 7.0" }],
    });
    expect(statements).toBeLessThanOrEqual(6);
  });

  it("narrows a query to columns and hydrates the same values TypeORM does", async () => {
    const qb = () => app.ds.getRepository(Item).createQueryBuilder("i").orderBy("i.id", "DESC");
    const narrowed = await getEntities(selectColumns(qb(), ["id", "title", "createdAt", "rank"]));
    expect(narrowed).toEqual(await selectColumns(qb(), ["id", "title", "createdAt", "rank"]).getMany());
    expect(narrowed[0]).toBeInstanceOf(Item);
    expect(Object.keys(narrowed[0]).sort()).toEqual(["createdAt", "id", "rank", "title"]);
    expect(await getEntities(selectColumns(qb(), undefined))).toEqual(await qb().getMany());
  });

  it("typed loaders are known by their definition, never by a name: two with the same name do not share a cache", async () => {
    const double = defineLoader<number, number>("same name", async (_ctx, keys) => keys.map((k) => k * 2));
    const square = defineLoader<number, number>("same name", async (_ctx, keys) => keys.map((k) => k * k));
    const ctx = { loaders: new Map() } as unknown as RequestContext;
    expect(await loaderOf(ctx, double).load(3)).toBe(6);
    expect(await loaderOf(ctx, square).load(3)).toBe(9);
    expect(loaderOf(ctx, double)).toBe(loaderOf(ctx, double));
    const { count } = await countStatements(async () => loaderOf(ctx, double).get(3));
    expect(count).toBe(0);
  });
});
