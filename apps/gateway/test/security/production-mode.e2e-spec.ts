import { Authorized, Query, Resolver } from "type-graphql";
import { defineModule } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { ConfigError, loadConfig } from "../../src/config";
import { modules } from "../../src/modules";
import { TestGateway } from "../harness";
import { GatewayProcess } from "../process-gateway";
import { postGraphql, rawRequest, type RawResponse } from "./helpers";

jest.setTimeout(180_000);

/** A throwaway module whose query fails the way a bug does: an error with SQL and a personnummer in it. */
@Resolver()
class FailingResolver {
  @Authorized("probe:run")
  @Query(() => String, { description: "Fails like a bug would." })
  failingProbe(): string {
    throw new Error("ER_NO_SUCH_TABLE: SELECT * FROM hidden_table WHERE personnummer = '19121212-1212'");
  }
}
const probeModule = defineModule({
  name: "probe",
  description: "Test only.",
  entities: [],
  resolvers: [FailingResolver],
  migrations: [],
  scopes: [{ name: "probe:run", description: "Test only." }],
});

const PRODUCTION_ENV = {
  NODE_ENV: "production",
  DB_ALLOW_EMBEDDED: "true",
  AUTH_JWT_SECRET: "production-test-secret-0123456789-abcdefghij",
  ACCESS_LOG_KEY: "production-test-access-log-key-0123456789-abc",
  RATE_LIMIT_PER_MINUTE: "25",
  MAX_BODY_BYTES: "50000",
};

const TYPO_QUERIES = [
  `{ feedbackItem(id: 1) { descriptio } }`, // field
  `{ feedbackItems(firts: 1) { totalCount } }`, // argument
  `{ feedbackItems(filter: { kind: COMPLAIN }) { totalCount } }`, // enum value
  `{ feedbackItems { ...F } } fragment F on FeedbackItemConnectio { totalCount }`, // type
];

/** POST to a gateway process (helpers' postGraphql takes the in-process harness). */
function post(gw: GatewayProcess, body: unknown, token?: string | null): Promise<RawResponse> {
  return rawRequest(gw.url, {
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** The request log line of a response, found by the id the server answered with. */
function requestLog(gw: GatewayProcess, r: RawResponse): Record<string, unknown> | undefined {
  const id = r.headers.get("x-request-id") ?? r.requestId;
  return gw.logEntries().find((e) => e.message === "request" && e.requestId === id);
}

/** SQL statements the process has run so far (counted inside it by test/process-probes.js). */
async function statementsRun(gw: GatewayProcess): Promise<number> {
  return (await gw.probe("statements")).statements as number;
}

/**
 * In-process, because these need the throwaway probe module (a resolver that fails like a bug) or
 * the parsed configuration object: the built gateway in a child process composes only its real
 * modules, and nothing can be injected into it. Every other production-mode assertion runs
 * against the built gateway as a child process below.
 */
describe(`production mode in-process with a failing probe module on ${testDatabaseKind()}`, () => {
  let prod: TestGateway;
  beforeAll(async () => {
    prod = await TestGateway.start(PRODUCTION_ENV, [...modules, probeModule]);
  });
  afterAll(async () => {
    await prod?.stop();
  });

  it("refuses to start in production without real secrets, listing every problem", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: "production", AUTH_JWT_SECRET: "short", ACCESS_LOG_KEY: "short" });
    } catch (e) {
      expect((e as ConfigError).problems.join("\n")).toMatch(
        /DATABASE_URL[\s\S]*AUTH_JWT_SECRET must be at least 32[\s\S]*ACCESS_LOG_KEY/,
      );
    }
    expect(prod.config).toMatchObject({ env: "production", introspection: false, graphiql: false, devSecret: null });
  });

  it("masks an internal error (no SQL, no identity number, no stack) while logging it masked", async () => {
    const token = await prod.token(["probe:run", "synpunkter:read"], "prod-stack");
    const responses = [
      await postGraphql(prod, { query: "{ failingProbe }" }, token),
      await postGraphql(prod, { query: "{ failingProbe }", variables: "not an object" }, token),
    ];
    expect(responses.map((r) => r.codes[0])).toEqual(["INTERNAL_SERVER_ERROR", "BAD_REQUEST"]);
    for (const r of responses) {
      expect(r.text).not.toMatch(/stacktrace|\s+at \S+ \(|\.ts:\d+|node_modules/);
    }
    const internal = responses[0];
    expect(internal.json?.errors?.[0].message).toMatch(/quote the request id/);
    expect(internal.text).not.toMatch(/SELECT|hidden_table|ER_NO_SUCH_TABLE|1212/);
    // The operator sees the cause in the log, with the request id and the identity number masked.
    const line = prod.logLines.find((l) => l.includes('"internal error"') && l.includes("hidden_table"));
    expect(line).toBeDefined();
    expect(line).toContain("19121212-****");
    expect(line).not.toContain("19121212-1212");
  });
});

describe(`production mode: the built gateway process on ${testDatabaseKind()}`, () => {
  let prod: GatewayProcess;
  let dev: GatewayProcess;
  beforeAll(async () => {
    [prod, dev] = await Promise.all([
      GatewayProcess.start({
        probes: true,
        env: {
          RATE_LIMIT_PER_MINUTE: PRODUCTION_ENV.RATE_LIMIT_PER_MINUTE,
          MAX_BODY_BYTES: PRODUCTION_ENV.MAX_BODY_BYTES,
        },
      }),
      GatewayProcess.start({ mode: "development" }),
    ]);
  });
  afterAll(async () => {
    await prod?.stop();
    await dev?.stop();
  });

  it("refuses introspection (schema and type queries), but allows __typename", async () => {
    const token = await prod.token(["synpunkter:read"], "prod-introspect");
    for (const query of [
      `{ __schema { queryType { name } types { name fields { name } } } }`,
      `{ __type(name: "FeedbackItem") { fields { name } } }`,
    ]) {
      const r = await post(prod, { query }, token);
      expect(r.status).toBe(400);
      expect(r.codes).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(r.json?.errors?.[0].message).toMatch(/introspection is not allowed/i);
      expect(r.text).not.toMatch(/FeedbackItem"|"fields"/);
    }
    expect((await post(prod, { query: "{ __typename }" }, token)).json?.data).toEqual({ __typename: "Query" });
    // The same query is answered in development, so the refusal is the production switch.
    expect(
      (await post(dev, { query: `{ __type(name: "FeedbackItem") { name } }` }, await dev.token(["synpunkter:read"])))
        .json?.data,
    ).toEqual({ __type: { name: "FeedbackItem" } });
  });

  it.each(TYPO_QUERIES)("gives no field, argument, enum or type suggestions: %s", async (query) => {
    const r = await post(prod, { query }, await prod.token(["synpunkter:read"], "prod-suggest"));
    expect(r.status).toBe(400);
    expect(r.codes[0]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(r.text).not.toMatch(/Did you mean/i);
    // Development suggests (clairvoyance would rebuild the schema from these).
    const d = await post(dev, { query }, await dev.token(["synpunkter:read"]));
    expect(d.text).toMatch(/Did you mean/);
  });

  it("sends no stack traces for client errors (the internal error is checked in-process above)", async () => {
    const token = await prod.token(["synpunkter:read"], "prod-stack");
    const responses = [
      await post(prod, { query: "{ feedbackItem(id: 999999) { id } }" }, token),
      await post(prod, { query: "{ nope }" }, token),
      await post(prod, { query: "{ feedbackItem(id: 1 { id } }" }, token),
      await post(prod, { query: "{ __typename }", variables: "not an object" }, token),
    ];
    expect(responses.map((r) => r.codes[0])).toEqual([
      "NOT_FOUND",
      "GRAPHQL_VALIDATION_FAILED",
      "GRAPHQL_PARSE_FAILED",
      "BAD_REQUEST",
    ]);
    for (const r of responses) {
      expect(r.text).not.toMatch(/stacktrace|\s+at \S+ \(|\.ts:\d+|node_modules/);
    }
    // Development shows the stack (so this test can tell the modes apart).
    const d = await post(dev, { query: "{ nope }" }, await dev.token(["probe:run"]));
    expect(d.text).toContain("stacktrace");
  });

  it("keeps CSRF prevention on: a GET or simple POST without a preflight header is refused", async () => {
    const token = await prod.token(["synpunkter:stats"], "prod-csrf");
    const query = encodeURIComponent(`{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received } }`);
    const auth = { authorization: `Bearer ${token}` };
    const statementsBefore = await statementsRun(prod);
    const simpleGet = await fetch(`${prod.url}/graphql?query=${query}`, { headers: auth });
    const textPost = await fetch(`${prod.url}/graphql`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: JSON.stringify({ query: decodeURIComponent(query) }),
    });
    // A form can post any text, including JSON, with these content types.
    const formPost = await fetch(`${prod.url}/graphql`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: JSON.stringify({ query: decodeURIComponent(query) }),
    });
    const multipart = await fetch(`${prod.url}/graphql`, {
      method: "POST",
      headers: { ...auth, "content-type": "multipart/form-data; boundary=x" },
      body: JSON.stringify({ query: decodeURIComponent(query) }),
    });
    const statementsAfter = await statementsRun(prod);
    for (const res of [simpleGet, textPost, formPost, multipart]) {
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    }
    expect(statementsAfter - statementsBefore).toBe(0);
    // With the preflight header a GET query is served, but never a mutation over GET.
    const preflighted = await fetch(`${prod.url}/graphql?query=${query}`, {
      headers: { ...auth, "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
    expect(await statementsRun(prod)).toBeGreaterThan(statementsAfter); // the count sees real statements
    const mutation = await fetch(
      `${prod.url}/graphql?query=${encodeURIComponent("mutation { closeFeedback(id: 1, expectedVersion: 1) { id } }")}`,
      {
        headers: { ...auth, "apollo-require-preflight": "true" },
      },
    );
    expect(mutation.status).toBe(405);
  });

  it("limits the request body size", async () => {
    const r = await post(
      prod,
      { query: "{ __typename }", variables: { pad: "x".repeat(60_000) } },
      await prod.token([], "prod-body"),
    );
    expect(r.status).toBe(413);
    expect(r.codes).toEqual(["PAYLOAD_TOO_LARGE"]);
    expect(r.json?.errors?.[0].message).toContain("50000");
  });

  it("does not serve GraphiQL or its assets", async () => {
    const page = await fetch(`${prod.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.headers.get("content-type")).not.toContain("text/html");
    expect(await page.text()).not.toContain("graphiql");
    expect((await fetch(`${prod.url}/graphiql/graphiql.js`)).status).toBe(404);
    // …which development does.
    expect((await fetch(`${dev.url}/graphiql/graphiql.js`)).status).toBe(200);
  });

  it("rate-limits per client identity: one subject's flood does not throttle another, and costs no SQL", async () => {
    const query = { query: "{ __typename }" };
    const a1 = await prod.token([], "rate-a");
    const a2 = await prod.token(["synpunkter:read"], "rate-a"); // another token of the same subject
    const b = await prod.token([], "rate-b");
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await post(prod, query, i % 2 ? a1 : a2)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const statementsBefore = await statementsRun(prod);
    const limited = await post(prod, query, a1);
    const limitedOtherToken = await post(prod, query, a2);
    const statementsAfter = await statementsRun(prod);
    for (const r of [limited, limitedOtherToken]) {
      expect(r.status).toBe(429);
      expect(r.codes).toEqual(["RATE_LIMITED"]);
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(requestLog(prod, r)?.statements ?? 0).toBe(0);
    }
    expect(statementsAfter - statementsBefore).toBe(0);
    expect((await post(prod, query, b)).status).toBe(200);
  });

  it("rate-limits anonymous callers and failed sign-ins by address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const forged = i % 2 === 0 ? "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged" : null;
      statuses.push(
        (
          await rawRequest(prod.url, {
            body: JSON.stringify({ query: "{ __typename }" }),
            headers: forged ? { authorization: `Bearer ${forged}` } : {},
          })
        ).status,
      );
    }
    expect(statuses).toContain(401);
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(26);
    // A signed-in client from the same address keeps its own budget.
    expect((await post(prod, { query: "{ __typename }" }, await prod.token([], "rate-c"))).status).toBe(200);
  });
});
