import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { buildModuleSchema } from "@arbetsliv/core";
import { formatPersonnummer } from "@arbetsliv/core/values";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { QUERY_LIMITS, estimateOperations } from "../../src/security";
import { GatewayProcess } from "../process-gateway";
import { allScopes, dummyValue, postGraphql } from "./helpers";
import { ProcessDatabase } from "./process-database";

/**
 * Object-level checks and protected identities, over HTTP on the composed gateway with every
 * module's demo data: ids from data the caller may not see give NOT_FOUND (the same answer as an
 * id that does not exist), protected people never appear through lists, filters, nested fields or
 * error messages, addresses never leave the server, and aggregate-only callers get no person data.
 * The gateway is the built one, a child process in production mode; what must never leak is read
 * from its database (MariaDB: a second connection; sql.js: a copy of its file, taken once the demo
 * data is in — nothing here changes those rows), and the calls are generated here from the schema
 * the modules compose.
 */

// Hundreds of calls over HTTP; MariaDB is slower than sql.js.
jest.setTimeout(300_000);

const PROTECTED_SCOPES = ["relationsvald:protected", "ekonomiskt-bistand:protected"];
/** Arguments that make the generated calls cover the demo's years rather than a single day. */
const PERIOD_ARGS: Record<string, unknown> = {
  from: "2019-01-01",
  to: "2022-12-31",
  fromYear: 2019,
  toYear: 2022,
  year: 2021,
  on: "2021-06-30",
  asOf: "2021-06-30",
  month: "2021-12",
};

/** Every field reachable from a type, as a selection set (depth-limited, no type twice on a path, no field with required arguments). */
function deepSelection(type: GraphQLObjectType, depth: number, path: Set<string> = new Set()): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (
      (isObjectType(named) || isInterfaceType(named)) &&
      depth > 0 &&
      !path.has(named.name) &&
      isObjectType(named)
    ) {
      const inner = deepSelection(named, depth - 1, new Set([...path, named.name]));
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(" ");
}

interface SweepCall {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Each query with every field it can reach (as deep as the cost and depth limits allow), on its largest page. */
function sweepCalls(schema: GraphQLSchema): SweepCall[] {
  const calls: SweepCall[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const variables: Record<string, unknown> = {};
    for (const a of required) variables[a.name] = dummyValue(a.type, [a.name], PERIOD_ARGS);
    const takesFirst = field.args.some((a) => a.name === "first");
    const defs = required.map((a) => `$${a.name}: ${String(a.type)}`);
    const args = [...required.map((a) => `${a.name}: $${a.name}`), ...(takesFirst ? ["first: 100"] : [])];
    const named = getNamedType(field.type);
    for (let depth = 5; depth >= 0; depth--) {
      const selection = isObjectType(named) ? ` { ${deepSelection(named, depth, new Set([named.name]))} }` : "";
      const query = `query Sweep_${field.name}${defs.length ? `(${defs.join(", ")})` : ""} { ${field.name}${args.length ? `(${args.join(", ")})` : ""}${selection} }`;
      const [op] = estimateOperations(schema, parse(query));
      if ((op.cost <= QUERY_LIMITS.maxCost && op.depth <= QUERY_LIMITS.maxDepth) || depth === 0) {
        calls.push({ field: field.name, query, variables });
        break;
      }
    }
  }
  return calls;
}

const identityForms = (digits12: string) => [digits12, formatPersonnummer(digits12), digits12.slice(2)];

describe(`object-level checks and protected identities over HTTP against the built gateway (production mode) on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let db: ProcessDatabase;
  let schema: GraphQLSchema;
  const secrets = {
    allIdentityNumbers: [] as string[],
    personNames: [] as string[],
    addresses: [] as string[],
    protectedNumbers: [] as string[],
    protectedNames: [] as string[],
  };
  const figures = { sweeps: 0, objectChecks: 0 };

  const q = (sql: string) => db.query(sql);
  const strings = (rows: Record<string, unknown>[], key: string) =>
    rows.map((r) => r[key]).filter((v): v is string => typeof v === "string" && v.length > 0);

  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
    gw = await GatewayProcess.start();
    db = await ProcessDatabase.open(gw, modules);
    // What must never leak, read straight from the tables.
    const numbers = [
      ...strings(await q(`SELECT personnummer FROM rv_client`), "personnummer"),
      ...strings(await q(`SELECT personnummer FROM rv_child`), "personnummer"),
      ...strings(await q(`SELECT personnummer FROM eb_household_member`), "personnummer"),
      ...strings(await q(`SELECT personnummer FROM eb_wage_subsidy_employment`), "personnummer"),
      ...strings(await q(`SELECT personnummer FROM donation_application`), "personnummer"),
    ];
    secrets.allIdentityNumbers = [...new Set(numbers)];
    secrets.personNames = [
      ...new Set([
        ...strings(await q(`SELECT name FROM rv_client`), "name"),
        ...strings(await q(`SELECT name FROM rv_child`), "name"),
        ...strings(await q(`SELECT name FROM eb_household_member`), "name"),
        ...strings(await q(`SELECT submitterName FROM feedback_item`), "submitterName"),
      ]),
    ];
    secrets.addresses = [
      ...new Set([
        ...strings(await q(`SELECT address FROM rv_client`), "address"),
        ...strings(await q(`SELECT address FROM rv_placement`), "address"),
        ...strings(await q(`SELECT location FROM rv_provider`), "location"),
      ]),
    ];
    // A protected household's street, unless an unprotected household has the same one (a namesake, not a leak).
    const openStreets = new Set(
      strings(await q(`SELECT street FROM eb_household WHERE protectedIdentity = 0`), "street"),
    );
    secrets.addresses.push(
      ...new Set(
        strings(await q(`SELECT street FROM eb_household WHERE protectedIdentity = 1`), "street").filter(
          (s) => !openStreets.has(s),
        ),
      ),
    );
    const protectedPeople = [
      ...(await q(`SELECT personnummer, name FROM rv_client WHERE protectedIdentity = 1`)),
      ...(await q(`SELECT personnummer, name FROM rv_child WHERE protectedIdentity = 1`)),
      ...(await q(
        `SELECT m.personnummer, m.name FROM eb_household_member m JOIN eb_household h ON h.id = m.householdId WHERE h.protectedIdentity = 1`,
      )),
    ];
    secrets.protectedNumbers = strings(protectedPeople, "personnummer");
    const openNames = new Set([
      ...strings(await q(`SELECT name FROM rv_client WHERE protectedIdentity = 0`), "name"),
      ...strings(await q(`SELECT name FROM rv_child WHERE protectedIdentity = 0`), "name"),
      ...strings(
        await q(
          `SELECT m.name FROM eb_household_member m JOIN eb_household h ON h.id = m.householdId WHERE h.protectedIdentity = 0`,
        ),
        "name",
      ),
      ...strings(await q(`SELECT name FROM eb_wage_subsidy_employment`), "name"),
      ...strings(await q(`SELECT submitterName FROM feedback_item`), "submitterName"),
    ]);
    // Only names no visible person shares, so a hit is a leak and not a namesake.
    secrets.protectedNames = [...new Set(strings(protectedPeople, "name"))].filter((n) => !openNames.has(n));
    expect(secrets.protectedNumbers.length).toBeGreaterThan(10);
    expect(secrets.addresses.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await db?.close();
    await gw?.stop();
    console.warn(
      `[figures] object level: ${figures.sweeps} deep-selection sweeps, ${figures.objectChecks} object-level checks; secrets watched: ${secrets.allIdentityNumbers.length} identity numbers, ${secrets.addresses.length} addresses, ${secrets.protectedNumbers.length} protected people`,
    );
  });

  function leaks(text: string, numbers: string[], names: string[], addresses: string[]): string[] {
    const found: string[] = [];
    for (const n of numbers)
      for (const form of identityForms(n)) if (text.includes(form)) found.push(`identity number ${n.slice(0, 8)}-****`);
    for (const name of names) if (text.includes(JSON.stringify(name))) found.push(`name ${name}`);
    for (const a of addresses) if (text.includes(a)) found.push(`address ${a}`);
    return [...new Set(found)];
  }

  it("an aggregate-only caller (stats, admin, audit) gets no identity number, person name or address from any query, however deep", async () => {
    const aggregate = modules
      .flatMap((m) => m.scopes)
      .filter((s) => !s.personLevel && !/:(write|submit)$/.test(s.name))
      .map((s) => s.name);
    expect(aggregate).toEqual(
      expect.arrayContaining([
        "audit:read",
        "admin",
        "ekonomiskt-bistand:stats",
        "relationsvald:stats",
        "donationsfonder:admin",
      ]),
    );
    const token = await gw.token(aggregate, "board-member");
    const found: string[] = [];
    let answered = 0;
    for (const call of sweepCalls(schema)) {
      const r = await postGraphql(gw, { query: call.query, variables: call.variables }, token);
      figures.sweeps++;
      if (r.json?.data?.[call.field] != null) answered++;
      for (const leak of leaks(r.text, secrets.allIdentityNumbers, secrets.personNames, secrets.addresses))
        found.push(`${call.field}: ${leak}`);
    }
    expect(answered).toBeGreaterThan(15); // the sweep reached real data
    expect(found).toEqual([]);
  });

  it("a caseworker with every scope except the protected ones never sees a protected person, nor any address, through any query or nested field", async () => {
    const token = await gw.token(
      allScopes(modules).filter((s) => !PROTECTED_SCOPES.includes(s)),
      "caseworker-unprotected",
    );
    const found: string[] = [];
    let answered = 0;
    for (const call of sweepCalls(schema)) {
      const r = await postGraphql(gw, { query: call.query, variables: call.variables }, token);
      figures.sweeps++;
      if (r.json?.data?.[call.field] != null) answered++;
      for (const leak of leaks(r.text, secrets.protectedNumbers, secrets.protectedNames, secrets.addresses))
        found.push(`${call.field}: ${leak}`);
    }
    expect(answered).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });

  it("even with the protected scopes, no relationsvåld address or location is ever returned, and a protected household's address is always null", async () => {
    const token = await gw.token(allScopes(modules), "caseworker-protected");
    const found: string[] = [];
    let protectedSeen = 0;
    let protectedPeopleShown = 0;
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, at));
      else if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if (o.protectedIdentity === true) {
          protectedSeen++;
          if ("address" in o && o.address !== null) found.push(`${at}: address of a protected record`);
        }
        for (const v of Object.values(o)) walk(v, at);
      }
    };
    for (const call of sweepCalls(schema)) {
      const r = await postGraphql(gw, { query: call.query, variables: call.variables }, token);
      figures.sweeps++;
      for (const leak of leaks(r.text, [], [], secrets.addresses)) found.push(`${call.field}: ${leak}`);
      walk(r.json?.data, call.field);
      protectedPeopleShown += leaks(r.text, secrets.protectedNumbers, [], []).length;
    }
    expect(protectedSeen).toBeGreaterThan(0);
    // The same sweep does show protected people to a caller allowed to see them: the test above can fail.
    expect(protectedPeopleShown).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  describe("relationsvald", () => {
    const READ = ["relationsvald:read"];
    const PROTECTED = ["relationsvald:read", "relationsvald:protected"];
    let protectedClient: { id: number; personnummer: string; name: string };
    let protectedPlacementId: number;

    beforeAll(async () => {
      const [client] = await q(
        `SELECT id, personnummer, name FROM rv_client WHERE protectedIdentity = 1 ORDER BY id LIMIT 1`,
      );
      protectedClient = { id: Number(client.id), personnummer: String(client.personnummer), name: String(client.name) };
      const [placement] = await q(
        `SELECT id FROM rv_placement WHERE clientId = ${protectedClient.id} ORDER BY id LIMIT 1`,
      );
      protectedPlacementId = Number(placement.id);
    });

    async function byId(query: string, id: number | string, scopes: string[]) {
      figures.objectChecks++;
      return postGraphql(gw, { query, variables: { id: String(id) } }, await gw.token(scopes, "rv-caseworker"));
    }

    it("answers a protected client's or placement's id exactly like an id that does not exist", async () => {
      for (const [query, id] of [
        [`query($id: ID!) { placementClient(id: $id) { id name } }`, protectedClient.id],
        [`query($id: ID!) { placement(id: $id) { id client { name } } }`, protectedPlacementId],
      ] as const) {
        const hidden = await byId(query, id, READ);
        const missing = await byId(query, 987654, READ);
        expect(hidden.codes).toEqual(["NOT_FOUND"]);
        expect(hidden.json?.errors?.[0].message.replace(String(id), "<id>")).toBe(
          missing.json?.errors?.[0].message.replace("987654", "<id>"),
        );
        expect(leaks(hidden.text, [protectedClient.personnummer], [protectedClient.name], [])).toEqual([]);
        // With the protected scope the same id is there: the refusal above is the object-level rule.
        const shown = await byId(query, id, PROTECTED);
        expect(shown.codes).toEqual([]);
      }
    });

    it("does not find a protected client by personnummer, nor count it", async () => {
      const token = await gw.token(READ, "rv-caseworker");
      const search = `query($p: Personnummer!) { placementClients(filter: { personnummer: $p }) { totalCount nodes { id } } }`;
      const r = await postGraphql(gw, { query: search, variables: { p: protectedClient.personnummer } }, token);
      figures.objectChecks++;
      expect(r.json?.data?.placementClients).toEqual({ totalCount: 0, nodes: [] });
      const all = await postGraphql(gw, { query: `{ placementClients(first: 100) { totalCount } }` }, token);
      const allProtected = await postGraphql(
        gw,
        { query: `{ placementClients(first: 100) { totalCount } }` },
        await gw.token(PROTECTED, "rv-protected"),
      );
      const [{ n }] = await q(`SELECT COUNT(*) AS n FROM rv_client WHERE protectedIdentity = 1`);
      expect(
        (allProtected.json?.data?.placementClients as { totalCount: number }).totalCount -
          (all.json?.data?.placementClients as { totalCount: number }).totalCount,
      ).toBe(Number(n));
    });

    it("refuses a protected client's id in a mutation like an unknown id, without naming the person", async () => {
      const token = await gw.token(["relationsvald:write", "relationsvald:read"], "rv-writer");
      const mutation = `mutation($input: CreatePlacementInput!) { createPlacement(input: $input) { id } }`;
      const [provider] = await q(`SELECT id FROM rv_provider ORDER BY id LIMIT 1`);
      const input = (clientId: string) => ({
        clientId,
        providerId: String(provider.id),
        type: "EMERGENCY_HOUSING",
        startDate: "2021-03-01",
        acute: true,
      });
      const hidden = await postGraphql(
        gw,
        { query: mutation, variables: { input: input(String(protectedClient.id)) } },
        token,
      );
      const missing = await postGraphql(gw, { query: mutation, variables: { input: input("987654") } }, token);
      figures.objectChecks++;
      expect(hidden.codes).toEqual(missing.codes);
      expect(hidden.json?.errors?.[0].message.replace(String(protectedClient.id), "<id>")).toBe(
        missing.json?.errors?.[0].message.replace("987654", "<id>"),
      );
      expect(leaks(hidden.text, [protectedClient.personnummer], [protectedClient.name], [])).toEqual([]);
    });

    it("has no address or location field on any type, for any scope", () => {
      const types = Object.values(schema.getTypeMap()).filter(
        (t) => isObjectType(t) && !t.name.startsWith("__"),
      ) as GraphQLObjectType[];
      const offending = types
        .filter((t) => /^(Placement|AccompanyingChild|ProviderDailyFee|ServiceFee)/.test(t.name))
        .flatMap((t) =>
          Object.keys(t.getFields())
            .filter((f) => /address|location|street|postal|city/i.test(f))
            .map((f) => `${t.name}.${f}`),
        );
      expect(offending).toEqual([]);
    });
  });

  describe("ekonomiskt bistånd", () => {
    const READ = ["ekonomiskt-bistand:read"];
    const PROTECTED = ["ekonomiskt-bistand:read", "ekonomiskt-bistand:protected"];
    let household: { id: number; personnummer: string; name: string; street: string };
    let applicationId: number | null;

    beforeAll(async () => {
      const [row] = await q(
        `SELECT h.id, h.street, m.personnummer, m.name FROM eb_household h JOIN eb_household_member m ON m.householdId = h.id WHERE h.protectedIdentity = 1 AND m.personnummer IS NOT NULL AND h.street IS NOT NULL ORDER BY h.id LIMIT 1`,
      );
      household = {
        id: Number(row.id),
        personnummer: String(row.personnummer),
        name: String(row.name),
        street: String(row.street),
      };
      const [app] = await q(`SELECT id FROM eb_application WHERE householdId = ${household.id} ORDER BY id LIMIT 1`);
      applicationId = app ? Number(app.id) : null;
    });

    it("answers a protected household's id exactly like an id that does not exist; with the protected scope it is there, without an address", async () => {
      const query = `query($id: ID!) { assistanceHousehold(id: $id) { id protectedIdentity address { street } members { personnummer name } } }`;
      const token = await gw.token(READ, "eb-caseworker");
      const hidden = await postGraphql(gw, { query, variables: { id: String(household.id) } }, token);
      const missing = await postGraphql(gw, { query, variables: { id: "987654" } }, token);
      figures.objectChecks += 2;
      expect(hidden.codes).toEqual(["NOT_FOUND"]);
      expect(hidden.json?.errors?.[0].message.replace(String(household.id), "<id>")).toBe(
        missing.json?.errors?.[0].message.replace("987654", "<id>"),
      );
      expect(leaks(hidden.text, [household.personnummer], [household.name], [household.street])).toEqual([]);
      const shown = await postGraphql(
        gw,
        { query, variables: { id: String(household.id) } },
        await gw.token(PROTECTED, "eb-protected"),
      );
      expect(shown.codes).toEqual([]);
      expect(shown.json?.data?.assistanceHousehold).toMatchObject({ protectedIdentity: true, address: null });
      expect(shown.text).not.toContain(household.street);
    });

    it("does not find a protected household by a member's personnummer, and hides its applications by id", async () => {
      const token = await gw.token(READ, "eb-caseworker");
      const r = await postGraphql(
        gw,
        {
          query: `query($p: Personnummer!) { assistanceHouseholds(filter: { personnummer: $p }) { totalCount } }`,
          variables: { p: household.personnummer },
        },
        token,
      );
      figures.objectChecks++;
      expect(r.json?.data?.assistanceHouseholds).toEqual({ totalCount: 0 });
      if (applicationId !== null) {
        const app = await postGraphql(
          gw,
          {
            query: `query($id: ID!) { assistanceApplication(id: $id) { id } }`,
            variables: { id: String(applicationId) },
          },
          token,
        );
        figures.objectChecks++;
        expect(app.codes).toEqual(["NOT_FOUND"]);
        expect(leaks(app.text, [household.personnummer], [household.name], [household.street])).toEqual([]);
      }
    });
  });

  describe("ids from another domain's data", () => {
    it("gives NOT_FOUND (never another record) when an id of one domain is used in another", async () => {
      const token = await gw.token(
        allScopes(modules).filter((s) => !PROTECTED_SCOPES.includes(s)),
        "cross-id",
      );
      const [feedback] = await q(`SELECT MAX(id) AS id FROM feedback_item`);
      const beyond = String(Number(feedback.id) + 100_000);
      for (const query of [
        `query($id: ID!) { feedbackItem(id: $id) { id } }`,
        `query($id: ID!) { donationApplication(id: $id) { id } }`,
        `query($id: ID!) { assistanceHousehold(id: $id) { id } }`,
        `query($id: ID!) { placement(id: $id) { id } }`,
        `query($id: ID!) { iopAgreement(id: $id) { id } }`,
      ]) {
        const r = await postGraphql(gw, { query, variables: { id: beyond } }, token);
        figures.objectChecks++;
        expect({ query, codes: r.codes }).toEqual({ query, codes: ["NOT_FOUND"] });
      }
    });
  });
});
