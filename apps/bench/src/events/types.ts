/** What the events part of `pnpm bench` measured (results/latest.json → `events`). */
export interface EventsResult {
  /** Set when a part could not run, e.g. "NATS unreachable at 127.0.0.1:4222". */
  skipped?: string;
  /** Problems of single parts (the others may still have numbers). */
  errors: string[];
  seconds: number;
  database: string;
  /** The NATS server the relay published to. */
  nats?: string;
  mutation?: MutationCost;
  relay?: RelayThroughput;
  /** One result per load: the real mutation at a rate it sustains, and outbox writes at the target rate. */
  lag?: LagResult[];
}

/** registerFeedback through the gateway, and the outbox insert's share of it. */
export interface MutationCost {
  operation: string;
  /** Whether the mutation itself recorded the event (an outbox row per call). */
  recordsEvent: boolean;
  /** Sequential latency, one request at a time (ms). */
  p50: number;
  p99: number;
  samples: number;
  /** Under load: requests/s and the gateway's CPU ms per request. */
  rps: number;
  cpuMsPerRequest: number;
  /** The same write transaction with and without recordEvent, alternating (ms wall, ms CPU of the writing process). */
  transaction: {
    pairs: number;
    withoutP50: number;
    withP50: number;
    deltaP50: number;
    cpuWithoutMs: number;
    cpuWithMs: number;
    cpuDeltaMs: number;
  };
  /** deltaP50 ÷ mutation p50, and cpuDeltaMs ÷ gateway CPU per mutation (in %). */
  latencySharePct: number;
  cpuSharePct: number;
}

export interface RelayThroughput {
  events: number;
  /** From startRelay to the last event sequenced and to the last one stored in JetStream (and marked published). */
  sequencedSeconds: number;
  publishedSeconds: number;
  eventsPerSecond: number;
  batchSize?: number;
}

export interface LagSeries {
  received: number;
  /** Events per second from the first write to the last arrival (below the write rate: it fell behind). */
  perSecond: number;
  /** Lag from the writer seeing its commit (lower bound) and from the event's occurredAt (upper bound), ms. */
  fromCommit: { p50: number; p99: number; max: number };
  fromOccurredAt: { p50: number; p99: number; max: number };
}

export interface LagResult {
  scenario: string;
  writer: string;
  targetRate: number;
  achievedRate: number;
  seconds: number;
  written: number;
  jetstream?: LagSeries;
  webhook?: LagSeries & { signaturesVerified: number; signaturesFailed: number; deliveries: number };
  missing: { jetstream: number; webhook: number };
  /** The gateway's CPU per write during the steady load (with the in-process relay and dispatcher, their work too). */
  gatewayCpuMsPerWrite?: number;
}
