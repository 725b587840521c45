import { ROOT_CONTEXT, context, trace } from "@opentelemetry/api";
import { forwardedRequestId, forwardingHeaders } from "./request-ids";
import { createTracing, InMemorySpanExporter, tracingConfigFromEnv } from "./tracing";

describe("tracing configuration", () => {
  it("is off unless OTEL_TRACES_EXPORTER=otlp, and names bad values and endpoints", () => {
    expect(tracingConfigFromEnv({}, "svc")).toEqual({ config: { exporter: "none" }, problems: [] });
    expect(tracingConfigFromEnv({ OTEL_TRACES_EXPORTER: "none" }, "svc").config).toEqual({ exporter: "none" });
    expect(tracingConfigFromEnv({ OTEL_TRACES_EXPORTER: "otlp" }, "svc").config).toEqual({
      exporter: "otlp",
      serviceName: "svc",
    });
    expect(
      tracingConfigFromEnv({ OTEL_TRACES_EXPORTER: "otlp", OTEL_SERVICE_NAME: "gw-2" }, "svc").config,
    ).toMatchObject({ serviceName: "gw-2" });
    expect(tracingConfigFromEnv({ OTEL_TRACES_EXPORTER: "jaeger" }, "svc").problems[0]).toMatch(
      /^OTEL_TRACES_EXPORTER must be otlp .* or none \(got "jaeger"\)/,
    );
    expect(
      tracingConfigFromEnv({ OTEL_TRACES_EXPORTER: "otlp", OTEL_EXPORTER_OTLP_ENDPOINT: "localhost:4318" }, "svc")
        .problems[0],
    ).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT must be an http:\/\/ or https:\/\/ URL/);
    expect(createTracing({ exporter: "none" })).toBeNull();
  });
});

describe("headers forwarded to another process", () => {
  it("carry the active span's trace context and the request ids; nothing of a trace without a span", async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing({ exporter: "none" }, { exporter })!;
    const span = tracing.tracer.startSpan("request");
    const headers = context.with(trace.setSpan(ROOT_CONTEXT, span), () =>
      forwardingHeaders({ requestId: "req_abc", correlationId: "client-1" }, { accept: "application/json" }),
    );
    const { traceId, spanId } = span.spanContext();
    expect(headers).toEqual({
      accept: "application/json",
      traceparent: `00-${traceId}-${spanId}-01`,
      "x-request-id": "req_abc",
      "x-correlation-id": "client-1",
    });
    span.end();
    expect(forwardingHeaders({ requestId: "req_abc", correlationId: "bad id\r\nx: y" })).toEqual({
      "x-request-id": "req_abc",
    });
    expect(forwardedRequestId({ "x-request-id": "req_abc" })).toBe("req_abc");
    expect(forwardedRequestId({ "x-request-id": "x".repeat(65) })).toBeUndefined();
    expect(forwardedRequestId({ "x-request-id": "a b" })).toBeUndefined();
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(["request"]);
    await tracing.shutdown();
  });
});
