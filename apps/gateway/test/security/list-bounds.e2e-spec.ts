import { ArrayMaxSize } from "class-validator";
import { getMetadataStorage as validationMetadata } from "class-validator";
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from "graphql";
import { Arg, Field, InputType, Int, ObjectType, Query, Resolver, Authorized, getMetadataStorage } from "type-graphql";
import { MAX_PAGE_SIZE, buildModuleSchema, defineModule, listBoundOf } from "@arbetsliv/core";
import { modules } from "../../src/modules";
import { GatewayProcess } from "../process-gateway";
import { rawRequest } from "./helpers";

/**
 * Generated from the composed schema: every list field of every object type is bounded — paged
 * (a `first` argument: the gateway refuses more than MAX_PAGE_SIZE) or with a declared
 * `@MaxItems(n)` — or it is a connection's `nodes`, paged by the `first` of every field that
 * returns the connection. Every list in an input is bounded by class-validator's ArrayMaxSize.
 * A new unbounded list fails here (see the throwaway resolver), and the cost model
 * (src/security.ts) counts each list by exactly these bounds.
 */

function isList(type: GraphQLField<unknown, unknown>["type"] | GraphQLInputField["type"]): boolean {
  return isListType(getNullableType(type));
}

function pageArgOk(arg: GraphQLArgument | undefined): boolean {
  if (!arg || getNamedType(arg.type).name !== "Int") return false;
  return (
    arg.defaultValue === undefined ||
    (typeof arg.defaultValue === "number" && arg.defaultValue >= 1 && arg.defaultValue <= MAX_PAGE_SIZE)
  );
}

/** Every list field of an object type with neither a page argument nor a declared maximum. */
function unboundedOutputLists(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const pagedTypes = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (listBoundOf(field).pagedByParent) pagedTypes.add(type.name);
      if (!isList(field.type)) continue;
      const bound = listBoundOf(field);
      const first = field.args.find((a) => a.name === "first");
      if (bound.pagedByParent) continue;
      if (first) {
        if (!pageArgOk(first))
          problems.push(`${type.name}.${field.name}: its 'first' must be an Int with a default of 1–${MAX_PAGE_SIZE}`);
      } else if (bound.maxItems === undefined) {
        problems.push(
          `${type.name}.${field.name}: an unbounded list — give it a 'first' argument (core FirstArgs) or a declared @MaxItems(n)`,
        );
      }
    }
  }
  // A connection (a type whose `nodes` are paged by their parent) must only be reached through a paged field.
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (pagedTypes.has(getNamedType(field.type).name) && !pageArgOk(field.args.find((a) => a.name === "first"))) {
        problems.push(
          `${type.name}.${field.name}: returns ${getNamedType(field.type).name} without a 'first' argument`,
        );
      }
    }
  }
  return problems;
}

/** Every list in an input type (and every list argument) without a class-validator ArrayMaxSize. */
function unboundedInputLists(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const inputClasses = new Map(getMetadataStorage().inputTypes.map((c) => [c.name, c.target]));
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) {
      const target = inputClasses.get(type.name);
      const constraints = target ? validationMetadata().getTargetValidationMetadatas(target, "", true, false) : [];
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type)) continue;
        const max = constraints.find((m) => m.propertyName === field.name && m.name === "arrayMaxSize");
        if (!max) problems.push(`${type.name}.${field.name}: an input list without @ArrayMaxSize`);
      }
    }
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args)
          if (isList(arg.type))
            problems.push(
              `${type.name}.${field.name}(${arg.name}): a list argument — use an input type with @ArrayMaxSize`,
            );
      }
    }
  }
  return problems;
}

describe("every list in the composed schema is bounded", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
  });

  it("every list field of every object type is paged (first ≤ 100) or declares its maximum", () => {
    const lists = Object.values(schema.getTypeMap()).flatMap((t) =>
      isObjectType(t) && !t.name.startsWith("__") ? Object.values(t.getFields()).filter((f) => isList(f.type)) : [],
    );
    const paged = lists.filter((f) => f.args.some((a) => a.name === "first")).length;
    const declared = lists.filter((f) => listBoundOf(f).maxItems !== undefined).length;
    const byParent = lists.filter((f) => listBoundOf(f).pagedByParent).length;
    console.warn(
      `[figures] list fields: ${lists.length} (paged ${paged}, declared maximum ${declared}, connection nodes ${byParent})`,
    );
    expect(lists.length).toBeGreaterThan(80);
    expect(unboundedOutputLists(schema)).toEqual([]);
  });

  it("every list in an input is bounded by @ArrayMaxSize", () => {
    expect(unboundedInputLists(schema)).toEqual([]);
  });

  it("fails a schema with a new unbounded list, output or input", async () => {
    @ObjectType("ListBoundsProbeItem")
    class ProbeItem {
      @Field(() => Int) n!: number;
      @Field(() => [ProbeItem]) children!: ProbeItem[];
    }
    @InputType("ListBoundsProbeInput")
    class ProbeInput {
      @Field(() => [String]) names!: string[];
      @Field(() => [String]) @ArrayMaxSize(3) bounded!: string[];
    }
    @Resolver()
    class ProbeResolver {
      @Authorized("probe:read")
      @Query(() => [ProbeItem])
      listBoundsProbe(@Arg("input", () => ProbeInput) input: ProbeInput): ProbeItem[] {
        return input.names.map((_, n) => ({ n, children: [] }));
      }
    }
    const probe = await buildModuleSchema([
      ...modules,
      defineModule({
        name: "probe",
        description: "",
        entities: [],
        resolvers: [ProbeResolver],
        migrations: [],
        scopes: [],
      }),
    ]);
    expect(
      unboundedOutputLists(probe)
        .filter((p) => p.toLowerCase().includes("listboundsprobe"))
        .sort(),
    ).toEqual([
      expect.stringMatching(/^ListBoundsProbeItem\.children: an unbounded list/),
      expect.stringMatching(/^Query\.listBoundsProbe: an unbounded list/),
    ]);
    expect(unboundedInputLists(probe).filter((p) => p.toLowerCase().includes("listboundsprobe"))).toEqual([
      expect.stringMatching(/^ListBoundsProbeInput\.names: an input list without @ArrayMaxSize/),
    ]);
  });
});

describe("the bounds hold at runtime (built gateway, production mode)", () => {
  let gw: GatewayProcess;
  let token: string;
  jest.setTimeout(180_000);
  beforeAll(async () => {
    gw = await GatewayProcess.start();
    token = await gw.token(["iop:read"], "list-bounds");
  });
  afterAll(async () => {
    await gw?.stop();
  });

  const post = (query: string, variables: Record<string, unknown> = {}) =>
    rawRequest(gw.url, { body: JSON.stringify({ query, variables }), headers: { authorization: `Bearer ${token}` } });

  it("refuses a nested page larger than 100 (literal or variable) with BAD_USER_INPUT naming `first`, and runs no SQL for it", async () => {
    const literal = await post(`{ iopPartners(first: 1) { nodes { agreements(first: 101) { id } } } }`);
    expect(literal.codes).toContain("BAD_USER_INPUT");
    expect(literal.json?.errors?.[0].extensions?.field).toBe("first");
    const variable = await post(
      `query Q($n: Int!) { iopPartners(first: 1) { nodes { agreements(first: $n) { id } } } }`,
      { n: 100_000 },
    );
    expect(variable.codes).toContain("BAD_USER_INPUT");
    expect(variable.json?.errors?.[0].extensions?.field).toBe("first");
    const zero = await post(`{ iopPartners(first: 1) { nodes { agreements(first: 0) { id } } } }`);
    expect(zero.codes).toContain("BAD_USER_INPUT");
  });

  it("answers at most `first` items of a nested page, the first in the field's order", async () => {
    const all = await post(`{ iopPartners(first: 100) { nodes { id agreements(first: 100) { id } } } }`);
    expect(all.codes).toEqual([]);
    const nodes = (all.json!.data!.iopPartners as { nodes: { id: string; agreements: { id: string }[] }[] }).nodes;
    const busiest = nodes.reduce((a, b) => (b.agreements.length > a.agreements.length ? b : a));
    expect(busiest.agreements.length).toBeGreaterThan(1);
    const one = await post(`{ iopPartners(first: 100) { nodes { id agreements(first: 1) { id } } } }`);
    const again = (one.json!.data!.iopPartners as { nodes: { id: string; agreements: { id: string }[] }[] }).nodes;
    for (const n of again) {
      const whole = nodes.find((x) => x.id === n.id)!;
      expect(n.agreements).toEqual(whole.agreements.slice(0, 1));
    }
  });
});
