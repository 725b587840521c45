import { buildSchema, parse } from "graphql";
import { checkOperationInput } from "./well-formed-input";

const schema = buildSchema(`
  input Line { note: String, ids: [ID!] }
  input Input { text: String, lines: [Line!], id: ID }
  type Item { id: ID!, related(id: ID, note: String): Item }
  type Query { item(id: ID!): Item, search(input: Input): [Item!]! }
`);

const check = (query: string, variables: Record<string, unknown> = {}) => {
  const problem = checkOperationInput(schema, parse(query), undefined, variables);
  return problem
    ? { field: problem.extensions.field, rule: problem.extensions.rule, code: problem.extensions.code }
    : null;
};

describe("checkOperationInput: every string well-formed, every ID a valid id, before execution", () => {
  it("passes ordinary input, astral characters and all", () => {
    expect(
      check(`query($t: String) { search(input: { text: $t, lines: [{ note: "ok", ids: ["1", 2] }] }) { id } }`, {
        t: "😀 ÅÄÖ e\u0301",
      }),
    ).toBeNull();
  });

  it.each([
    [
      "a lone high surrogate in a variable",
      `query($t: String) { search(input: { text: $t }) { id } }`,
      { t: "a\ud800" },
      "input.text",
    ],
    [
      "a lone low surrogate nested in a list item",
      `query($l: [Line!]) { search(input: { lines: $l }) { id } }`,
      { l: [{ note: "ok" }, { note: "\udc00" }] },
      "input.lines.1.note",
    ],
    [
      "a whole input object as a variable",
      `query($i: Input) { search(input: $i) { id } }`,
      { i: { text: "ok", lines: [{ note: "x\ud83d" }] } },
      "input.lines.0.note",
    ],
    [
      "an argument of a nested field, inside a fragment",
      `query($n: String) { item(id: "1") { ...F } } fragment F on Item { related(note: $n) { id } }`,
      { n: "\udfff" },
      "note",
    ],
  ])("refuses %s, naming the path (rule unicode)", (_label, query, variables, field) => {
    expect(check(query, variables)).toEqual({ field, rule: "unicode", code: "BAD_USER_INPUT" });
  });

  it.each([
    ["abc", `query($id: ID!) { item(id: $id) { id } }`, "id"],
    ["1.5", `query($id: ID!) { item(id: $id) { id } }`, "id"],
    ["2147483648", `query($id: ID!) { item(id: $id) { id } }`, "id"],
    ["1e3", `query($id: ID!) { item(id: $id) { id } }`, "id"],
  ])("refuses the id %p (rule id)", (id, query, field) => {
    expect(check(query, { id })).toEqual({ field, rule: "id", code: "BAD_USER_INPUT" });
  });

  it("refuses a bad id written inline, in a list of an input", () => {
    expect(check(`{ search(input: { lines: [{ ids: ["1", "NaN"] }] }) { id } }`)).toEqual({
      field: "input.lines.0.ids.1",
      rule: "id",
      code: "BAD_USER_INPUT",
    });
  });

  it("leaves coercion errors to graphql-js (not its job)", () => {
    expect(check(`query($id: ID!) { item(id: $id) { id } }`, { id: { x: 1 } })).toBeNull();
  });
});
