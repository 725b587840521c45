import { buildSchema, parse, type OperationDefinitionNode } from "graphql";
import { inputDefaultsFiller } from "./input-defaults";

const schema = buildSchema(`
  enum Kind { PRAISE COMPLAINT }
  input Line { amount: Int!, kind: Kind! = COMPLAINT, note: String }
  input Fund { name: String!, active: Boolean! = true, share: Int = 5, lines: [Line!], main: Line }
  type Query { ok(fund: Fund, n: Int = 3): Boolean }
`);

function definitions(query: string) {
  return (parse(query).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
}

describe("inputDefaultsFiller", () => {
  const fill = inputDefaultsFiller(schema);
  const defs = definitions("query($fund: Fund, $n: Int) { ok(fund: $fund, n: $n) }");

  it("fills omitted input fields that have defaults, as a client would write them, at any depth", () => {
    const variables = {
      fund: { name: "A", lines: [{ amount: 1 }, { amount: 2, kind: "PRAISE" }], main: { amount: 3 } },
    };
    expect(fill(defs, variables)).toEqual({
      fund: {
        name: "A",
        active: true,
        share: 5,
        lines: [
          { amount: 1, kind: "COMPLAINT" },
          { amount: 2, kind: "PRAISE" },
        ],
        main: { amount: 3, kind: "COMPLAINT" },
      },
    });
    expect(variables.fund).not.toHaveProperty("active"); // the caller's object is not changed
  });

  it("keeps values the client sent, explicit nulls included, and leaves other variables alone", () => {
    const variables = { fund: { name: "A", active: false, share: null, main: null }, n: 7 };
    expect(fill(defs, variables)).toEqual({ fund: { name: "A", active: false, share: null, main: null }, n: 7 });
    const none = {};
    expect(fill(defs, none)).toBe(none);
  });
});
