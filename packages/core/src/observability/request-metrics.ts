import type { Metric, MetricValue, MetricValueWithName, Registry } from "prom-client";
import { DEFAULT_OPERATION_LIMIT, OperationLabels } from "./operation-label";

/** Latency buckets in seconds: 5 ms … 15 s (the gateway's default request timeout). */
export const REQUEST_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/** One operation label's figures since start. */
interface OperationFigures {
  operation: string;
  /** Requests by HTTP status. */
  byStatus: Map<number, number>;
  /** Requests per latency bucket (not cumulative; the last slot is +Inf). */
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * A metric of the registry written from our own figures when scraped. prom-client's own
 * counters and histograms hash their label values on every increment (~0.5 µs a request for
 * both); here a request costs a Map lookup, a bucket search and a few additions, and the
 * exposition is built only when /metrics is read.
 */
class CollectedMetric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: "counter" | "histogram",
    private readonly values: () => (MetricValue<string> | MetricValueWithName<string>)[],
  ) {}

  /** What the registry writes out (the shape of prom-client's own metrics' get()). */
  async get() {
    return { name: this.name, help: this.help, type: this.type, aggregator: "sum", values: this.values() };
  }

  reset(): void {}
}

/**
 * GraphQL requests by operation and HTTP status (`<prefix>graphql_requests_total`), and their
 * latency by operation (`<prefix>graphql_request_duration_seconds`, a histogram). Figures are kept
 * per operation label (OperationLabels: at most `operationLimit` client-chosen names).
 */
export class RequestMetrics {
  private readonly operations: OperationLabels<OperationFigures>;

  constructor(registry: Registry, options: { prefix?: string; operationLimit?: number } = {}) {
    const prefix = options.prefix ?? "arbetsliv_";
    this.operations = new OperationLabels(
      (operation) => ({
        operation,
        byStatus: new Map(),
        buckets: new Float64Array(REQUEST_DURATION_BUCKETS.length + 1),
        sum: 0,
        count: 0,
      }),
      options.operationLimit ?? DEFAULT_OPERATION_LIMIT,
    );
    const requests = `${prefix}graphql_requests_total`;
    const duration = `${prefix}graphql_request_duration_seconds`;
    registry.registerMetric(
      new CollectedMetric(
        requests,
        "GraphQL requests answered, by operation name and HTTP status. (unknown): no, a malformed or an anonymous operation name; (other): past the limit of distinct names.",
        "counter",
        () =>
          this.figures().flatMap((f) =>
            [...f.byStatus].map(([status, value]) => ({
              labels: { operation: f.operation, status: String(status) },
              value,
            })),
          ),
      ) as unknown as Metric,
    );
    registry.registerMetric(
      new CollectedMetric(
        duration,
        "Time from a GraphQL request's arrival to its answer's end, by operation name.",
        "histogram",
        () => this.figures().flatMap((f) => histogramValues(duration, f)),
      ) as unknown as Metric,
    );
  }

  /** One answered request: `operationName` as the client sent it (any value; it is checked here). */
  record(operationName: unknown, status: number, seconds: number): void {
    const figures = this.operations.of(operationName);
    let bucket = 0;
    while (bucket < REQUEST_DURATION_BUCKETS.length && seconds > REQUEST_DURATION_BUCKETS[bucket]) bucket++;
    figures.buckets[bucket]++;
    figures.sum += seconds;
    figures.count++;
    figures.byStatus.set(status, (figures.byStatus.get(status) ?? 0) + 1);
  }

  private figures(): OperationFigures[] {
    return this.operations.all();
  }
}

/** Prometheus's histogram series for one operation: cumulative buckets, +Inf, sum and count. */
function histogramValues(name: string, f: OperationFigures): MetricValueWithName<string>[] {
  const values: MetricValueWithName<string>[] = [];
  let cumulative = 0;
  for (let i = 0; i <= REQUEST_DURATION_BUCKETS.length; i++) {
    cumulative += f.buckets[i];
    const le = i < REQUEST_DURATION_BUCKETS.length ? String(REQUEST_DURATION_BUCKETS[i]) : "+Inf";
    values.push({ metricName: `${name}_bucket`, labels: { le, operation: f.operation }, value: cumulative });
  }
  values.push({ metricName: `${name}_sum`, labels: { operation: f.operation }, value: f.sum });
  values.push({ metricName: `${name}_count`, labels: { operation: f.operation }, value: f.count });
  return values;
}
