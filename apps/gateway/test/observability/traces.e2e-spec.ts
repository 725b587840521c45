import { randomBytes } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import { signDevelopmentToken } from "@arbetsliv/core";
import { InMemorySpanExporter, type ReadableSpan } from "@arbetsliv/core/observability";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { startTracedGateway } from "./in-process-gateway";
import { parsePrometheusText, valueOf } from "./prometheus-text";

jest.setTimeout(240_000);

const METRICS_TOKEN = "traces-test-metrics-token-0123456789-abcdefgh";
/** A description no statement text may hold: it reaches SQL only as a parameter. */
const MARKER = `obsmarker${Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;
/** An id asked for: a parameter of the lookup. */
const ASKED_ID = "987654321";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
/** Every string a span holds: its name and attribute values. */
const textsOf = (span: ReadableSpan) => [span.name, ...Object.values(span.attributes).map(String)];

describe(`traces of GraphQL requests and their SQL (in-process, ${testDatabaseKind()})`, () => {
  const exporter = new InMemorySpanExporter();
  let gw: Awaited<ReturnType<typeof startTracedGateway>>;
  let secret: string;

  beforeAll(async () => {
    // The relay runs elsewhere (EVENTS_RELAY=external): the mutation's event stays in the outbox, unsequenced.
    gw = await startTracedGateway({ DEMO_SEED: "true", EVENTS_RELAY: "external", METRICS_TOKEN }, exporter);
    secret = gw.config.auth.kind === "secret" ? gw.config.auth.secret : "";
  }, 200_000);
  afterAll(async () => {
    await gw?.stop();
  });
  beforeEach(() => exporter.reset());

  async function post(body: unknown, scopes: string[], headers: Record<string, string> = {}) {
    const token = await signDevelopmentToken(secret, { sub: "trace-test", scopes });
    const res = await fetch(`${gw.gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { res, json: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  }

  /** The server span of the request with this server request id, and the spans under it. */
  function spansOf(requestId: string) {
    const spans = exporter.getFinishedSpans();
    const server = spans.filter((s) => s.attributes["arbetsliv.request_id"] === requestId);
    expect(server).toHaveLength(1);
    const children = spans.filter((s) => parentOf(s) === server[0].spanContext().spanId);
    return { server: server[0], children, all: spans };
  }

  it("continues an incoming traceparent: a server span named after the operation, with the caller's trace and parent, and SQL child spans without values", async () => {
    const traceId = hex(16);
    const callerSpanId = hex(8);
    const { res, json } = await post(
      {
        query: "query OneItem($id: ID!) { feedbackItem(id: $id) { id } }",
        operationName: "OneItem",
        variables: { id: ASKED_ID },
      },
      ["synpunkter:read"],
      { traceparent: `00-${traceId}-${callerSpanId}-01`, "x-request-id": "client-id-42.a" },
    );
    expect(res.status).toBe(200);
    expect(json.errors).toBeDefined(); // NOT_FOUND: the lookup ran and found nothing
    const requestId = res.headers.get("x-request-id")!;
    const { server, children } = spansOf(requestId);

    expect(server.name).toBe("OneItem");
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.spanContext().traceId).toBe(traceId);
    expect(parentOf(server)).toBe(callerSpanId);
    expect(server.attributes["arbetsliv.correlation_id"]).toBe("client-id-42.a");
    expect(server.attributes["graphql.operation.name"]).toBe("OneItem");
    expect(server.attributes["http.response.status_code"]).toBe(200);
    // The answer names the trace and the server's span.
    expect(res.headers.get("traceresponse")).toBe(`00-${traceId}-${server.spanContext().spanId}-01`);

    const sql = children.filter((s) => s.kind === SpanKind.CLIENT);
    expect(sql.length).toBeGreaterThanOrEqual(1); // the lookup by id
    expect(sql.length).toBe(children.length);
    for (const span of sql) {
      expect(span.spanContext().traceId).toBe(traceId);
      expect(span.attributes["db.system.name"]).toBe(testDatabaseKind() === "sqljs" ? "sqlite" : "mariadb");
      expect(String(span.attributes["db.query.text"])).toMatch(
        /^(SELECT|INSERT|UPDATE|DELETE|START|BEGIN|COMMIT|ROLLBACK|SET)/i,
      );
      for (const text of textsOf(span)) expect(text).not.toContain(ASKED_ID);
    }
    expect(sql.some((s) => s.attributes["db.operation.name"] === "SELECT")).toBe(true);
  });

  it("keeps a mutation's values out of every span, and the outbox gauge counts the event it left", async () => {
    const areas = await post({ query: "{ businessAreas { id } }" }, ["synpunkter:stats"]);
    const businessAreaId = (areas.json.data!.businessAreas as { id: string }[])[0].id;
    const scrapeOutbox = async () => {
      const res = await fetch(`${gw.gateway.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      const samples = parsePrometheusText(await res.text());
      return {
        pending: valueOf(samples, "arbetsliv_outbox_pending_events", { stage: "sequence" }),
        oldestSeconds: valueOf(samples, "arbetsliv_outbox_oldest_pending_seconds", { stage: "sequence" }),
      };
    };
    const testStarted = Date.now();
    const before = await scrapeOutbox();
    exporter.reset();
    const { res, json } = await post(
      {
        query: "mutation Register($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }",
        operationName: "Register",
        variables: {
          input: {
            kind: "QUESTION",
            criterion: "INFORMATION",
            businessAreaId,
            channel: "E_SERVICE",
            description: MARKER,
            wantsReply: false,
          },
        },
      },
      ["synpunkter:write"],
    );
    expect(json.errors).toBeUndefined();
    const { server, children, all } = spansOf(res.headers.get("x-request-id")!);
    expect(server.name).toBe("Register");
    expect(parentOf(server)).toBeUndefined(); // no traceparent: a trace of its own
    expect(children.some((s) => s.attributes["db.operation.name"] === "INSERT")).toBe(true);
    for (const span of all) for (const text of textsOf(span)) expect(text).not.toContain(MARKER);

    // Computed from the outbox's rows: the same count the database gives, one more than before.
    const rows = (await gw.gateway.ds.query(
      `SELECT COUNT(*) AS n FROM ${gw.gateway.ds.driver.escape("event_outbox")} WHERE ${gw.gateway.ds.driver.escape("position")} IS NULL`,
    )) as { n: number | string }[];
    const after = await scrapeOutbox();
    expect(after.pending).toBe(Number(rows[0].n));
    expect(after.pending).toBe(before.pending + 1);
    // The lag is the oldest waiting event's age: no older than the demo data's events, never negative.
    expect(after.oldestSeconds).toBeGreaterThanOrEqual(0);
    if (before.pending === 0) expect(after.oldestSeconds).toBeLessThanOrEqual((Date.now() - testStarted) / 1000);
  });

  it("starts a new trace for a malformed traceparent, and traces no statement outside a request", async () => {
    const { res } = await post({ query: "{ businessAreas { id } }" }, ["synpunkter:stats"], {
      traceparent: "00-not-a-trace-01",
    });
    const { server, children, all } = spansOf(res.headers.get("x-request-id")!);
    expect(parentOf(server)).toBeUndefined();
    expect(server.name).toBe("graphql"); // anonymous operation
    expect(children.length).toBeGreaterThanOrEqual(1);
    // Every statement span belongs to a request's server span.
    const serverIds = new Set(all.filter((s) => s.kind === SpanKind.SERVER).map((s) => s.spanContext().spanId));
    for (const span of all.filter((s) => s.kind === SpanKind.CLIENT)) expect(serverIds.has(parentOf(span)!)).toBe(true);
  });
});
