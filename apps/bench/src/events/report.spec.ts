import { eventVerdicts, renderEventsMarkdown } from "./report";
import type { EventsResult, LagResult } from "./types";

const lag = (jsP99: number, hookP99: number, missing = 0): LagResult => ({
  scenario: "outbox writes",
  writer: "spec",
  targetRate: 200,
  achievedRate: 200,
  seconds: 10,
  written: 2000,
  jetstream: {
    received: 2000 - missing,
    perSecond: 200,
    fromCommit: { p50: 50, p99: jsP99, max: jsP99 },
    fromOccurredAt: { p50: 50, p99: jsP99, max: jsP99 },
  },
  webhook: {
    received: 2000,
    perSecond: 200,
    fromCommit: { p50: 60, p99: hookP99, max: hookP99 },
    fromOccurredAt: { p50: 60, p99: hookP99, max: hookP99 },
    deliveries: 2000,
    signaturesVerified: 200,
    signaturesFailed: 0,
  },
  missing: { jetstream: missing, webhook: 0 },
});

const base: EventsResult = { errors: [], seconds: 1, database: "spec" };

describe("event verdicts", () => {
  it("says 'not measured' with the reason when NATS is unreachable, and still judges the outbox's share", () => {
    const e: EventsResult = {
      ...base,
      skipped: "relay throughput and lag not measured: NATS unreachable at 127.0.0.1:4222",
      mutation: {
        operation: "m",
        recordsEvent: true,
        p50: 20,
        p99: 40,
        samples: 100,
        rps: 50,
        cpuMsPerRequest: 8,
        transaction: {
          pairs: 200,
          withoutP50: 2,
          withP50: 3,
          deltaP50: 1,
          cpuWithoutMs: 1,
          cpuWithMs: 1.5,
          cpuDeltaMs: 0.5,
        },
        latencySharePct: 5,
        cpuSharePct: 6.3,
      },
    };
    const v = eventVerdicts(e);
    expect(v[0]).toMatchObject({ met: true });
    expect(v.slice(1).map((x) => x.met)).toEqual([null, null, null]);
    expect(v[1].value).toContain("NATS unreachable");
    expect(renderEventsMarkdown(e)).toContain("| not measured |");
  });

  it("judges the relay at 2 000 events/s and the lag at p99 < 500 ms with nothing missing", () => {
    const relay = (eventsPerSecond: number) => ({
      events: 5000,
      sequencedSeconds: 1,
      publishedSeconds: 5000 / eventsPerSecond,
      eventsPerSecond,
    });
    expect(eventVerdicts({ ...base, relay: relay(2100) })[1].met).toBe(true);
    expect(eventVerdicts({ ...base, relay: relay(1900) })[1].met).toBe(false);
    const [, , js, hook] = eventVerdicts({ ...base, lag: [lag(499, 500)] });
    expect([js.met, hook.met]).toEqual([true, false]);
    expect(eventVerdicts({ ...base, lag: [lag(100, 100, 3)] })[2]).toMatchObject({
      met: false,
      value: expect.stringContaining("3 missing"),
    });
  });
});
