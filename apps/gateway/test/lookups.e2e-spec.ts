import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getNamedType, isNonNullType, isObjectType, type GraphQLField } from "graphql";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../src/modules";
import { TestGateway } from "./harness";

/** Every lookup by id in the schema: a query field whose one argument is `id: ID!` and whose type is a record. */
function lookups(): GraphQLField<unknown, unknown>[] {
  const schema = buildSchema(readFileSync(join(__dirname, "..", "schema.graphql"), "utf8"));
  return Object.values(schema.getQueryType()!.getFields()).filter(
    (f) =>
      f.args.length === 1 &&
      f.args[0].name === "id" &&
      String(f.args[0].type) === "ID!" &&
      isObjectType(getNamedType(f.type)),
  );
}

// A client asks for several things at once: a record that is not there must not wipe the others.
describe(`lookups by id never wipe sibling data on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  const everyScope = modules.flatMap((m) => m.scopes.map((s) => s.name));
  beforeAll(async () => {
    gw = await TestGateway.start({ DEMO_SEED: "false" });
  });
  afterAll(() => gw.stop());

  it("declares every lookup nullable (a new non-null lookup fails here)", () => {
    const found = lookups();
    expect(found.length).toBeGreaterThanOrEqual(13);
    expect(found.filter((f) => isNonNullType(f.type)).map((f) => f.name)).toEqual([]);
  });

  it("answers a missing record as null with NOT_FOUND at its path, and the sibling fields as asked", async () => {
    for (const lookup of lookups()) {
      const r = await gw.gql(`{ missing: ${lookup.name}(id: "987654") { __typename } sibling: __typename }`, {
        scopes: everyScope,
      });
      expect({ lookup: lookup.name, data: r.data }).toEqual({
        lookup: lookup.name,
        data: { missing: null, sibling: "Query" },
      });
      expect(r.errors).toHaveLength(1);
      expect(r.errors![0]).toMatchObject({ path: ["missing"], extensions: { code: "NOT_FOUND" } });
    }
  });
});
