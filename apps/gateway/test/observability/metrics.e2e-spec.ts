import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { parsePrometheusText, valueOf, type Sample } from "./prometheus-text";

jest.setTimeout(240_000);

const METRICS_TOKEN = "metrics-test-token-0123456789-abcdefghijklmnop";
const RATE_LIMIT = 12;
const REQUESTS = "arbetsliv_graphql_requests_total";
const DURATION = "arbetsliv_graphql_request_duration_seconds";
const REFUSALS = "arbetsliv_rate_limit_refusals_total";

async function scrape(gw: GatewayProcess, token = METRICS_TOKEN): Promise<Sample[]> {
  const res = await fetch(`${gw.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

async function post(gw: GatewayProcess, body: unknown, token?: string): Promise<number> {
  const res = await fetch(`${gw.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

describe(`/metrics of the built gateway (production mode, ${testDatabaseKind()})`, () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    gw = await GatewayProcess.start({
      demoSeed: false,
      env: { METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    });
  }, 180_000);
  afterAll(async () => {
    await gw?.stop();
  });

  it("refuses a scrape without the token or with another one (401, nothing of the figures in the answer)", async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: "Bearer wrong-token-of-the-same-length-0123456789abcd" },
      { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString("base64")}` },
      { authorization: `Bearer ${METRICS_TOKEN}x` },
    ]) {
      const res = await fetch(`${gw.url}/metrics`, { headers });
      const text = await res.text();
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe("Bearer");
      expect(text).not.toContain("arbetsliv_");
      expect(text).not.toContain("process_");
    }
  });

  it("counts requests by operation and status by exactly the requests sent, with latency buckets", async () => {
    const before = await scrape(gw);
    const token = await gw.token([], "metrics-counts");
    const named = { query: "query CountMe { __typename }", operationName: "CountMe" };
    for (let i = 0; i < 3; i++) expect(await post(gw, named, token)).toBe(200);
    // Anonymous, malformed and identity-like names share one label; none becomes a label value.
    const unknown = [
      { query: "{ __typename }" },
      { query: "query Op191212121212 { __typename }", operationName: "Op191212121212" },
      { query: "{ __typename }", operationName: "not a name" },
      { query: "{ __typename }", operationName: 42 },
    ];
    const unknownStatuses = [];
    for (const body of unknown) unknownStatuses.push(await post(gw, body, token));
    const after = await scrape(gw);

    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(delta(REQUESTS, { operation: "CountMe", status: "200" })).toBe(3);
    const unknownByStatus = new Map<number, number>();
    for (const status of unknownStatuses) unknownByStatus.set(status, (unknownByStatus.get(status) ?? 0) + 1);
    for (const [status, count] of unknownByStatus)
      expect(delta(REQUESTS, { operation: "(unknown)", status: String(status) })).toBe(count);
    expect(delta(`${DURATION}_count`, { operation: "CountMe" })).toBe(3);
    // Every bucket is there, cumulative, and +Inf holds all the requests.
    const buckets = after
      .filter((s) => s.name === `${DURATION}_bucket` && s.labels.operation === "CountMe")
      .map((s) => ({ le: s.labels.le, value: s.value }));
    expect(buckets.map((b) => b.le)).toEqual([
      "0.005",
      "0.01",
      "0.025",
      "0.05",
      "0.1",
      "0.25",
      "0.5",
      "1",
      "2.5",
      "5",
      "10",
      "15",
      "+Inf",
    ]);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i].value).toBeGreaterThanOrEqual(buckets[i - 1].value);
    expect(buckets.at(-1)!.value).toBe(valueOf(after, `${DURATION}_count`, { operation: "CountMe" }));
    expect(valueOf(after, `${DURATION}_sum`, { operation: "CountMe" })).toBeGreaterThan(0);

    // No label value holds a run of digits (an identity number, a case id) or the malformed names.
    const labelValues = after.flatMap((s) => Object.entries(s.labels).filter(([key]) => key !== "le"));
    for (const [key, value] of labelValues) {
      expect(`${key}=${value}`).not.toMatch(/\d{6}/);
      expect(value).not.toBe("not a name");
    }
  });

  it("counts every 429 of the rate limit as a refusal", async () => {
    const before = await scrape(gw);
    const token = await gw.token([], "metrics-refusals");
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 3; i++)
      statuses.push(await post(gw, { query: "query Spend { __typename }", operationName: "Spend" }, token));
    const after = await scrape(gw);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    expect(valueOf(after, REFUSALS) - valueOf(before, REFUSALS)).toBe(3);
    // Refused before the body is read: their operation is not known.
    expect(
      valueOf(after, REQUESTS, { operation: "(unknown)", status: "429" }) -
        valueOf(before, REQUESTS, { operation: "(unknown)", status: "429" }),
    ).toBe(3);
    expect(
      valueOf(after, REQUESTS, { operation: "Spend", status: "200" }) -
        valueOf(before, REQUESTS, { operation: "Spend", status: "200" }),
    ).toBe(RATE_LIMIT);
  });

  it("traces nothing by default: no traceresponse, also for a request with a traceparent", async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        traceparent: `00-${"ab".repeat(16)}-${"cd".repeat(8)}-01`,
      },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("traceresponse")).toBeNull();
    expect(res.headers.get("traceparent")).toBeNull();
  });

  it("reports the database pool, the outbox's backlog and the process", async () => {
    const samples = await scrape(gw);
    const embedded = testDatabaseKind() === "sqljs";
    const pool = embedded ? "embedded" : "primary";
    const inUse = valueOf(samples, "arbetsliv_db_pool_connections", { pool, state: "in_use" });
    const idle = valueOf(samples, "arbetsliv_db_pool_connections", { pool, state: "idle" });
    const max = valueOf(samples, "arbetsliv_db_pool_max_connections", { pool });
    expect(max).toBe(embedded ? 1 : 10);
    // Between requests nothing holds a connection; MariaDB's pool has opened at least one.
    expect(inUse).toBe(0);
    expect(idle).toBeGreaterThanOrEqual(1);
    expect(inUse + idle).toBeLessThanOrEqual(max);
    expect(valueOf(samples, "arbetsliv_db_pool_waiting_requests", { pool })).toBe(0);
    // No demo data and the relay in-process: nothing waits in the outbox.
    expect(samples.some((s) => s.name === "arbetsliv_outbox_pending_events" && s.labels.stage === "sequence")).toBe(
      true,
    );
    expect(valueOf(samples, "arbetsliv_outbox_oldest_pending_seconds", { stage: "sequence" })).toBe(0);
    // Without NATS nothing is published, so that stage is not reported.
    expect(samples.some((s) => s.name === "arbetsliv_outbox_pending_events" && s.labels.stage === "publish")).toBe(
      false,
    );
    expect(valueOf(samples, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(samples.some((s) => s.name === "nodejs_eventloop_lag_seconds")).toBe(true);
    expect(samples.every((s) => s.labels.service === "gateway")).toBe(true);
  });
});

describe(`/metrics off by default (production mode, ${testDatabaseKind()})`, () => {
  it("does not exist without METRICS_TOKEN (404, also with a token), and a short token stops the start naming the variable", async () => {
    const gw = await GatewayProcess.start({ demoSeed: false });
    try {
      for (const headers of <Record<string, string>[]>[{}, { authorization: `Bearer ${METRICS_TOKEN}` }]) {
        const res = await fetch(`${gw.url}/metrics`, { headers });
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain("arbetsliv_");
      }
    } finally {
      await gw.stop();
    }
    const weak = await GatewayProcess.launch({ demoSeed: false, env: { METRICS_TOKEN: "short" } });
    try {
      expect(await weak.exited).toEqual({ code: 2, signal: null });
      expect(weak.stderr).toContain("METRICS_TOKEN must be at least 32 characters");
    } finally {
      await weak.stop();
    }
  });
});
