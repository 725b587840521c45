import {
  GraphQLError,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLID,
  graphql,
} from "graphql";
import { GraphQLRequestError, type GraphQLErrorEntry } from "../src";

// A schema with a scalar that refuses values like the gateway's (packages/core/src/scalars/), so
// the messages below are graphql-js's own, not copies.
const DateScalar = new GraphQLScalarType({
  name: "Date",
  parseValue: (value) => {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    throw new GraphQLError("Date must be YYYY-MM-DD", {
      extensions: { code: "BAD_USER_INPUT", scalar: "Date", rule: "format" },
    });
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
  mutation: new GraphQLObjectType({
    name: "Mutation",
    fields: {
      register: {
        type: GraphQLString,
        args: {
          id: { type: new GraphQLNonNull(GraphQLID) },
          input: { type: new GraphQLInputObjectType({ name: "In", fields: { receivedDate: { type: DateScalar } } }) },
        },
      },
    },
  }),
});

async function errorsFor(variables: Record<string, unknown>): Promise<GraphQLErrorEntry[]> {
  const result = await graphql({
    schema,
    source: "mutation ($id: ID!, $input: In) { register(id: $id, input: $input) }",
    variableValues: variables,
  });
  return (result.errors ?? []).map((e) => e.toJSON() as GraphQLErrorEntry);
}

describe("GraphQLRequestError", () => {
  it("takes code, field and rule from extensions when the gateway gives them", () => {
    const error = new GraphQLRequestError(
      [
        {
          message: "input.personnummer: wrong check digit",
          extensions: { code: "BAD_USER_INPUT", field: "input.personnummer", rule: "luhn" },
        },
      ],
      200,
      "req-1",
    );
    expect(error).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.personnummer",
      rule: "luhn",
      status: 200,
      requestId: "req-1",
    });
    expect(error.message).toBe("input.personnummer: wrong check digit");
  });

  it("names the input path of a value a scalar refused in a variable", async () => {
    const errors = await errorsFor({ id: "1", input: { receivedDate: "2026-02-30x" } });
    expect(errors).toHaveLength(1);
    expect(new GraphQLRequestError(errors, 200)).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.receivedDate",
      rule: "format",
    });
  });

  it("names a whole variable of the wrong type", async () => {
    const errors = await errorsFor({ id: { not: "an id" } });
    expect(new GraphQLRequestError(errors, 200).field).toBe("id");
  });

  it("is UNKNOWN without a code, and has no field for errors that name none", () => {
    const error = new GraphQLRequestError([{ message: "The gateway answered HTTP 502 without a GraphQL body" }], 502);
    expect(error).toMatchObject({ code: "UNKNOWN", field: undefined, rule: undefined, status: 502 });
  });
});
