import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import {
  FEDERATED_GATEWAY_MAIN,
  MONOLITH_MAIN,
  NodeProcess,
  PRODUCTION_TEST_ENV,
  SUBGRAPH_MAIN,
  token,
} from "./processes";

/**
 * Metrics and traces in the federated topology: the synpunkter subgraph and the federated gateway
 * as built child processes in production mode, exporting spans over OTLP/HTTP to a collector on
 * loopback, /metrics on with METRICS_TOKEN. Processes share one MariaDB database, so without
 * TEST_DATABASE_URL the suite is skipped (the embedded database lives inside one process).
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
const suite = databaseUrl ? describe : describe.skip;
if (!databaseUrl)
  console.warn(
    "federation observability skipped: the topology needs a database its processes share; set TEST_DATABASE_URL to MariaDB",
  );

jest.setTimeout(300_000);

interface CollectedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string } }[];
}

/** An OTLP/HTTP JSON collector on loopback keeping every span with its process's service.name. */
async function startCollector(): Promise<{ server: Server; url: string; spans: CollectedSpan[] }> {
  const spans: CollectedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { spans: Omit<CollectedSpan, "service">[] }[];
          }[];
        };
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const scope of scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

const METRICS_TOKEN = "federation-metrics-test-token-0123456789abcdef";

/** The sum of a counter's samples whose labels include every one of `labels`, from a scrape. */
function counterSum(text: string, name: string, labels: Record<string, string>): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const m = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const has = Object.entries(labels).every(([k, v]) => m[2].includes(`${k}="${v}"`));
    if (has) sum += Number(m[3]);
  }
  return sum;
}

async function scrape(baseUrl: string): Promise<string> {
  const r = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(r.status).toBe(200);
  return r.text();
}

suite("metrics and traces across the federated gateway and a subgraph", () => {
  let url = "";
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const subgraphs: NodeProcess[] = [];
  let gateway: NodeProcess;
  let subgraphBase = "";
  let gatewayBase = "";

  beforeAll(async () => {
    const { database } = splitMysqlUrl(databaseUrl!);
    url = withDatabase(databaseUrl!, `${database}_fedobs_${process.pid}_${randomBytes(3).toString("hex")}`);
    await recreateDatabase(url);
    collector = await startCollector();
    const env = { ...PRODUCTION_TEST_ENV, DATABASE_URL: url };
    // The monolith migrates and seeds the database, then stops: subgraphs never migrate.
    const migrate = NodeProcess.spawn("migrate", MONOLITH_MAIN, { ...env, DEMO_SEED: "true" });
    await migrate.urlWhenLogged("gateway started", 180_000);
    await migrate.stop();
    const observed = {
      METRICS_TOKEN,
      OTEL_TRACES_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    };
    // Only the subgraphs the operations below touch: synpunkter alone, and relationsvåld with IOP.
    const urls: string[] = [];
    for (const name of ["synpunkter", "relationsvald", "iop"]) {
      const subgraph = NodeProcess.spawn(name, SUBGRAPH_MAIN, { ...env, ...observed, SUBGRAPH: name });
      subgraphs.push(subgraph);
      urls.push(`${name}=${await subgraph.urlWhenLogged("subgraph listening", 60_000)}`);
    }
    subgraphBase = urls[0].replace(/^synpunkter=/, "").replace(/\/graphql$/, "");
    gateway = NodeProcess.spawn("federated gateway", FEDERATED_GATEWAY_MAIN, {
      ...env,
      ...observed,
      SUBGRAPH_URLS: urls.join(","),
    });
    gatewayBase = await gateway.urlWhenLogged("federated gateway listening", 60_000);
  }, 400_000);

  afterAll(async () => {
    await gateway?.stop();
    for (const subgraph of subgraphs) await subgraph.stop();
    collector?.server.close();
    if (url) await dropDatabase(url);
  }, 60_000);

  it("a subgraph's /metrics needs the token, and counts the requests the gateway sent it", async () => {
    expect((await fetch(`${subgraphBase}/metrics`)).status).toBe(401);
    const series = { service: "subgraph-synpunkter", status: "200" };
    const before = counterSum(await scrape(subgraphBase), "arbetsliv_graphql_requests_total", series);
    const bearer = `Bearer ${await token(["synpunkter:read"])}`;
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${gatewayBase}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: bearer },
        body: JSON.stringify({
          query: `query Count { feedbackItems(first: 1) { totalCount } }`,
          operationName: "Count",
        }),
      });
      expect(r.status).toBe(200);
      await r.text();
    }
    const after = counterSum(await scrape(subgraphBase), "arbetsliv_graphql_requests_total", series);
    expect(after - before).toBe(3);
    // The gateway counts them at its own /metrics.
    const gatewayCount = counterSum(await scrape(gatewayBase), "arbetsliv_graphql_requests_total", {
      service: "federated-gateway",
      operation: "Count",
      status: "200",
    });
    expect(gatewayCount).toBe(3);
  });

  /** A traced request to the gateway: the trace id and the gateway's request id. */
  async function traced(query: string, operationName: string, scopes: string[]) {
    const traceId = randomBytes(16).toString("hex");
    const callerSpanId = randomBytes(8).toString("hex");
    const r = await fetch(`${gatewayBase}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await token(scopes)}`,
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({ query, operationName }),
    });
    const body = (await r.json()) as { data?: unknown; errors?: unknown };
    expect({ status: r.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
    return { traceId, callerSpanId, requestId: r.headers.get("x-request-id")!, operationName };
  }

  it("a request with a traceparent: the gateway's server span and each subgraph's in the caller's trace, one request id", async () => {
    // One subgraph (the gateway's direct path) and two (Hive Gateway's query plan, signing-plugin.ts).
    const single = await traced(`query Traced { feedbackItems(first: 2) { nodes { id } } }`, "Traced", [
      "synpunkter:read",
    ]);
    const cross = await traced(
      `query Crossed { placementProviders(first: 5) { nodes { name iopPartnerships { title } } } }`,
      "Crossed",
      ["relationsvald:read", "iop:read"],
    );
    // SIGTERM: each process drains and exports what its batch holds before it exits.
    await gateway.stop();
    for (const subgraph of subgraphs) await subgraph.stop();

    const attribute = (s: CollectedSpan, key: string) => s.attributes.find((a) => a.key === key)?.value.stringValue;
    for (const [request, services] of [
      [single, ["synpunkter"]],
      [cross, ["relationsvald", "iop"]],
    ] as const) {
      const inTrace = collector.spans.filter((s) => s.traceId === request.traceId);
      const gatewaySpan = inTrace.find((s) => s.service === "arbetsliv-federated-gateway" && s.kind === 2);
      expect(gatewaySpan).toMatchObject({ parentSpanId: request.callerSpanId, name: request.operationName });
      expect(attribute(gatewaySpan!, "arbetsliv.request_id")).toBe(request.requestId);
      for (const service of services) {
        const subgraphSpans = inTrace.filter((s) => s.service === `arbetsliv-subgraph-${service}` && s.kind === 2);
        expect({ service, spans: subgraphSpans.length }).toEqual({ service, spans: 1 });
        // The subgraph continues the gateway's span (the signed traceparent) under the gateway's request id.
        expect(subgraphSpans[0].parentSpanId).toBe(gatewaySpan!.spanId);
        expect(attribute(subgraphSpans[0], "arbetsliv.request_id")).toBe(request.requestId);
        // Its statements are its children.
        const statements = inTrace.filter((s) => s.parentSpanId === subgraphSpans[0].spanId);
        expect(statements.length).toBeGreaterThanOrEqual(1);
        expect(statements.every((s) => s.kind === 3)).toBe(true);
      }
    }
  });
});
