import { takesFastPath } from "../src/execution/json-fast-path";
import { TestGateway } from "./harness";

/**
 * The JSON fast path (src/execution/json-fast-path.ts) answers exactly as Apollo does. Each request
 * is sent twice to the same gateway: as a plain JSON POST (the fast path) and with an accept
 * header Apollo negotiates to the same content type but the fast path leaves to Apollo. Status,
 * headers and body must match (request ids and, outside production, stack traces aside).
 */

const FAST_HEADERS = { "content-type": "application/json" };
// Apollo answers `application/json; charset=utf-8` to this too; the fast path does not take it.
const APOLLO_HEADERS = { "content-type": "application/json", accept: "application/json;q=0.9" };
const SECRET = "production-test-secret-0123456789-abcdefghij";

const MODES: [string, Record<string, string>][] = [
  ["test mode", {}],
  [
    "production mode",
    {
      NODE_ENV: "production",
      DB_ALLOW_EMBEDDED: "true",
      AUTH_JWT_SECRET: SECRET,
      ACCESS_LOG_KEY: "production-test-access-log-key-0123456789-abc",
    },
  ],
];

interface Case {
  name: string;
  body: string;
  scopes?: string[];
  token?: string;
}

const json = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

const CASES: Case[] = [
  { name: "a valid query", body: json("{ businessAreas { id name handlingDays } }"), scopes: ["synpunkter:read"] },
  {
    name: "a page with variables and operationName",
    body: json("query Page($n: Int) { feedbackItems(first: $n) { totalCount edges { node { id status } } } }", {
      variables: { n: 3 },
      operationName: "Page",
    }),
    scopes: ["synpunkter:read"],
  },
  {
    name: "null variables and operationName",
    body: json("{ businessAreas { id } }", { variables: null, operationName: null }),
    scopes: ["synpunkter:read"],
  },
  { name: "without a token", body: json("{ businessAreas { id } }") },
  { name: "an invalid token", body: json("{ businessAreas { id } }"), token: "not.a.token" },
  { name: "invalid JSON", body: '{"query": "{ businessAreas { id } }"', scopes: ["synpunkter:read"] },
  { name: "a syntax error", body: json("{ businessAreas { id "), scopes: ["synpunkter:read"] },
  { name: "an unknown field (suggestions)", body: json("{ businessArea { id } }"), scopes: ["synpunkter:read"] },
  {
    name: "introspection",
    body: json("{ __schema { queryType { name } } }"),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a variable of the wrong type",
    body: json("query($n: Int!) { feedbackItems(first: $n) { totalCount } }", { variables: { n: "many" } }),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a missing variable",
    body: json("query($n: Int!) { feedbackItems(first: $n) { totalCount } }"),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a page over its bound",
    body: json("{ feedbackItems(first: 100000) { totalCount } }"),
    scopes: ["synpunkter:read"],
  },
  {
    name: "an invalid id (input check)",
    body: json('{ feedbackItem(id: "not an id") { id } }'),
    scopes: ["synpunkter:read"],
  },
  {
    name: "an ill-formed string (input check)",
    body: '{"query":"query($s: String) { feedbackItems(after: $s) { totalCount } }","variables":{"s":"\\ud800"}}',
    scopes: ["synpunkter:read"],
  },
  {
    name: "two operations and none named",
    body: json("query A { businessAreas { id } } query B { businessAreas { name } }"),
    scopes: ["synpunkter:read"],
  },
  {
    name: "an operation name not in the document",
    body: json("query A { businessAreas { id } }", { operationName: "B" }),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a document over the depth limit",
    body: json(`{ feedbackItems { edges { node { ${"a { ".repeat(30)}b${" }".repeat(30)} } } } }`),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a record that does not exist",
    body: json('{ feedbackItem(id: "999999") { id } }'),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a mutation refused for its input",
    body: json('mutation { saveBusinessArea(input: { name: "", handlingDays: 0 }) { id } }'),
    scopes: ["synpunkter:read", "synpunkter:write", "admin"],
  },
  {
    name: "a mutation without the scope",
    body: json('mutation { saveBusinessArea(input: { name: "Ny", handlingDays: 10 }) { id } }'),
    scopes: ["synpunkter:read"],
  },
  {
    name: "a mutation with a wrong variable",
    body: json('mutation($d: Int!) { saveBusinessArea(input: { name: "Ny", handlingDays: $d }) { id } }', {
      variables: { d: 1.5 },
    }),
    scopes: ["synpunkter:write"],
  },
];

const COMPARED_HEADERS = [
  "content-type",
  "cache-control",
  "retry-after",
  "www-authenticate",
  "x-correlation-id",
  "content-security-policy",
];

/** The body with what differs by request (ids, stack traces) taken out; key order kept. */
function comparable(text: string): { text: string; stacks: boolean } {
  let stacks = false;
  const withoutIds = text.replace(/req_[A-Za-z0-9_-]{16}/g, "req_ID");
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutIds);
  } catch {
    return { text: withoutIds, stacks };
  }
  const errors = (parsed as { errors?: { extensions?: Record<string, unknown> }[] }).errors;
  for (const error of errors ?? []) {
    if (error.extensions && "stacktrace" in error.extensions) {
      stacks = true;
      error.extensions.stacktrace = "[stack]";
    }
  }
  return { text: JSON.stringify(parsed) + (withoutIds.endsWith("\n") ? "\n" : ""), stacks };
}

describe.each(MODES)("the JSON fast path answers as Apollo does (%s)", (_mode, env) => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await TestGateway.start(env);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it("takes plain JSON POSTs and leaves the rest to Apollo", () => {
    const body = { query: "{ businessAreas { id } }" };
    expect(takesFastPath("POST", FAST_HEADERS, body)).not.toBeNull();
    expect(takesFastPath("POST", { ...FAST_HEADERS, accept: "application/json" }, body)).not.toBeNull();
    expect(takesFastPath("POST", APOLLO_HEADERS, body)).toBeNull();
    expect(takesFastPath("GET", FAST_HEADERS, body)).toBeNull();
    expect(takesFastPath("POST", { "content-type": "text/plain" }, body)).toBeNull();
    expect(takesFastPath("POST", {}, body)).toBeNull();
    expect(takesFastPath("POST", { ...FAST_HEADERS, accept: "multipart/mixed" }, body)).toBeNull();
    expect(takesFastPath("POST", FAST_HEADERS, { ...body, extensions: { persistedQuery: {} } })).toBeNull();
    expect(takesFastPath("POST", FAST_HEADERS, { ...body, variables: "{}" })).toBeNull();
    expect(takesFastPath("POST", FAST_HEADERS, { ...body, operationName: 1 })).toBeNull();
    expect(takesFastPath("POST", FAST_HEADERS, { query: "" })).toBeNull();
    expect(takesFastPath("POST", FAST_HEADERS, [body])).toBeNull();
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const token = c.token ?? (c.scopes ? await gw.token(c.scopes) : undefined);
    const send = async (headers: Record<string, string>) => {
      const res = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: {
          ...headers,
          "x-correlation-id": "compare-1",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: c.body,
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)])),
        requestId: res.headers.get("x-request-id"),
        ...comparable(text),
      };
    };
    const fast = await send(FAST_HEADERS);
    const apollo = await send(APOLLO_HEADERS);
    expect(fast.requestId).toMatch(/^req_/);
    expect(fast).toEqual({ ...apollo, requestId: fast.requestId });
    if (env.NODE_ENV === "production") expect(fast.stacks).toBe(false);
  });

  it("a mutation that succeeds answers alike", async () => {
    const token = await gw.token(["synpunkter:read", "synpunkter:write", "admin"]);
    const send = async (headers: Record<string, string>, name: string) => {
      const res = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { ...headers, authorization: `Bearer ${token}` },
        body: json(`mutation { saveBusinessArea(input: { name: "${name}", handlingDays: 12 }) { name handlingDays } }`),
      });
      const text = (await res.text()).replace(name, "NAME");
      return { status: res.status, type: res.headers.get("content-type"), text };
    };
    const fast = await send(FAST_HEADERS, "Jämförelse A");
    const apollo = await send(APOLLO_HEADERS, "Jämförelse B");
    expect(fast).toEqual(apollo);
    expect(fast.status).toBe(200);
  });
});
