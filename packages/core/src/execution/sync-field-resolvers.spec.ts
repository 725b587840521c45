import "reflect-metadata";
import { graphql, type GraphQLSchema } from "graphql";
import {
  Authorized,
  Field,
  FieldResolver,
  ID,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
  buildSchema,
} from "type-graphql";
import { scopeAuthChecker } from "../auth/authorization";
import { useSyncFieldResolvers } from "./sync-field-resolvers";

@ObjectType()
class SyncSpecItem {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { name: "label" })
  title!: string;

  @Authorized("spec:secret")
  @Field(() => String, { nullable: true })
  secret!: string | null;
}

/** A field resolver, a field with its own middleware, an inherited field: not plain properties (or inherited ones). */
@ObjectType()
class SyncSpecBase {
  @Field(() => String)
  inherited!: string;
}

@ObjectType()
class SyncSpecMixed extends SyncSpecBase {
  @Field(() => String)
  computed!: string;

  @UseMiddleware((_data, next) => next().then((v: unknown) => `${String(v)}!`))
  @Field(() => String)
  shouted!: string;
}

@Resolver(() => SyncSpecMixed)
class SyncSpecMixedResolver {
  @Authorized("spec:list")
  @Query(() => SyncSpecMixed)
  syncSpecMixed(): SyncSpecMixed {
    return Object.assign(new SyncSpecMixed(), { inherited: "base", computed: "stored", shouted: "hey" });
  }

  @FieldResolver(() => String)
  computed(@Root() root: SyncSpecMixed): string {
    return `computed from ${root.inherited}`;
  }
}

@Resolver()
class SyncSpecResolver {
  @Authorized("spec:list")
  @Query(() => [SyncSpecItem])
  syncSpecItems(): SyncSpecItem[] {
    return [1, 2, 3].map((id) =>
      Object.assign(new SyncSpecItem(), { id, name: `item ${id}`, title: `title ${id}`, secret: `secret ${id}` }),
    );
  }
}

function principal(...scopes: string[]) {
  return { requestId: "spec", principal: { subject: "spec", kind: "user" as const, scopes: new Set(scopes) } };
}

const QUERY = "{ syncSpecItems { id name label secret } }";

async function run(schema: GraphQLSchema, scopes: string[]) {
  return JSON.stringify(await graphql({ schema, source: QUERY, contextValue: principal(...scopes) }));
}

describe("useSyncFieldResolvers", () => {
  it("gives the same data and the same auth errors as type-graphql's own resolvers", async () => {
    const schema = await buildSchema({ resolvers: [SyncSpecResolver], authChecker: scopeAuthChecker, validate: false });
    const cases = [["spec:list"], ["spec:list", "spec:secret"], []];
    const before = await Promise.all(cases.map((c) => run(schema, c)));

    const { replaced, authorized } = useSyncFieldResolvers(schema, scopeAuthChecker);
    expect(replaced).toBe(4);
    expect(authorized).toBe(1);
    const after = await Promise.all(cases.map((c) => run(schema, c)));
    expect(after).toEqual(before);

    // Without the field's scope the value never leaves: null with FORBIDDEN at each row's path.
    const denied = JSON.parse(after[0]);
    expect(denied.data.syncSpecItems.map((i: { secret: unknown }) => i.secret)).toEqual([null, null, null]);
    expect(
      denied.errors.map((e: { path: unknown[]; extensions: { code: string } }) => [
        e.path.join("."),
        e.extensions.code,
      ]),
    ).toEqual([
      ["syncSpecItems.0.secret", "FORBIDDEN"],
      ["syncSpecItems.1.secret", "FORBIDDEN"],
      ["syncSpecItems.2.secret", "FORBIDDEN"],
    ]);
    expect(JSON.parse(after[1]).data.syncSpecItems[2].secret).toBe("secret 3");
  });

  it("leaves plain fields without a resolver and resolves renamed and authorized ones synchronously", async () => {
    const schema = await buildSchema({ resolvers: [SyncSpecResolver], authChecker: scopeAuthChecker, validate: false });
    useSyncFieldResolvers(schema, scopeAuthChecker);
    const fields = schema.getType("SyncSpecItem") as unknown as {
      getFields(): Record<string, { resolve?: (...a: unknown[]) => unknown }>;
    };
    const item = { id: 1, name: "n", title: "t", secret: "s" };
    const ctx = principal("spec:secret");
    // graphql's default (and graphql-jit's inline read) take the property of the field's own name
    expect(fields.getFields().name.resolve).toBeUndefined();
    expect(fields.getFields().label.resolve!(item, {}, ctx, {})).toBe("t");
    expect(fields.getFields().secret.resolve!(item, {}, ctx, {})).toBe("s");
    expect(() => fields.getFields().secret.resolve!(item, {}, principal("spec:list"), {})).toThrow();
  });

  it("decides from type-graphql's metadata: a field resolver or a field's own middleware keeps its resolver", async () => {
    const schema = await buildSchema({
      resolvers: [SyncSpecMixedResolver],
      authChecker: scopeAuthChecker,
      validate: false,
    });
    const query = "{ syncSpecMixed { inherited computed shouted } }";
    const before = await graphql({ schema, source: query, contextValue: principal("spec:list") });
    const fields = (
      schema.getType("SyncSpecMixed") as unknown as { getFields(): Record<string, { resolve?: unknown }> }
    ).getFields();
    const computed = fields.computed.resolve;
    const shouted = fields.shouted.resolve;

    expect(useSyncFieldResolvers(schema, scopeAuthChecker)).toEqual({ replaced: 1, authorized: 0 });
    expect(fields.inherited.resolve).toBeUndefined();
    expect(fields.computed.resolve).toBe(computed);
    expect(fields.shouted.resolve).toBe(shouted);
    const after = await graphql({ schema, source: query, contextValue: principal("spec:list") });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      syncSpecMixed: { inherited: "base", computed: "computed from base", shouted: "hey!" },
    });
  });

  it("changes a schema once: resolvers wrapped after the first pass (list bounds) stay", async () => {
    const schema = await buildSchema({ resolvers: [SyncSpecResolver], authChecker: scopeAuthChecker, validate: false });
    useSyncFieldResolvers(schema, scopeAuthChecker);
    const label = (
      schema.getType("SyncSpecItem") as unknown as { getFields(): Record<string, { resolve?: unknown }> }
    ).getFields().label;
    const wrapped = () => "wrapped";
    label.resolve = wrapped;
    expect(useSyncFieldResolvers(schema, scopeAuthChecker)).toEqual({ replaced: 0, authorized: 0 });
    expect(label.resolve).toBe(wrapped);
  });
});
