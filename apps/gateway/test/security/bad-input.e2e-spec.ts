import fc from "fast-check";

// Reproducible in CI: a fixed seed unless FC_SEED asks for another (print it when a run fails).
const SEED = Number(process.env.FC_SEED ?? 20211231);
fc.configureGlobal({ seed: SEED });
import type { GraphQLSchema } from "graphql";
import { Arg, Authorized, Query, Resolver } from "type-graphql";
import { buildModuleSchema, defineModule } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  OrganisationsnummerScalar,
  PersonnummerScalar,
  moneyArg,
  luhnCheckDigit,
  oreToKronor,
  type LocalDate,
} from "@arbetsliv/core/values";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { TestGateway } from "../harness";
import { GatewayProcess } from "../process-gateway";
import { allScopes, postGraphql, rawRequest, type RawResponse } from "./helpers";
import {
  edgeValuesFor,
  fuzzCalls,
  inlineQuery,
  nestedFormValues,
  setAt,
  variablesQuery,
  type FuzzCall,
} from "./fuzz-inputs";
import { ProcessDatabase } from "./process-database";

/**
 * Property-based tests over HTTP: whatever a client sends as a scalar or an input, the answer
 * is data or BAD_USER_INPUT — never INTERNAL_SERVER_ERROR or a 5xx — and a refused call writes
 * nothing (every table's row count is unchanged).
 */
// Hundreds of calls over HTTP; MariaDB is slower than sql.js.
jest.setTimeout(process.env.FUZZ_EDGE_VALUES === "all" ? 3_600_000 : 300_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 8);
/** Edge values per argument leaf beyond the must-haves (FUZZ_EDGE_VALUES=all: every value of the catalogue to every leaf). */
const EDGE_VALUES = process.env.FUZZ_EDGE_VALUES === "all" ? Infinity : Number(process.env.FUZZ_EDGE_VALUES ?? 3);

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** Echoes the core scalars as the server parsed them (a throwaway module, test only). */
@Resolver()
class ScalarEchoResolver {
  @Authorized("probe:run")
  @Query(() => String)
  echoScalars(
    @Arg("money", () => MoneyScalar, {
      nullable: true,
      ...moneyArg("money", -999_999_999_999_999, 999_999_999_999_999),
    })
    money: number | null,
    @Arg("personnummer", () => PersonnummerScalar, { nullable: true }) personnummer: string | null,
    @Arg("organisationsnummer", () => OrganisationsnummerScalar, { nullable: true }) organisationsnummer: string | null,
    @Arg("date", () => LocalDateScalar, { nullable: true }) date: LocalDate | null,
  ): string {
    return JSON.stringify({ money, personnummer, organisationsnummer, date });
  }
}
const echoModule = defineModule({
  name: "scalar-echo",
  description: "Test only.",
  entities: [],
  resolvers: [ScalarEchoResolver],
  migrations: [],
  scopes: [{ name: "probe:run", description: "Test only." }],
});

const ECHO = `query($money: Money, $personnummer: Personnummer, $organisationsnummer: Organisationsnummer, $date: Date) {
  echoScalars(money: $money, personnummer: $personnummer, organisationsnummer: $organisationsnummer, date: $date) }`;

/** Values scanners and careless clients send. */
const NASTY = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x1F",
  "' OR '1'='1",
  "1; DROP TABLE access_log; --",
  "\u0000",
  "\ud800",
  "𝕏𝕐ℤ",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "../../etc/passwd",
  "9999-12-31",
  "0000-00-00",
  "2021-02-29",
  "99999999999999999999",
  "-99999999999999999999",
  "9999999999999.99",
  "19121212-1212",
  "x".repeat(5000),
];

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

// Independent oracles (not the server's code).
const realDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

describe(`core scalars, property-based over HTTP (in-process, with a scalar echo module) on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  let token: string;
  const figures = { calls: 0 };

  beforeAll(async () => {
    gw = await TestGateway.start({ DEMO_SEED: "false" }, [...modules, echoModule]); // the echo needs no records
    token = await gw.token([...allScopes(modules), "probe:run"], "fuzzer");
  });
  afterAll(async () => {
    await gw.stop();
    console.warn(
      `[figures] bad input, core scalars: ${figures.calls} calls over HTTP; unexpected internal errors: 0 (the test fails otherwise)`,
    );
  });

  async function echo(variables: Record<string, unknown>) {
    const r = await postGraphql(gw, { query: ECHO, variables }, token);
    figures.calls++;
    expect(r.status).toBeLessThan(500);
    expect(r.codes.filter((c) => c !== "BAD_USER_INPUT")).toEqual([]);
    return {
      ok: r.codes.length === 0,
      value: r.codes.length ? null : (JSON.parse(r.json?.data?.echoScalars as string) as Record<string, unknown>),
      r,
    };
  }

  it("Personnummer: every valid number (10/12 digits, -/+, samordningsnummer) is accepted and normalised", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date("1901-01-01"), max: new Date("2024-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        fc.constantFrom("12", "12-", "10-"),
        async (birth, serial, coordination, form) => {
          const y = birth.getUTCFullYear();
          const yymmdd = `${pad(y % 100)}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCDate() + (coordination ? 60 : 0))}`;
          const last4 = `${pad(serial, 3)}${luhnCheckDigit(yymmdd + pad(serial, 3))}`;
          const age = new Date().getUTCFullYear() - y;
          const sep = form === "10-" && age >= 100 ? "+" : "-";
          const input =
            form === "12"
              ? `${Math.floor(y / 100)}${yymmdd}${last4}`
              : form === "12-"
                ? `${Math.floor(y / 100)}${yymmdd}-${last4}`
                : `${yymmdd}${sep}${last4}`;
          const { ok, value } = await echo({ personnummer: input });
          expect(ok).toBe(true);
          expect(value?.personnummer).toBe(`${Math.floor(y / 100)}${yymmdd}${last4}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("Personnummer: any single changed digit of a valid number, and anything else, is BAD_USER_INPUT", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 9 }), async (position, delta) => {
        const valid = "198112189876";
        const digits = valid.split("");
        digits[position] = String((Number(digits[position]) + delta) % 10);
        const { ok, r } = await echo({ personnummer: digits.join("") });
        expect(ok).toBe(false);
        expect(r.json?.errors?.[0].message).toMatch(/Personnummer/);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        const { ok, value: parsed } = await echo({ personnummer: value });
        if (ok && value !== null) expect(parsed?.personnummer).toMatch(/^\d{12}$/);
      }),
      { numRuns: RUNS },
    );
  });

  it("Organisationsnummer: valid numbers accepted; wrong group digit, wrong check digit or junk refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{9}$/), fc.boolean(), async (nine, dash) => {
        const check = luhnCheckDigit(nine);
        const input = `${nine.slice(0, 6)}${dash ? "-" : ""}${nine.slice(6)}${check}`;
        const { ok, value } = await echo({ organisationsnummer: input });
        expect(ok).toBe(Number(nine[2]) >= 2);
        if (ok) expect(value?.organisationsnummer).toBe(`${nine}${check}`);
        const wrong = await echo({ organisationsnummer: `${nine}${(check + 1) % 10}` });
        expect(wrong.ok).toBe(false);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        await echo({ organisationsnummer: value });
      }),
      { numRuns: RUNS },
    );
  });

  it("Money: exact in öre for any amount up to 13 digits of kronor; floats, 3 decimals and junk refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), async (ore) => {
        const { ok, value } = await echo({ money: oreToKronor(ore) });
        expect(ok).toBe(true);
        expect(value?.money).toBe(ore);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyJson,
          fc.double({ noInteger: true }),
          fc.stringMatching(/^\d{1,5}\.\d{3,5}$/),
          fc.stringMatching(/^\d{14,20}$/),
        ),
        async (value) => {
          const { ok } = await echo({ money: value });
          const sent = (JSON.parse(JSON.stringify({ value })) as { value?: unknown }).value; // Infinity/NaN travel as null
          const accepted =
            sent === null ||
            sent === undefined ||
            (typeof sent === "number" && Number.isInteger(sent) && Math.abs(sent) < 1e13) ||
            (typeof sent === "string" && /^-?\d{1,13}(?:[.,]\d{1,2})?$/.test(sent.trim().replace(/\s/g, "")));
          expect(ok).toBe(accepted);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("Date: exactly the real calendar dates YYYY-MM-DD in the years 1850–2199 are accepted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        async (y, m, d) => {
          const input = `${y}-${pad(m)}-${pad(d)}`;
          const { ok, value } = await echo({ date: input });
          expect(ok).toBe(y >= 1850 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && realDate(y, m, d));
          if (ok) expect(value?.date).toBe(input);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        await echo({ date: value });
      }),
      { numRuns: RUNS },
    );
  });

  it("scalars in literals (not variables) are refused the same way", async () => {
    for (const literal of [
      `money: 1.5`,
      `money: "1,234"`,
      `personnummer: 191212121212`,
      `personnummer: "19121212-1213"`,
      `organisationsnummer: "812000-0000"`,
      `date: "2021-13-01"`,
      `date: 20210101`,
    ]) {
      const r = await postGraphql(gw, { query: `{ echoScalars(${literal}) }` }, token);
      figures.calls++;
      expect({ literal, codes: r.codes }).toEqual({ literal, codes: ["BAD_USER_INPUT"] });
    }
  });
});

/** Answers the fuzzer counts as failures: the server broke, whatever the input. */
const isServerFailure = (r: RawResponse) =>
  r.status >= 500 || r.codes.includes("INTERNAL_SERVER_ERROR") || (r.json === null && r.status !== 413);

describe(`bad input: every operation's every argument, against the built gateway in production mode on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let db: ProcessDatabase;
  let token: string;
  let schema: GraphQLSchema;
  const figures = { calls: 0, mutationsChecked: 0, serverErrors: 0, internalErrors: 0, failures: [] as string[] };

  beforeAll(async () => {
    schema = await buildModuleSchema(modules);
    gw = await GatewayProcess.start();
    db = await ProcessDatabase.open(gw, modules);
    token = await gw.token(allScopes(modules), "fuzzer");
  });
  afterAll(async () => {
    await db?.close();
    await gw?.stop();
    console.warn(
      `[figures] bad input, production child process: ${figures.calls} calls; ${figures.mutationsChecked} refused mutations checked for writes; HTTP 5xx: ${figures.serverErrors}; INTERNAL_SERVER_ERROR: ${figures.internalErrors}`,
    );
  });

  async function send(body: { query: string; variables?: Record<string, unknown> }): Promise<RawResponse> {
    const r = await rawRequest(gw.url, { body: JSON.stringify(body), headers: { authorization: `Bearer ${token}` } });
    figures.calls++;
    if (r.status >= 500) figures.serverErrors++;
    if (r.codes.includes("INTERNAL_SERVER_ERROR")) figures.internalErrors++;
    return r;
  }

  /** Sends one fuzzed call; records a failure for a 5xx / internal error, or for a refused mutation that wrote. */
  async function probe(
    call: FuzzCall,
    label: string,
    body: { query: string; variables?: Record<string, unknown> },
  ): Promise<RawResponse> {
    const before = call.type === "Mutation" ? await db.fingerprint() : null;
    const r = await send(body);
    if (isServerFailure(r)) {
      figures.failures.push(`${call.op} ${label}: ${r.status} ${r.text.slice(0, 200)}`);
    } else if (before !== null && r.codes.length > 0) {
      figures.mutationsChecked++;
      if ((await db.fingerprint()) !== before)
        figures.failures.push(`${call.op} ${label}: refused (${r.codes.join()}) but the database changed`);
    }
    return r;
  }

  const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 50);

  it("regression: a lone UTF-16 surrogate in a string is BAD_USER_INPUT naming the field, not an internal error nobody logged", async () => {
    for (const lone of ["\ud800", "\udfff", "ok\ud83dnot"]) {
      const r = await send({
        query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
        variables: {
          input: { kind: "PRAISE", criterion: "SERVICES", businessAreaId: "1", channel: "EMAIL", description: lone },
        },
      });
      expect(r.status).toBe(400);
      expect(r.codes).toEqual(["BAD_USER_INPUT"]);
      expect(r.json?.errors?.[0].extensions?.field).toBe("input.description");
      expect(r.json?.errors?.[0].extensions?.rule).toBe("unicode");
    }
    // Also as the value of a list item nested in an input, and in an operation's plain String argument.
    const r = await send({
      query: `mutation($r: String!) { reopenFeedback(id: "1", expectedVersion: 1, reason: $r) { id } }`,
      variables: { r: "\udc00" },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.json?.errors?.[0].extensions?.field).toBe("reason");
  });

  it("regression: a non-numeric id (saveBusinessArea) is BAD_USER_INPUT naming the field, and never reaches SQL", async () => {
    for (const id of ["abc", "1.5", "NaN", "1e3", "2147483648", " 1"]) {
      const r = await send({
        query: `mutation($id: ID) { saveBusinessArea(id: $id, input: { name: "Fuzz", handlingDays: 10 }) { id } }`,
        variables: { id },
      });
      expect({ id, status: r.status, codes: r.codes, field: r.json?.errors?.[0].extensions?.field }).toEqual({
        id,
        status: expect.any(Number),
        codes: ["BAD_USER_INPUT"],
        field: "id",
      });
    }
  });

  it("regression: handlingDays 2147483647 is refused (the domain allows 1–365), and registerFeedback in every area still works", async () => {
    const r = await send({
      query: `mutation { saveBusinessArea(input: { name: "Fuzz huge", handlingDays: 2147483647 }) { id } }`,
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.json?.errors?.[0].extensions?.field).toBe("input.handlingDays");
    const areas = await send({ query: `{ businessAreas { id handlingDays } }` });
    for (const area of (areas.json?.data?.businessAreas ?? []) as { id: string; handlingDays: number }[]) {
      expect(area.handlingDays).toBeLessThanOrEqual(365);
      const reg = await send({
        query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id dueDate } }`,
        variables: {
          input: {
            kind: "PRAISE",
            criterion: "SERVICES",
            businessAreaId: area.id,
            channel: "EMAIL",
            description: "Fuzz",
          },
        },
      });
      expect({ area: area.id, codes: reg.codes }).toEqual({ area: area.id, codes: [] });
    }
  });

  it("a date far outside what records can mean is BAD_USER_INPUT, not an internal error (regression: iopAgreementEvents to 9999-12-31)", async () => {
    const r = await send({
      query: `query($from: Date!, $to: Date!) { iopAgreementEvents(from: $from, to: $to) { __typename } }`,
      variables: { from: "2021-06-01", to: "9999-12-31" },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
  });

  it("every query and mutation, every argument and nested input field (optional ones too), at its edge values — Unicode, extreme numbers, wrong types, as a variable, a nested variable and an inline literal: never a 5xx or INTERNAL_SERVER_ERROR, and a refused mutation writes nothing", async () => {
    const calls = fuzzCalls(schema, modules);
    let leafNumber = 0;
    for (const call of calls) {
      const base = variablesQuery(call);
      const bodies: { label: string; body: { query: string; variables?: Record<string, unknown> } }[] = [];
      for (const leaf of call.leaves) {
        leafNumber++;
        const at = leaf.path.join(".");
        for (const value of edgeValuesFor(leaf.kind, leafNumber, EDGE_VALUES))
          bodies.push({
            label: `${at}=${show(value)}`,
            body: { query: base, variables: setAt(call.variables, leaf.path, value) },
          });
        // The other forms a client can choose: the value as a variable nested in an inline input, and inline itself.
        const forms = nestedFormValues(leaf.kind);
        const pickedForms = EDGE_VALUES === Infinity ? forms : forms.length ? [forms[leafNumber % forms.length]] : [];
        for (const value of pickedForms) {
          const variables = setAt(call.variables, leaf.path, value);
          bodies.push({
            label: `${at}=$leaf ${show(value)}`,
            body: inlineQuery(call, variables, leaf.path, leaf.type, true),
          });
          if (typeof value !== "string" || !/[\ud800-\udfff]/.test(value))
            bodies.push({
              label: `${at}=literal ${show(value)}`,
              body: inlineQuery(call, variables, leaf.path, leaf.type, false),
            });
        }
      }
      // Queries write nothing to check, so several run at once; mutations one at a time (their writes are compared).
      await inBatches(bodies, call.type === "Query" ? 6 : 1, ({ label, body }) => probe(call, label, body));
    }
    expect(calls.length).toBeGreaterThan(120);
    expect(leafNumber).toBeGreaterThan(700);
    expect(figures.failures).toEqual([]);
  });

  it("every query and mutation: random junk in one argument or nested input field → never a 5xx or INTERNAL_SERVER_ERROR, and a refused mutation writes nothing", async () => {
    const calls = fuzzCalls(schema, modules).filter((c) => c.leaves.length > 0);
    for (const [i, call] of calls.entries()) {
      const samples = fc.sample(fc.tuple(fc.constantFrom(...call.leaves), anyJson), {
        numRuns: RUNS_PER_OPERATION,
        seed: SEED + i,
      });
      const bodies = samples.map(([leaf, junk]) => ({
        label: `${leaf.path.join(".")}=${show(junk)}`,
        body: { query: variablesQuery(call), variables: setAt(call.variables, leaf.path, junk) },
      }));
      await inBatches(bodies, call.type === "Query" ? 6 : 1, ({ label, body }) => probe(call, label, body));
    }
    expect(figures.failures).toEqual([]);
  });

  it("main inputs with every field fuzzed at once: a registration either fully succeeds (row + event + access-log entry) or writes nothing", async () => {
    let accepted = 0;
    const TABLES = ["feedback_item", "feedback_event", "access_log"];
    const start = await db.rowCounts(TABLES);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.oneof(fc.constantFrom("PRAISE", "COMPLAINT"), anyJson),
          criterion: fc.oneof(fc.constant("SERVICES"), anyJson),
          businessAreaId: fc.oneof(fc.constantFrom("1", "2", "999999", "-1", "1.5"), anyJson),
          channel: fc.oneof(fc.constant("EMAIL"), anyJson),
          receivedDate: fc.oneof(fc.constantFrom("2021-03-01", "1900-01-01", "9999-12-31"), anyJson),
          description: fc.oneof(
            fc.string({ minLength: 1, maxLength: 50 }),
            fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
            anyJson,
          ),
          submitterName: fc.oneof(fc.constant(null), fc.string({ maxLength: 250 }), anyJson),
          submitterEmail: fc.oneof(fc.constant(null), fc.emailAddress(), anyJson),
          submitterPhone: fc.oneof(fc.constant(null), fc.constant("+46 33 35 70 00"), anyJson),
          wantsReply: fc.oneof(fc.boolean(), anyJson),
        }),
        async (input) => {
          const before = await db.fingerprint();
          const r = await send({
            query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
            variables: { input },
          });
          expect(isServerFailure(r)).toBe(false);
          expect(r.codes.filter((c) => c !== "BAD_USER_INPUT")).toEqual([]);
          if (r.codes.length === 0) accepted++;
          else expect(await db.fingerprint()).toBe(before);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    const end = await db.rowCounts(TABLES);
    // Each accepted registration wrote exactly its row, its REGISTERED event and its access-log entry.
    expect({
      items: end.feedback_item - start.feedback_item,
      events: end.feedback_event - start.feedback_event,
      log: end.access_log - start.access_log,
    }).toEqual({ items: accepted, events: accepted, log: accepted });
  });

  it("the gateway logged no internal error and no failed request, and is still serving", async () => {
    const bad = gw
      .logEntries()
      .filter((e) => e.message === "internal error" || e.message === "request failed" || e.level === "error");
    expect(bad.map((e) => JSON.stringify(e).slice(0, 300))).toEqual([]);
    expect(gw.alive).toBe(true);
    expect(figures.serverErrors + figures.internalErrors).toBe(0);
  });
});
