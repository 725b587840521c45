import { buildSchema } from "graphql";
import { announcedBreakingChanges, schemaChanges, unannounced } from "../../src/cli/contract/changes";

const before = buildSchema(`
  type Query {
    item(id: ID!, lang: String = "sv"): Item
    items(first: Int): [Item!]!
  }
  type Item { id: ID! code: String status: Status! }
  enum Status { OPEN CLOSED }
  input ItemFilter { status: Status }
  union Found = Item
`);

const changelog = (...unreleased: string[]) => `# API changelog

Policy text mentioning \`Query.items\` (not an announcement).

## Unreleased

${unreleased.join("\n")}

## 0.1.0 — 2026-11-01

- **Breaking:** \`Item.code\` — removed long ago (a released section announces nothing new).
`;

const changesTo = (sdl: string) => schemaChanges(before, buildSchema(sdl));

describe("breaking-change protection", () => {
  const withoutCode = `
    type Query { item(id: ID!, lang: String = "sv"): Item items(first: Int): [Item!]! }
    type Item { id: ID! status: Status! }
    enum Status { OPEN CLOSED }
    input ItemFilter { status: Status }
    union Found = Item
  `;

  it("finds no change between a schema and itself", () => {
    expect(schemaChanges(before, before)).toEqual({ breaking: [], dangerous: [] });
  });

  it("counts a removed field as breaking and fails it unannounced", () => {
    const { breaking } = changesTo(withoutCode);
    expect(breaking).toEqual([
      { coordinate: "Item.code", type: "FIELD_REMOVED", description: "Item.code was removed." },
    ]);
    expect(unannounced(breaking, announcedBreakingChanges(changelog()))).toEqual(breaking);
  });

  it("passes the removal once the Unreleased section announces its coordinate", () => {
    const { breaking } = changesTo(withoutCode);
    const announced = announcedBreakingChanges(
      changelog("- **Breaking:** `Item.code` — removed (deprecated since 2026-05-01); use `Item.id`."),
    );
    expect(unannounced(breaking, announced)).toEqual([]);
  });

  it("reads only the coordinates right after the marker, only in Unreleased", () => {
    const announced = announcedBreakingChanges(
      changelog(
        "- **Breaking:** `Query.item(lang:)`, `Status.CLOSED` — gone; see `Query.items(first:)`.",
        "- Added `Query.search` (not breaking, so no marker).",
      ),
    );
    expect([...announced].sort()).toEqual(["Query.item(lang:)", "Status.CLOSED"]);
  });

  it("names arguments, enum values, types and new required inputs by their coordinates", () => {
    const { breaking } = changesTo(`
      type Query { item(id: ID!, lang: Int, since: String!): Item items(first: Int): [Item!]! }
      type Item { id: ID! code: Int status: Status! }
      enum Status { OPEN }
      input ItemFilter { status: Status kind: String! }
    `);
    expect(breaking.map((c) => c.coordinate).sort()).toEqual([
      "Found",
      "Item.code",
      "ItemFilter.kind",
      "Query.item(lang:)",
      "Query.item(since:)",
      "Status.CLOSED",
    ]);
  });

  it("names union members, interfaces and directive arguments by the coordinate that changed", () => {
    const older = buildSchema(`
      directive @audited(reason: String) on FIELD_DEFINITION
      interface Node { id: ID! }
      type Query { found: Found }
      type A implements Node { id: ID! }
      type B { id: ID! }
      union Found = A | B
    `);
    const newer = buildSchema(`
      directive @audited on FIELD_DEFINITION
      interface Node { id: ID! }
      type Query { found: Found }
      type A { id: ID! }
      type B { id: ID! }
      union Found = A
    `);
    expect(
      schemaChanges(older, newer)
        .breaking.map((c) => c.coordinate)
        .sort(),
    ).toEqual(["@audited(reason:)", "A", "Found"]);
  });

  it("reports dangerous changes as warnings only: nothing breaking, nothing to announce", () => {
    const changes = changesTo(`
      type Query { item(id: ID!, lang: String = "en"): Item items(first: Int, after: String): [Item!]! }
      type Item { id: ID! code: String status: Status! }
      enum Status { OPEN CLOSED ARCHIVED }
      input ItemFilter { status: Status }
      union Found = Item
    `);
    expect(changes.breaking).toEqual([]);
    expect(changes.dangerous.map((c) => c.coordinate).sort()).toEqual([
      "Query.item(lang:)",
      "Query.items(after:)",
      "Status.ARCHIVED",
    ]);
  });
});
