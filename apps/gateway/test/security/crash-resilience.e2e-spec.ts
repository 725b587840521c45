import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { rawRequest, type RawResponse } from "./helpers";

jest.setTimeout(180_000);

/**
 * No request can take the production process down, against the built gateway as a child process
 * (the crash only showed there: in-process under NODE_ENV=test jest caught it). The request log
 * keeps only bounded strings of what the client sent; the logger never throws; an unhandled
 * rejection is logged and the process keeps serving; an uncaught exception is logged and the
 * process exits 1 after a short drain, for its supervisor to restart it.
 */
const nested = (depth: number, open: string, close: string, inner = "") =>
  open.repeat(depth) + inner + close.repeat(depth);
/** The request that killed the process: operationName an array 6 000 levels deep (12 kB). */
const DEEP_OPERATION_NAME = `{"query":"{ __typename }","operationName":${nested(6_000, "[", "]")}}`;

/** The request log line of a response (found by the id the server answered with). */
function requestLine(gw: GatewayProcess, r: RawResponse): { line: string; entry: Record<string, unknown> } | undefined {
  const id = r.headers.get("x-request-id") ?? r.requestId;
  const line = gw.logLines.find((l) => l.includes('"request"') && l.includes(id));
  return line === undefined ? undefined : { line, entry: JSON.parse(line) as Record<string, unknown> };
}

async function waitForLogLine(gw: GatewayProcess, r: RawResponse) {
  await gw.waitForLog(
    (l) => l.includes('"request"') && l.includes(r.headers.get("x-request-id") ?? r.requestId),
    5_000,
  );
  return requestLine(gw, r)!;
}

describe(`a production gateway process under hostile requests on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let token: string;
  beforeAll(async () => {
    gw = await GatewayProcess.start({ probes: true, demoSeed: false });
    token = await gw.token([], "crash-resilience");
  });
  afterAll(() => gw?.stop());

  const post = (body: string, headers: Record<string, string> = {}) => rawRequest(gw.url, { body, headers });
  async function stillServing() {
    expect(gw.alive).toBe(true);
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    const next = await post(JSON.stringify({ query: "{ __typename }" }), { authorization: `Bearer ${token}` });
    expect({ status: next.status, data: next.json?.data }).toEqual({ status: 200, data: { __typename: "Query" } });
  }

  it("answers the 6 000-level operationName with 400, keeps serving, and logs the request with no operation", async () => {
    expect(DEEP_OPERATION_NAME.length).toBeGreaterThan(12_000);
    const r = await post(DEEP_OPERATION_NAME);
    expect(r.status).toBe(400);
    expect(r.codes).toEqual(["BAD_REQUEST"]);
    const { line, entry } = await waitForLogLine(gw, r);
    expect(entry).toMatchObject({ level: "info", status: 400, path: "/graphql" });
    expect(entry).not.toHaveProperty("operation"); // not a string: not logged at all
    expect(line.length).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the crash came after the answer
    await stillServing();
  });

  it("logs only bounded strings of whatever the client sends as operationName, extensions, variables or query", async () => {
    const huge = "o".repeat(80_000);
    const bodies: [string, string][] = [
      ["object operationName", JSON.stringify({ query: "{ __typename }", operationName: { a: 1, toJSON: "x" } })],
      ["number operationName", JSON.stringify({ query: "{ __typename }", operationName: 4711 })],
      ["boolean operationName", JSON.stringify({ query: "{ __typename }", operationName: true })],
      ["deep object operationName", `{"query":"{ __typename }","operationName":${nested(6_000, '{"a":', "}", "1")}}`],
      [
        "wide array operationName",
        JSON.stringify({ query: "{ __typename }", operationName: Array.from({ length: 20_000 }, (_, i) => i) }),
      ],
      ["80 kB string operationName", JSON.stringify({ query: "query A { __typename }", operationName: huge })],
      [
        "personnummer operationName",
        JSON.stringify({ query: "query A { __typename }", operationName: "19121212-1212" }),
      ],
      ["lone surrogate operationName", `{"query":"query A { __typename }","operationName":"\\ud800x"}`],
      ["deep extensions", `{"query":"{ __typename }","extensions":${nested(6_000, '{"a":', "}", "1")}}`],
      [
        "deep array extensions",
        `{"query":"{ __typename }","extensions":{"persistedQuery":${nested(6_000, "[", "]")}}}`,
      ],
      ["deep variables", `{"query":"{ __typename }","variables":${nested(6_000, '{"a":', "}", "1")}}`],
      ["deep query", `{"query":${nested(6_000, "[", "]")}}`],
      ["object query", JSON.stringify({ query: { kind: "Document", definitions: [] } })],
      ["40 000-level body", nested(40_000, "[", "]")],
      ["huge path", "x"],
    ];
    for (const [name, body] of bodies) {
      const r =
        name === "huge path"
          ? await rawRequest(gw.url, { path: `/graphql/${"p".repeat(8_000)}`, body })
          : await post(body, { authorization: `Bearer ${token}` });
      expect({ name, server: r.status >= 500 }).toEqual({ name, server: false });
      expect({ name, alive: gw.alive }).toEqual({ name, alive: true });
      const { line, entry } = await waitForLogLine(gw, r);
      expect({ name, short: line.length < 20_000 }).toEqual({ name, short: true });
      if (entry.operation !== undefined) expect(String(entry.operation).length).toBeLessThanOrEqual(101);
    }
    const byName = (r: string) =>
      gw
        .logEntries()
        .filter((e) => e.message === "request" && typeof e.operation === "string" && e.operation.startsWith(r));
    expect(byName("ooo")[0]?.operation).toBe(`${"o".repeat(100)}…`);
    expect(gw.logLines.join("\n")).not.toContain("19121212-1212");
    expect(gw.logLines.filter((l) => /"(internal error|request failed)"/.test(l))).toEqual([]);
    await stillServing();
  });

  describe("two operations without a usable operationName (was a 500 with a stack trace in the log)", () => {
    const TWO = "query A { __typename } query B { __typename }";
    it.each([
      [
        "no operationName",
        { query: TWO },
        'The document has 2 operations (A, B): name the one to run in "operationName"',
      ],
      [
        "a null operationName",
        { query: TWO, operationName: null },
        'The document has 2 operations (A, B): name the one to run in "operationName"',
      ],
      [
        "an operationName naming no operation",
        { query: TWO, operationName: "C" },
        'No operation named "C" in the document; its operations are: A, B',
      ],
      [
        "an empty operationName",
        { query: "query A { __typename }", operationName: "" },
        'No operation named "" in the document; its operations are: A',
      ],
      [
        "a mutation and a query, no operationName",
        { query: "mutation M { closeFeedback(id: 1, expectedVersion: 1) { id } } query Q { __typename }" },
        "The document has 2 operations (M, Q)",
      ],
    ])("%s → 400 OPERATION_RESOLUTION_FAILURE naming the operations", async (_name, body, message) => {
      const r = await post(JSON.stringify(body), { authorization: `Bearer ${token}` });
      expect({ status: r.status, codes: r.codes, data: r.json?.data }).toEqual({
        status: 400,
        codes: ["OPERATION_RESOLUTION_FAILURE"],
        data: undefined,
      });
      expect(r.json?.errors?.[0].message).toContain(message);
    });

    it.each([
      [
        "two anonymous operations",
        { query: "{ __typename } { __typename }" },
        "GRAPHQL_VALIDATION_FAILED",
        /anonymous operation must be the only defined operation/,
      ],
      [
        "a named and an anonymous operation",
        { query: "query A { __typename } { __typename }", operationName: "A" },
        "GRAPHQL_VALIDATION_FAILED",
        /anonymous operation/,
      ],
      ["a number as operationName", { query: TWO, operationName: 1 }, "BAD_REQUEST", /operationName.*must be a string/],
      [
        "an object as operationName",
        { query: TWO, operationName: { name: "A" } },
        "BAD_REQUEST",
        /operationName.*must be a string/,
      ],
      [
        "a list as operationName",
        { query: TWO, operationName: ["A"] },
        "BAD_REQUEST",
        /operationName.*must be a string/,
      ],
    ])("%s → 400 with its code", async (_name, body, code, message) => {
      const r = await post(JSON.stringify(body), { authorization: `Bearer ${token}` });
      expect({ status: r.status, codes: [...new Set(r.codes)] }).toEqual({ status: 400, codes: [code] });
      expect(r.json?.errors?.[0].message).toMatch(message);
    });

    it("answers the same over GET, and logs no internal error and no stack", async () => {
      const r = await rawRequest(gw.url, {
        method: "GET",
        path: `/graphql?query=${encodeURIComponent(TWO)}`,
        headers: { authorization: `Bearer ${token}`, "apollo-require-preflight": "true" },
      });
      expect({ status: r.status, codes: r.codes }).toEqual({ status: 400, codes: ["OPERATION_RESOLUTION_FAILURE"] });
      expect(gw.logLines.filter((l) => /"(internal error|request failed)"|\s+at \S+ \(/.test(l))).toEqual([]);
    });
  });

  it("logs an unhandled promise rejection (bounded, masked) and keeps serving", async () => {
    await gw.probe("reject");
    const line = await gw.waitForLog((l) => l.includes('"level":"error"') && l.includes("unhandled promise rejection"));
    expect(line).toContain("injected rejection");
    expect(line).toContain("19121212-****");
    expect(line).not.toContain("19121212-1212");
    expect(line.length).toBeLessThan(20_000); // the message was 100 kB
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stillServing();
  });

  // Last: the process ends here.
  it("on an uncaught exception logs it, stops accepting, drains, and exits 1 within seconds", async () => {
    const began = Date.now();
    await gw.probe("throw");
    const exit = await Promise.race([
      gw.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    const took = Date.now() - began;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(took).toBeLessThan(6_000);
    const line = await gw.waitForLog((l) => l.includes('"level":"error"') && l.includes("uncaught exception"));
    expect(line).toContain("19121212-****");
    expect(line.length).toBeLessThan(20_000);
    await gw.waitForLog((l) => l.includes('"gateway stopped"'));
    console.warn(`[figures] uncaught exception → exit 1 after ${took} ms`);
  });
});
