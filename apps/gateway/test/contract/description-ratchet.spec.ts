import { buildSchema } from "graphql";
import { deprecationFindings, undocumentedCoordinates } from "../../src/cli/contract/coordinates";
import { compareWithList, formatList, parseList, ratchetMessages } from "../../src/cli/contract/ratchet";

/** A small schema, every element described but the ones a test leaves bare. */
const documented = `
  """Something to read."""
  type Query {
    """One item."""
    item(
      """Its id."""
      id: ID!
    ): Item
  }
  """An item."""
  type Item {
    """Its id."""
    id: ID!
    """How it stands."""
    status: Status!
  }
  """Where an item stands."""
  enum Status {
    """Just arrived."""
    OPEN
    """Handled."""
    CLOSED
  }
  """Filter."""
  input ItemFilter {
    """Only these."""
    status: Status
  }
`;

const check = (sdl: string, listed: string[]) => compareWithList(undocumentedCoordinates(buildSchema(sdl)), listed);

describe("the description ratchet", () => {
  it("names every kind of element by its schema coordinate", () => {
    const sdl = `
      type Query { item(id: ID!, """Described."""  by: String): Item }
      type Item { id: ID! }
      enum Status { OPEN }
      input ItemFilter { status: Status }
      scalar Money
      directive @audited(reason: String) on FIELD_DEFINITION
    `;
    expect(undocumentedCoordinates(buildSchema(sdl))).toEqual([
      "Item",
      "Item.id",
      "ItemFilter",
      "ItemFilter.status",
      "Money",
      "Query",
      "Query.item",
      "Query.item(id:)",
      "Status",
      "Status.OPEN",
      "@audited",
      "@audited(reason:)",
    ]);
  });

  it("passes a fully described schema with an empty list", () => {
    expect(check(documented, [])).toEqual({ newlyUndocumented: [], stale: [], repeated: [] });
  });

  it("fails an added undocumented field (and argument) that is not on the list", () => {
    const added = documented.replace('"""How it stands."""', 'note(lang: String): String\n    """How it stands."""');
    const result = check(added, []);
    expect(result.newlyUndocumented).toEqual(["Item.note", "Item.note(lang:)"]);
    expect(ratchetMessages(result, "schema-undocumented.txt")[0]).toBe(
      "Item.note has no description: describe it in the code (new API is documented; do not add it to schema-undocumented.txt).",
    );
  });

  it("counts a blank description as none", () => {
    const blank = documented.replace('"""Just arrived."""', '"""  """');
    expect(check(blank, []).newlyUndocumented).toEqual(["Status.OPEN"]);
  });

  it("passes an undocumented element that is on the list", () => {
    const bare = documented.replace('"""Handled."""', "");
    expect(check(bare, ["Status.CLOSED"])).toEqual({ newlyUndocumented: [], stale: [], repeated: [] });
  });

  it("asks to delete the line of a listed element that is described now", () => {
    const result = check(documented, ["Status.CLOSED"]);
    expect(result.stale).toEqual(["Status.CLOSED"]);
    expect(ratchetMessages(result, "schema-undocumented.txt")).toEqual([
      "Status.CLOSED is described or removed now: delete its line from schema-undocumented.txt.",
    ]);
  });

  it("asks to delete the line of a listed element that was removed", () => {
    expect(check(documented, ["Item.legacyCode"]).stale).toEqual(["Item.legacyCode"]);
  });

  it("refuses a repeated line", () => {
    const bare = documented.replace('"""Handled."""', "");
    expect(check(bare, ["Status.CLOSED", "Status.CLOSED"]).repeated).toEqual(["Status.CLOSED"]);
  });

  it("writes the list sorted, once each, under a header the reader skips", () => {
    const text = formatList(["Query.b", "Query.a(x:)", "Query.a", "Query.b"]);
    expect(text.startsWith("# Schema coordinates that have no description yet")).toBe(true);
    expect(parseList(text)).toEqual(["Query.a", "Query.a(x:)", "Query.b"]);
  });
});

describe("the deprecation policy", () => {
  const withDeprecation = (reason: string) =>
    buildSchema(documented.replace("status: Status!", `status: Status! @deprecated(reason: "${reason}")`));

  it("accepts a reason with a removal date still ahead", () => {
    expect(deprecationFindings(withDeprecation("Use state. Removed after 2027-06-30."), "2026-12-06")).toEqual({
      problems: [],
      due: [],
    });
  });

  it("refuses a reason without a removal date", () => {
    expect(deprecationFindings(withDeprecation("Use state."), "2026-12-06").problems).toEqual([
      'Item.status is @deprecated without a removal date: its reason must say "Removed after YYYY-MM-DD" (got "Use state.").',
    ]);
  });

  it("warns when the removal date has passed", () => {
    expect(deprecationFindings(withDeprecation("Use state. Removed after 2026-06-30."), "2026-12-06")).toEqual({
      problems: [],
      due: ["Item.status was to be removed after 2026-06-30: remove it (announced as breaking) or move the date."],
    });
  });
});
