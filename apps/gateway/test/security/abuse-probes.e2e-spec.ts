import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { allScopes, rawRequest, type RawResponse } from "./helpers";
import { PROBES } from "./probes";
import { modules } from "../../src/modules";

/**
 * The probes GraphQL security scanners send (graphql-cop, InQL, Escape, clairvoyance…), against
 * the built gateway as a child process in production mode. Each is refused before execution with
 * a stable code: no SQL statement runs (the `statements` field of the request's log line, which
 * counts every statement run in the request's async context), and the process stays up.
 */
// Starting a production gateway on MariaDB with the demo data takes a while.
jest.setTimeout(180_000);

describe(`GraphQL abuse probes over HTTP on ${testDatabaseKind()} (built gateway, production mode)`, () => {
  let gw: GatewayProcess;
  let token: string;
  const refused: string[] = [];

  beforeAll(async () => {
    gw = await GatewayProcess.start();
    // A caller with every scope: the limits hold for privileged clients too.
    token = await gw.token(allScopes(modules), "probe-client");
  });
  afterAll(async () => {
    await gw?.stop();
    console.warn(`[figures] abuse probes refused before execution: ${refused.length} of ${PROBES.length}`);
  });

  function post(body: unknown): Promise<RawResponse> {
    return rawRequest(gw.url, {
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}` },
    });
  }

  /** The request's log line (written when the response is finished), with the statements it ran. */
  async function requestLog(requestId: string): Promise<Record<string, unknown>> {
    const line = await gw.waitForLog((l) => l.includes(`"${requestId}"`) && l.includes('"message":"request"'));
    return JSON.parse(line) as Record<string, unknown>;
  }

  it.each(PROBES.map((p) => [p.name, p] as const))("refuses %s", async (_name, probe) => {
    const r = await post(probe.body);
    expect({ status: r.status, codes: r.codes }).toEqual({
      status: probe.status,
      codes: expect.arrayContaining([probe.code]),
    });
    expect(r.json?.data ?? undefined).toBeUndefined();
    // Clear message, the request id to quote, nothing internal.
    expect(r.json?.errors?.[0].message.length).toBeGreaterThan(10);
    expect(r.json?.errors?.[0].extensions?.requestId ?? r.headers.get("x-request-id")).toBe(r.requestId);
    expect(r.text).not.toMatch(/SELECT |INSERT /);
    // Refused before execution: not a single SQL statement.
    const log = await requestLog(r.requestId);
    expect(log.status).toBe(probe.status);
    expect(log.statements ?? 0).toBe(0);
    expect(gw.alive).toBe(true);
    refused.push(probe.name);
  });

  it("counts `first: $variable` conservatively and still refuses a huge page at the resolver, before any SQL", async () => {
    const r = await post({
      query: `query($n: Int) { feedbackItems(first: $n) { totalCount } }`,
      variables: { n: 1_000_000 },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.json?.errors?.[0].message).toContain("first");
    expect((await requestLog(r.requestId)).statements ?? 0).toBe(0);
  });

  it("refuses a 90 kB string in variables with BAD_USER_INPUT naming the field, writing nothing", async () => {
    const r = await post({
      query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
      variables: {
        input: {
          kind: "COMPLAINT",
          criterion: "SERVICES",
          businessAreaId: "1",
          channel: "EMAIL",
          description: "x".repeat(90_000),
        },
      },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.json?.errors?.[0].message).toContain("description");
    expect((await requestLog(r.requestId)).statements ?? 0).toBe(0);
  });

  it("refuses an oversized chunked body (no content-length): 413 or a closed connection, never processed", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const result = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        "x-request-id": "sec-chunked-flood",
      },
      body: stream,
      duplex: "half",
    } as RequestInit).then(
      (res) => res.status,
      (e: { cause?: { code?: string } }) => e.cause?.code ?? "fetch failed",
    );
    // The gateway stops reading at the limit and closes the connection; the client sees 413 or a reset.
    expect([413, "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]).toContain(result);
    const log = await requestLog("sec-chunked-flood");
    expect(log.status).toBe(413);
    expect(log.statements ?? 0).toBe(0);
  });

  it("still answers ordinary requests after the probes", async () => {
    const r = await rawRequest(gw.url, {
      body: JSON.stringify({ query: "{ businessAreas { id name } }" }),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
    expect((r.json?.data?.businessAreas as unknown[]).length).toBeGreaterThan(0);
    expect(gw.alive).toBe(true);
  });
});
