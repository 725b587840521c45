import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, graphql } from "graphql";
import { enforceListBounds } from "./list-bounds";

/** A schema with one declared-bound list and one paged list whose resolvers return what the test says. */
function schemaReturning(items: number[]): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        declared: { type: new GraphQLList(GraphQLInt), extensions: { maxItems: 2 }, resolve: () => items },
        paged: {
          type: new GraphQLList(GraphQLInt),
          args: { first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 2 } },
          resolve: async () => items,
        },
        unbounded: { type: new GraphQLList(GraphQLInt), resolve: () => items },
      },
    }),
  });
}

describe("enforceListBounds", () => {
  it("answers lists within their bound unchanged", async () => {
    const schema = schemaReturning([1, 2]);
    expect(enforceListBounds(schema).wrapped).toBe(2);
    const result = await graphql({ schema, source: "{ declared paged unbounded }" });
    expect(result).toEqual({ data: { declared: [1, 2], paged: [1, 2], unbounded: [1, 2] } });
  });

  it("fails a list longer than its declared maximum or its `first`, instead of answering it", async () => {
    const schema = schemaReturning([1, 2, 3]);
    enforceListBounds(schema);
    const result = await graphql({ schema, source: "{ declared paged(first: 2) }" });
    expect(result.data).toEqual({ declared: null, paged: null });
    expect(result.errors?.map((e) => e.extensions.code)).toEqual(["RESULT_TOO_LARGE", "RESULT_TOO_LARGE"]);
    expect(result.errors?.map((e) => e.message).sort()).toEqual([
      "Query.declared would return 3 items; at most 2 are allowed. Ask for a shorter period or a smaller page.",
      "Query.paged would return 3 items; at most 2 are allowed. Ask for a shorter period or a smaller page.",
    ]);
  });

  it("refuses `first` outside 1–100 with BAD_USER_INPUT naming `first`, before the resolver runs", async () => {
    let ran = 0;
    const schema = schemaReturning([]);
    const paged = schema.getQueryType()!.getFields().paged;
    paged.resolve = () => (ran++, []);
    enforceListBounds(schema);
    for (const first of [0, 101, 2_147_483_647]) {
      const result = await graphql({ schema, source: `{ paged(first: ${first}) }` });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
    expect(ran).toBe(0);
  });
});
