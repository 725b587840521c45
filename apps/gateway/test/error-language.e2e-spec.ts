import { GatewayProcess } from "./process-gateway";

/**
 * Error messages in the request's language (Accept-Language: Swedish or English; the default
 * API_DEFAULT_LANGUAGE), against the built gateway in production mode over real HTTP. The same bad
 * request in each language answers the same code, field and rule; only the message changes.
 * Both the JSON POST fast path and GET (Apollo) are asked.
 */

const SWEDISH = "sv-SE,sv;q=0.9,en;q=0.8";
const VARIANTS: [string, Record<string, string>][] = [
  ["sv", { "accept-language": SWEDISH }],
  ["en", { "accept-language": "en" }],
  ["none", {}],
];

interface Answer {
  status: number;
  vary: string | null;
  errors: { message: string; extensions: Record<string, unknown> }[];
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const json = (await res.json()) as { errors?: Answer["errors"] };
  return { status: res.status, vary: res.headers.get("vary"), errors: json.errors ?? [] };
}

async function get(url: string, query: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { "apollo-require-preflight": "true", ...headers },
  });
  const json = (await res.json()) as { errors?: Answer["errors"] };
  return { status: res.status, vary: res.headers.get("vary"), errors: json.errors ?? [] };
}

/** What must not change with the language: status, codes, fields, rules (request ids aside). */
function invariant(answer: Answer): unknown {
  return {
    status: answer.status,
    errors: answer.errors.map(({ extensions: { requestId: _id, ...extensions } }) => extensions),
  };
}

const PAGE_TOO_LARGE = "{ feedbackItems(first: 100000) { totalCount } }";
const MISSING = '{ feedbackItem(id: "999999") { id } }';
const ALIASES = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(" ")} }`;

describe("error messages by Accept-Language (production process)", () => {
  let gw: GatewayProcess;
  let auth: Record<string, string>;

  beforeAll(async () => {
    gw = await GatewayProcess.start({ demoSeed: false, env: { MAX_BODY_BYTES: "1000" } });
    auth = { authorization: `Bearer ${await gw.token(["synpunkter:read"])}` };
  }, 180_000);

  afterAll(async () => {
    await gw?.stop();
  });

  async function threeWays(ask: (headers: Record<string, string>) => Promise<Answer>): Promise<Record<string, Answer>> {
    const answers: Record<string, Answer> = {};
    for (const [name, headers] of VARIANTS) answers[name] = await ask(headers);
    for (const answer of Object.values(answers)) expect(answer.vary).toMatch(/accept-language/i);
    expect(invariant(answers.sv)).toEqual(invariant(answers.en));
    expect(invariant(answers.none)).toEqual(invariant(answers.en));
    expect(answers.none.errors.map((e) => e.message)).toEqual(answers.en.errors.map((e) => e.message));
    return answers;
  }

  it.each([
    [
      "the fast path (POST)",
      (url: string, q: string, h: Record<string, string>) => post(url, JSON.stringify({ query: q }), h),
    ],
    ["Apollo (GET)", get],
  ])("a validation error over %s: Swedish, English, English; same code, field and rule", async (_name, send) => {
    const answers = await threeWays((headers) => send(gw.url, PAGE_TOO_LARGE, { ...auth, ...headers }));
    expect(answers.en.errors[0]).toMatchObject({
      message: "first: must be between 1 and 100",
      extensions: { code: "BAD_USER_INPUT", field: "first", rule: "range" },
    });
    expect(answers.sv.errors[0]).toMatchObject({
      message: "first: måste vara mellan 1 och 100",
      extensions: { code: "BAD_USER_INPUT", field: "first", rule: "range" },
    });
  });

  it.each([
    [
      "the fast path (POST)",
      (url: string, q: string, h: Record<string, string>) => post(url, JSON.stringify({ query: q }), h),
    ],
    ["Apollo (GET)", get],
  ])("NOT_FOUND over %s", async (_name, send) => {
    const answers = await threeWays((headers) => send(gw.url, MISSING, { ...auth, ...headers }));
    expect(answers.en.errors[0]).toMatchObject({
      message: "FeedbackItem 999999 was not found",
      extensions: { code: "NOT_FOUND" },
    });
    expect(answers.sv.errors[0]).toMatchObject({
      message: "FeedbackItem 999999 hittades inte",
      extensions: { code: "NOT_FOUND" },
    });
  });

  it("the fast path and Apollo answer a Swedish request with the same messages", async () => {
    const headers = { ...auth, "accept-language": SWEDISH };
    const fast = await post(gw.url, JSON.stringify({ query: PAGE_TOO_LARGE }), headers);
    const apollo = await post(gw.url, JSON.stringify({ query: PAGE_TOO_LARGE }), {
      ...headers,
      accept: "application/json;q=0.9", // Apollo's path (see fast-path.e2e-spec.ts)
    });
    expect(apollo.errors.map((e) => e.message)).toEqual(fast.errors.map((e) => e.message));
    expect(invariant(apollo)).toEqual(invariant(fast));
  });

  it("401 for an invalid token", async () => {
    const answers = await threeWays((headers) =>
      post(gw.url, JSON.stringify({ query: "{ __typename }" }), { authorization: "Bearer not.a.token", ...headers }),
    );
    expect(answers.en.status).toBe(401);
    expect(answers.en.errors[0]).toMatchObject({
      message: "The bearer token is invalid or expired",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(answers.sv.errors[0].message).toBe("Bearer-token är ogiltig eller har gått ut");
  });

  it("413 for a body over the limit", async () => {
    const big = JSON.stringify({ query: `{ __typename } # ${"x".repeat(2000)}` });
    const answers = await threeWays((headers) => post(gw.url, big, { ...auth, ...headers }));
    expect(answers.en.status).toBe(413);
    expect(answers.en.errors[0]).toMatchObject({
      message: "The request body is larger than 1000 bytes",
      extensions: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(answers.sv.errors[0].message).toBe("Begärans innehåll är större än 1000 byte");
  });

  it("a request limit (aliases) refused before execution", async () => {
    const answers = await threeWays((headers) =>
      post(gw.url, JSON.stringify({ query: ALIASES }), { ...auth, ...headers }),
    );
    expect(answers.en.errors[0]).toMatchObject({
      message: "The document has more than 15 aliases",
      extensions: { code: "TOO_MANY_ALIASES" },
    });
    expect(answers.sv.errors[0].message).toBe("Dokumentet har fler än 15 alias");
  });

  it("graphql-js's own validation errors stay English (they are for developers)", async () => {
    const sv = await post(gw.url, JSON.stringify({ query: "{ nope }" }), { ...auth, "accept-language": SWEDISH });
    expect(sv.errors[0].message).toMatch(/^Cannot query field "nope"/);
    expect(sv.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("API_DEFAULT_LANGUAGE=sv (production process)", () => {
  let gw: GatewayProcess;
  let auth: Record<string, string>;

  beforeAll(async () => {
    gw = await GatewayProcess.start({
      demoSeed: false,
      env: { API_DEFAULT_LANGUAGE: "sv", RATE_LIMIT_PER_MINUTE: "4", RATE_LIMIT_WINDOW_MS: "60000" },
    });
    auth = { authorization: `Bearer ${await gw.token(["synpunkter:read"], "default-language-user")}` };
  }, 180_000);

  afterAll(async () => {
    await gw?.stop();
  });

  it("answers in Swedish without a header, in English when asked; 429 likewise", async () => {
    const query = JSON.stringify({ query: PAGE_TOO_LARGE });
    const none = await post(gw.url, query, auth);
    expect(none.errors[0].message).toBe("first: måste vara mellan 1 och 100");
    expect(none.vary).toMatch(/accept-language/i);
    const other = await get(gw.url, MISSING, { ...auth, "accept-language": "de-DE,fr;q=0.8" });
    expect(other.errors[0].message).toBe("FeedbackItem 999999 hittades inte");
    const en = await post(gw.url, query, { ...auth, "accept-language": "en-GB" });
    expect(en.errors[0].message).toBe("first: must be between 1 and 100");
    expect(invariant(en)).toEqual(invariant(none));
    await post(gw.url, query, auth); // the fourth and last within the rate
    const refusedSv = await post(gw.url, query, auth);
    const refusedEn = await post(gw.url, query, { ...auth, "accept-language": "en" });
    expect(refusedSv.status).toBe(429);
    expect(refusedEn.status).toBe(429);
    expect(refusedSv.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(refusedEn.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(refusedSv.errors[0].message).toMatch(/^För många förfrågningar; försök igen om \d+ s$/);
    expect(refusedEn.errors[0].message).toMatch(/^Too many requests; try again in \d+ s$/);
  });
});
