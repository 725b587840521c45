import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { wsUrl } from "../events/ws-client";

jest.setTimeout(240_000);

/**
 * TRUSTED_DOCUMENTS on the built gateway in production mode: only the documents in the
 * manifests run (by id, or by their exact text); anything else is 400 with a stable code, over
 * HTTP (POST and GET) and graphql-ws; a bad manifest stops the start naming the file and entry.
 * Automatic persisted queries stay off in both modes, answered with a code, never a 500.
 */
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

// The texts as the client preset prints them (one line, normalized): what a manifest holds.
const COUNT = "query FeedbackCount { feedbackItems(first: 1) { totalCount } }";
const TYPENAME = "query Typename { __typename }";
const LIVE = "subscription Live { events { id type } }";
const UNLISTED = "query Unlisted { feedbackItems(first: 2) { totalCount } }";

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(gw: GatewayProcess, token: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

async function get(gw: GatewayProcess, token: string, params: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${gw.url}/graphql?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" },
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const codeOf = (a: Answer) => `${a.status} ${String(a.body.errors?.[0]?.extensions?.code)}`;

/**
 * One graphql-ws subscribe with any payload (graphql-ws passes fields beyond its own through):
 * the errors it was refused with, as JSON, or "started" once the gateway logs it running for `subject`.
 */
async function subscribeOnce(
  gw: GatewayProcess,
  token: string,
  subject: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const client = createClient({
    url: wsUrl(gw),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const before = gw.logLines.length;
  try {
    return await new Promise<string>((resolve) => {
      const stop = client.subscribe(payload as { query: string }, {
        next: (value) => value.errors && resolve(JSON.stringify(value.errors)),
        error: (error) => resolve(JSON.stringify(error)),
        complete: () => resolve("complete"),
      });
      gw.waitForLog(
        (l) => gw.logLines.indexOf(l) >= before && l.includes('"subscription started"') && l.includes(`"${subject}"`),
        20_000,
      ).then(
        () => (stop(), resolve("started")),
        () => undefined,
      );
    });
  } finally {
    await client.dispose();
  }
}

describe(`trusted documents on the built gateway (production, ${testDatabaseKind()})`, () => {
  let dir: string;
  let trusted: GatewayProcess;
  let open: GatewayProcess;
  let teamA: string;
  let teamB: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "arbetsliv-trusted-e2e-"));
    // Two teams' manifests side by side, as the client preset writes them (hash → text).
    teamA = join(dir, "team-a.json");
    teamB = join(dir, "team-b.json");
    writeFileSync(teamA, JSON.stringify({ [sha256(COUNT)]: COUNT, [sha256(TYPENAME)]: TYPENAME }, null, 2));
    writeFileSync(teamB, JSON.stringify({ [sha256(LIVE)]: LIVE, [sha256(TYPENAME)]: TYPENAME }, null, 2));
    [trusted, open] = await Promise.all([
      GatewayProcess.start({ demoSeed: false, env: { TRUSTED_DOCUMENTS: `${teamA},${teamB}` } }),
      GatewayProcess.start({ demoSeed: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([trusted?.stop(), open?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs a listed document by documentId (sha256:<hex> or the bare hex) and by its exact text", async () => {
    const token = await trusted.token(["synpunkter:read"]);
    for (const body of [
      { documentId: `sha256:${sha256(COUNT)}` },
      { documentId: sha256(COUNT), operationName: "FeedbackCount", variables: {} },
      { query: COUNT },
    ]) {
      const answer = await post(trusted, token, body);
      expect({ body, status: answer.status, errors: answer.body.errors }).toEqual({
        body,
        status: 200,
        errors: undefined,
      });
      expect(answer.body.data).toEqual({ feedbackItems: { totalCount: expect.any(Number) } });
    }
  });

  it("runs a listed document by id over GET", async () => {
    const token = await trusted.token(["synpunkter:read"]);
    const answer = await get(trusted, token, { documentId: `sha256:${sha256(COUNT)}` });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ feedbackItems: { totalCount: expect.any(Number) } });
    expect(codeOf(await get(trusted, token, { query: UNLISTED }))).toBe("400 OPERATION_NOT_TRUSTED");
  });

  it("refuses an unlisted text, an unknown id and a malformed id with 400 and a stable code", async () => {
    const token = await trusted.token(["synpunkter:read"]);
    const unlisted = await post(trusted, token, { query: UNLISTED });
    expect(codeOf(unlisted)).toBe("400 OPERATION_NOT_TRUSTED");
    expect(unlisted.body.errors![0]).toMatchObject({
      message: expect.stringMatching(/runs only trusted documents/),
      extensions: { field: "query", requestId: expect.stringMatching(/^req_/) },
    });
    expect(unlisted.body.data).toBeUndefined();
    const unknown = await post(trusted, token, { documentId: `sha256:${sha256(UNLISTED)}` });
    expect(codeOf(unknown)).toBe("400 PERSISTED_DOCUMENT_NOT_FOUND");
    expect(unknown.body.errors![0].message).toContain(sha256(UNLISTED));
    expect(codeOf(await post(trusted, token, { documentId: "sha1:abc" }))).toBe("400 BAD_REQUEST");
    expect(codeOf(await post(trusted, token, { documentId: sha256(COUNT), query: COUNT }))).toBe("400 BAD_REQUEST");
    // Introspection is a document like any other: not listed, not run.
    expect(codeOf(await post(trusted, token, { query: "{ __schema { types { name } } }" }))).toBe(
      "400 OPERATION_NOT_TRUSTED",
    );
  });

  it("logs the refusal's code on the request line", async () => {
    const token = await trusted.token(["synpunkter:read"], "trusted-logged");
    await post(trusted, token, { query: UNLISTED });
    const line = await trusted.waitForLog((l) => l.includes('"trusted-logged"') && l.includes('"message":"request"'));
    expect(JSON.parse(line)).toMatchObject({ status: 400, refused: ["OPERATION_NOT_TRUSTED"] });
  });

  it("answers automatic persisted queries with a code in both modes, never a 500", async () => {
    const apq = (hash: string, query?: string) => ({
      ...(query ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    // Without a list: Apollo's answer (APQ is off), 200 as the APQ protocol wants, so its clients fall back to the text.
    const openToken = await open.token(["synpunkter:read"]);
    for (const body of [apq(sha256(COUNT)), apq(sha256(COUNT), COUNT)])
      expect(codeOf(await post(open, openToken, body))).toBe("200 PERSISTED_QUERY_NOT_SUPPORTED");
    // With a list: the hash names a listed document or is refused like any unknown id.
    const token = await trusted.token(["synpunkter:read"]);
    const listed = await post(trusted, token, apq(sha256(COUNT)));
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual({ feedbackItems: { totalCount: expect.any(Number) } });
    expect(codeOf(await post(trusted, token, apq(sha256(UNLISTED))))).toBe("400 PERSISTED_DOCUMENT_NOT_FOUND");
    expect(codeOf(await post(trusted, token, apq(sha256(UNLISTED), UNLISTED)))).toBe("400 OPERATION_NOT_TRUSTED");
  });

  it("without a list: refuses a documentId (POST and GET), runs any text as before", async () => {
    const token = await open.token(["synpunkter:read"]);
    expect(codeOf(await post(open, token, { documentId: `sha256:${sha256(COUNT)}` }))).toBe(
      "400 PERSISTED_DOCUMENT_NOT_SUPPORTED",
    );
    expect(codeOf(await get(open, token, { documentId: sha256(COUNT) }))).toBe("400 PERSISTED_DOCUMENT_NOT_SUPPORTED");
    const text = await post(open, token, { query: UNLISTED });
    expect(text.status).toBe(200);
    expect(text.body.errors).toBeUndefined();
  });

  it("holds graphql-ws subscriptions to the same list: an unlisted document is refused, a listed id runs", async () => {
    const token = await trusted.token(["synpunkter:events"], "trusted-subscriber");
    const subject = "trusted-subscriber";
    expect(await subscribeOnce(trusted, token, subject, { query: "subscription Other { events { id } }" })).toContain(
      "OPERATION_NOT_TRUSTED",
    );
    expect(await subscribeOnce(trusted, token, subject, { query: "", documentId: sha256(UNLISTED) })).toContain(
      "PERSISTED_DOCUMENT_NOT_FOUND",
    );
    expect(await subscribeOnce(trusted, token, subject, { query: "", documentId: `sha256:${sha256(LIVE)}` })).toBe(
      "started",
    );
    expect(await subscribeOnce(trusted, token, subject, { query: LIVE })).toBe("started");
  });

  it("serves no GraphiQL page in trusted mode", async () => {
    const res = await fetch(`${trusted.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await res.text()).not.toContain("graphiql");
  });

  it("does not start with a bad manifest, naming the file and the entry (exit code 2)", async () => {
    const bad = join(dir, "team-c.json");
    const wrongKey = sha256("not the text");
    writeFileSync(bad, JSON.stringify({ [sha256(TYPENAME)]: TYPENAME, [wrongKey]: COUNT }));
    const gw = await GatewayProcess.launch({ demoSeed: false, env: { TRUSTED_DOCUMENTS: `${teamA},${bad}` } });
    try {
      const exit = await gw.exited;
      expect(exit.code).toBe(2);
      expect(gw.stderr).toContain(
        `TRUSTED_DOCUMENTS: ${bad}: entry "${wrongKey}": the key is not the sha256 of its text (that is ${sha256(COUNT)})`,
      );
      expect(gw.logLines.some((l) => l.includes('"gateway started"'))).toBe(false);
    } finally {
      await gw.stop();
    }
  });
});
