import { context, propagation, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";

/**
 * Tracing is off unless switched on: `OTEL_TRACES_EXPORTER=otlp` (the OpenTelemetry environment
 * variable; unlike the specification's default, unset here means off). The OTLP/HTTP exporter
 * then reads its own variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT
 * (default http://localhost:4318), OTEL_EXPORTER_OTLP_HEADERS …; the SDK reads OTEL_TRACES_SAMPLER
 * and OTEL_TRACES_SAMPLER_ARG (default parentbased_always_on). OTEL_SERVICE_NAME names the process.
 */
export type TracingConfig = { exporter: "none" } | { exporter: "otlp"; serviceName: string };

const ENDPOINT_VARIABLES = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"] as const;

/** Reads the switch and checks the endpoint; `problems` gets one line per mistake, saying what to set. */
export function tracingConfigFromEnv(
  env: NodeJS.ProcessEnv,
  defaultServiceName: string,
): { config: TracingConfig; problems: string[] } {
  const problems: string[] = [];
  const exporter = (env.OTEL_TRACES_EXPORTER ?? "").trim().toLowerCase();
  if (exporter === "" || exporter === "none") return { config: { exporter: "none" }, problems };
  if (exporter !== "otlp") {
    problems.push(
      `OTEL_TRACES_EXPORTER must be otlp (traces to OTEL_EXPORTER_OTLP_ENDPOINT over OTLP/HTTP) or none (got "${env.OTEL_TRACES_EXPORTER}")`,
    );
    return { config: { exporter: "none" }, problems };
  }
  for (const name of ENDPOINT_VARIABLES) {
    const value = env[name];
    if (!value) continue;
    try {
      const url = new URL(value);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("protocol");
    } catch {
      problems.push(`${name} must be an http:// or https:// URL of an OTLP/HTTP collector (got "${value}")`);
    }
  }
  return { config: { exporter: "otlp", serviceName: env.OTEL_SERVICE_NAME || defaultServiceName }, problems };
}

/** The tracer of a process with tracing on, and how to flush it at shutdown. */
export interface Tracing {
  readonly tracer: Tracer;
  /** Exports what is buffered and stops (at shutdown, after the last request). */
  shutdown(): Promise<void>;
}

let contextManagerSet = false;

/**
 * The active span must follow a request through awaits (into resolvers and SQL statements):
 * OpenTelemetry's AsyncLocalStorage context manager, set once per process. The W3C propagator
 * (`traceparent`, `tracestate`) is set globally too, so libraries that inject headers agree.
 */
function ensureContext(): void {
  if (contextManagerSet) return;
  contextManagerSet = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

export interface CreateTracingOptions {
  /** Where spans go instead of OTLP (tests: an InMemorySpanExporter), exported span by span. */
  exporter?: SpanExporter;
}

/**
 * A tracer for `config`, or null when tracing is off: callers then skip every tracing step with one
 * branch, and nothing is allocated per request. The provider is this process's own (not the global
 * one), so a test can run gateways with separate exporters.
 */
export function createTracing(config: TracingConfig, options: CreateTracingOptions = {}): Tracing | null {
  if (config.exporter === "none" && !options.exporter) return null;
  ensureContext();
  const serviceName = config.exporter === "otlp" ? config.serviceName : "arbetsliv";
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter());
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer("@arbetsliv/core"),
    shutdown: () => provider.shutdown(),
  };
}

// For callers that pass their own exporter (tests: spans kept in memory and read back).
export { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
