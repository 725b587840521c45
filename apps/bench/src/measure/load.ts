import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A bounded autocannon run on loopback: `connections` in parallel for `seconds`. */
export function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: "POST", headers, body, connections, duration: seconds, pipelining: 1, timeout: 30 },
      (err, r) => {
        if (err) return reject(err);
        const total = r.requests.total;
        resolve({
          requests: total,
          seconds: r.duration,
          rps: total / r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts + r.non2xx,
        });
      },
    );
  });
}
