import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { operationScopes, type DomainModule } from "@arbetsliv/core";
import { DUMMY_SCALARS, personnummer } from "./helpers";

/**
 * Inputs for the property fuzzer (bad-input.e2e-spec.ts): one call per query and mutation with
 * EVERY argument and every nested input field filled (optional ones too), the paths of all its
 * leaves, lists and input objects, and a catalogue of edge values per input kind.
 */

export type Path = (string | number)[];

export interface FuzzLeaf {
  path: Path;
  type: GraphQLInputType;
  /** The named scalar or enum, or "list" / "object" for a whole list or input object. */
  kind: string;
}

export interface FuzzCall {
  op: string;
  type: "Query" | "Mutation";
  field: GraphQLField<unknown, unknown>;
  variables: Record<string, unknown>;
  leaves: FuzzLeaf[];
}

/** A valid-looking value with every field of input objects filled (optional ones too) and one item per list. */
export function fullValue(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [fullValue(t.ofType as GraphQLInputType)];
  if (isEnumType(t)) return t.getValues()[0].name;
  if (isInputObjectType(t))
    return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, fullValue(f.type)]));
  return t.name in DUMMY_SCALARS ? DUMMY_SCALARS[t.name] : "Test";
}

function leavesOf(type: GraphQLInputType, path: Path, out: FuzzLeaf[]): void {
  const t = getNullableType(type);
  if (isListType(t)) {
    out.push({ path, type, kind: "list" });
    leavesOf(t.ofType as GraphQLInputType, [...path, 0], out);
  } else if (isInputObjectType(t)) {
    out.push({ path, type, kind: "object" });
    for (const f of Object.values(t.getFields())) leavesOf(f.type, [...path, f.name], out);
  } else if (isEnumType(t)) {
    out.push({ path, type, kind: "enum" });
  } else {
    out.push({ path, type, kind: t.name });
  }
}

/** Scalar fields of the result up to two levels (fields with required arguments left out), so serialisers run too. */
function selection(field: GraphQLField<unknown, unknown>, depth = 2): string {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return "";
  const parts = ["__typename"];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(f.type))) parts.push(f.name);
    else if (depth > 1 && isObjectType(getNamedType(f.type))) parts.push(`${f.name}${selection(f, depth - 1)}`);
  }
  return ` { ${parts.join(" ")} }`;
}

export function fuzzCalls(schema: GraphQLSchema, modules: readonly DomainModule[]): FuzzCall[] {
  return operationScopes(modules.flatMap((m) => m.resolvers)).map((op) => {
    const root = op.type === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
    const field = root.getFields()[op.field];
    const variables: Record<string, unknown> = {};
    const leaves: FuzzLeaf[] = [];
    for (const a of field.args) {
      variables[a.name] = fullValue(a.type);
      leavesOf(a.type, [a.name], leaves);
    }
    return { op: `${op.type}.${op.field}`, type: op.type, field, variables, leaves };
  });
}

/** The operation text with every argument passed as a variable of its declared type. */
export function variablesQuery(call: FuzzCall): string {
  const args = call.field.args;
  const defs = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ")})` : "";
  const list = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
  return `${call.type === "Query" ? "query" : "mutation"} Fuzz${defs} { ${call.field.name}${list}${selection(call.field)} }`;
}

/** A GraphQL literal for a JSON value at a type (enum names bare, everything else as JSON would spell it). */
const LEAF_MARK = Symbol("leaf");

export function literal(value: unknown, type: GraphQLInputType | null): string {
  const t = type ? getNullableType(type) : null;
  if (value === LEAF_MARK) return "$leaf";
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, t && isListType(t) ? (t.ofType as GraphQLInputType) : null)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = t && isInputObjectType(t) ? t.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : "_bad"}: ${literal(v, fields[k]?.type ?? null)}`)
      .join(", ")} }`;
  }
  if (typeof value === "string" && t && isEnumType(t) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isFinite(value) ? String(value) : "null";
  return JSON.stringify(value);
}

export function setAt(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root); // the leaf mark (a symbol) is set after cloning
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** The operation with its arguments written inline, and the value at `path` either inline too or as the nested variable `$leaf`. */
export function inlineQuery(
  call: FuzzCall,
  variables: Record<string, unknown>,
  path: Path,
  leafType: GraphQLInputType,
  asVariable: boolean,
): { query: string; variables: Record<string, unknown> } {
  const withMark = asVariable ? setAt(variables, path, LEAF_MARK) : variables;
  const args = call.field.args.map((a) => `${a.name}: ${literal(withMark[a.name], a.type)}`).join(", ");
  const defs = asVariable ? `($leaf: ${String(leafType)})` : "";
  const text = `${call.type === "Query" ? "query" : "mutation"} FuzzInline${defs} { ${call.field.name}${args ? `(${args})` : ""}${selection(call.field)} }`;
  return { query: text, variables: asVariable ? { leaf: getAt(variables, path) } : {} };
}

export function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | null)?.[k], root);
}

const LONE_HIGH = "\ud800";
const LONE_LOW = "\udc00";

/** Strings that break naive code: broken UTF-16, control and non-characters, bidi overrides, combining marks, astral characters, length limits. */
export const UNICODE_EDGES: string[] = [
  LONE_HIGH,
  LONE_LOW,
  `a${LONE_HIGH}b`,
  `x${LONE_LOW}${LONE_HIGH}y`,
  "😀".slice(0, 1), // half an emoji
  "\u0000",
  "a\u0000b",
  "\ufffe",
  "\uffff",
  "\u202eevil\u202c",
  "\u2066\u2067\u2069",
  "e\u0301\u0302\u0303\u0304\u0305".repeat(50),
  "😀👩‍👩‍👧‍👦🇸🇪",
  "ÅÄÖ åäö",
  "",
  " ",
  "\t\n\r",
  "null",
  "' OR '1'='1",
];

const lengths = (n: number) => ["x".repeat(n), "😀".repeat(Math.ceil(n / 2))];
export const LONG_STRINGS: string[] = [
  ...lengths(120),
  ...lengths(121),
  ...lengths(200),
  ...lengths(201),
  ...lengths(4000),
  ...lengths(4001),
  "x".repeat(8001),
  "x".repeat(10_000),
  "x".repeat(30_000),
];

export const EXTREME_NUMBERS: unknown[] = [
  0,
  -1,
  1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 53 + 2,
  1e308,
  -1e308,
  -0,
  0.5,
  1.5,
  "NaN",
  "Infinity",
  "-Infinity",
  "1",
  "1e3",
];

const WRONG_TYPES: unknown[] = [null, true, 1, "1", {}, [], [1], { a: 1 }];

/** Edge values for one input kind. */
export function edgeValues(kind: string): unknown[] {
  switch (kind) {
    case "String":
      return [...UNICODE_EDGES, ...LONG_STRINGS, "2021-13", ...WRONG_TYPES];
    case "Int":
    case "Float":
      return [...EXTREME_NUMBERS, ...WRONG_TYPES];
    case "ID":
      return [
        "0",
        "-1",
        "1.5",
        "abc",
        "NaN",
        "Infinity",
        "1e3",
        "0x10",
        " 1",
        "2147483647",
        "2147483648",
        "9007199254740993",
        "99999999999999999999",
        2 ** 53,
        1.5,
        -1,
        LONE_HIGH,
        "1\u0000",
        ...WRONG_TYPES,
      ];
    case "Money":
      return [
        "0",
        "-0.01",
        "0.01",
        "-1",
        "1",
        "4620",
        "999999.99",
        "1000000",
        "9999999999999.99",
        "-9999999999999.99",
        "99999999999999",
        2 ** 31,
        2 ** 53,
        1.5,
        "1e5",
        "NaN",
        "Infinity",
        "1 000",
        "1,5",
        LONE_HIGH,
        ...WRONG_TYPES,
      ];
    case "Date":
      return [
        "1850-01-01",
        "1849-12-31",
        "2199-12-31",
        "2200-01-01",
        "1000-01-01",
        "9999-12-31",
        "2024-02-29",
        "2023-02-29",
        "0000-00-00",
        "2021-6-1",
        20210101,
        LONE_HIGH,
        ...WRONG_TYPES,
      ];
    case "Personnummer":
    case "Organisationsnummer":
      return [
        personnummer("19000101", "001"),
        personnummer("20241231", "998"),
        personnummer("19121272", "123"), // samordningsnummer
        "191212121212",
        "121212-1212",
        "121212+1212",
        "19121212-1213",
        "802000-0000",
        "0000000000",
        LONE_HIGH,
        "1".repeat(400),
        ...WRONG_TYPES,
      ];
    case "Boolean":
      return ["true", 0, 1, "", ...WRONG_TYPES];
    case "enum":
      return ["", "x", "praise", "__typename", LONE_HIGH, 0, ...WRONG_TYPES];
    case "list":
      return [[], null, "x", [null], Array.from({ length: 200 }, () => null), {}];
    case "object":
      return [null, {}, [], "x", 1, { unknownField: 1 }];
    default:
      return [...UNICODE_EDGES.slice(0, 6), ...EXTREME_NUMBERS.slice(0, 6), ...WRONG_TYPES];
  }
}

/** Values every leaf of a kind gets, whatever the budget: the ones that broke the gateway before. */
const ALWAYS: Record<string, unknown[]> = {
  String: ["\ud800", "x".repeat(4001)],
  Int: [2 ** 31, 1e308],
  Float: [2 ** 53, 1e308],
  ID: ["abc", "2147483648"],
  Money: ["9999999999999.99", "-9999999999999.99"],
  Date: ["2200-01-01"],
  list: [Array.from({ length: 200 }, () => null)],
};

/**
 * The edge values sent to one leaf: its kind's must-haves plus `budget` more, rotating through the
 * kind's catalogue by leaf number so that across all leaves every value is sent many times.
 * `budget` = Infinity sends the whole catalogue to every leaf (FUZZ_EDGE_VALUES=all).
 */
export function edgeValuesFor(kind: string, leafNumber: number, budget: number): unknown[] {
  const all = edgeValues(kind);
  const always = ALWAYS[kind] ?? [];
  if (budget >= all.length) return [...always, ...all.filter((v) => !always.includes(v))];
  const rest = all.filter((v) => !always.includes(v));
  const picked = Array.from(
    { length: Math.min(budget, rest.length) },
    (_, i) => rest[(leafNumber * budget + i) % rest.length],
  );
  return [...always, ...picked];
}

/** The subset sent again as a nested variable and as an inline literal (the forms a client can choose). */
export function nestedFormValues(kind: string): unknown[] {
  switch (kind) {
    case "String":
      return [LONE_HIGH, LONE_LOW, "\u0000", "\u202eevil", "😀", "x".repeat(4001)];
    case "Int":
    case "Float":
      return [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, -0, 1.5];
    case "ID":
      return ["abc", "1.5", "2147483648", LONE_HIGH];
    case "Money":
      return ["9999999999999.99", "-9999999999999.99", "0.001"];
    default:
      return [];
  }
}

export const isScalarKind = (schema: GraphQLSchema, kind: string) => isScalarType(schema.getType(kind));
