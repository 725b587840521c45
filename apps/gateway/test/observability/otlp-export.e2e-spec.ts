import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";

jest.setTimeout(240_000);

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** A collector on loopback that keeps every OTLP/HTTP JSON export it is sent. */
async function startCollector(): Promise<{ server: Server; url: string; spans: OtlpSpan[]; resources: unknown[] }> {
  const spans: OtlpSpan[] = [];
  const resources: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans: { resource: unknown; scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const resourceSpan of body.resourceSpans) {
          resources.push(resourceSpan.resource);
          for (const scope of resourceSpan.scopeSpans) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, resources };
}

describe(`traces exported over OTLP by the built gateway (production mode, ${testDatabaseKind()})`, () => {
  it("sends the request's server span, in the caller's trace, and its statements' spans to OTEL_EXPORTER_OTLP_ENDPOINT; flushed at shutdown", async () => {
    const collector = await startCollector();
    const gw = await GatewayProcess.start({
      demoSeed: false,
      env: {
        OTEL_TRACES_EXPORTER: "otlp",
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: "gateway-under-test",
      },
    });
    try {
      const traceId = randomBytes(16).toString("hex");
      const callerSpanId = randomBytes(8).toString("hex");
      const token = await gw.token(["synpunkter:stats"], "otlp-test");
      const res = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          traceparent: `00-${traceId}-${callerSpanId}-01`,
        },
        body: JSON.stringify({ query: "query Areas { businessAreas { id } }", operationName: "Areas" }),
      });
      expect(res.status).toBe(200);
      await res.text();
      const traceresponse = res.headers.get("traceresponse")!;
      expect(traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
      const serverSpanId = traceresponse.split("-")[2];
      // SIGTERM: the gateway drains, then exports what its batch holds before it exits.
      await gw.stop();

      const server = collector.spans.find((s) => s.spanId === serverSpanId);
      expect(server).toMatchObject({ traceId, parentSpanId: callerSpanId, name: "Areas", kind: 2 });
      const requestId = server!.attributes.find((a) => a.key === "arbetsliv.request_id")?.value.stringValue;
      expect(requestId).toBe(res.headers.get("x-request-id"));
      const statements = collector.spans.filter((s) => s.parentSpanId === serverSpanId);
      expect(statements.length).toBeGreaterThanOrEqual(1);
      for (const span of statements) {
        expect(span.traceId).toBe(traceId);
        expect(span.kind).toBe(3); // CLIENT
      }
      expect(JSON.stringify(collector.resources)).toContain("gateway-under-test");
    } finally {
      await gw.stop();
      collector.server.close();
    }
  });
});
