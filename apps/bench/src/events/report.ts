import type { EventsResult } from "./types";

export interface EventVerdict {
  target: string;
  value: string;
  /** null: not measured. */
  met: boolean | null;
}

const f = (x: number | undefined, d = 1) =>
  x === undefined || Number.isNaN(x)
    ? "–"
    : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** The issue's targets for the event side. */
export function eventVerdicts(e: EventsResult): EventVerdict[] {
  const notMeasured = (target: string): EventVerdict => ({
    target,
    value: `not measured: ${e.skipped ?? e.errors.find((x) => x.length) ?? "see errors"}`,
    met: null,
  });
  const out: EventVerdict[] = [];
  const m = e.mutation;
  const t1 = "outbox insert ≤ 10 % of a mutation's latency";
  out.push(
    m
      ? {
          target: t1,
          value: `+${f(m.transaction.deltaP50, 2)} ms of ${f(m.p50, 2)} ms p50 = ${f(m.latencySharePct)} % (CPU +${f(m.transaction.cpuDeltaMs, 2)} of ${f(m.cpuMsPerRequest, 2)} ms = ${f(m.cpuSharePct)} %)`,
          met: m.latencySharePct <= 10,
        }
      : notMeasured(t1),
  );
  const t2 = "relay ≥ 2 000 events/s (sequenced and published to JetStream)";
  out.push(
    e.relay
      ? {
          target: t2,
          value: `${f(e.relay.eventsPerSecond, 0)} events/s (${f(e.relay.events, 0)} in ${f(e.relay.publishedSeconds, 2)} s)`,
          met: e.relay.eventsPerSecond >= 2000,
        }
      : notMeasured(t2),
  );
  const t3 = "lag commit → JetStream consumer p99 < 500 ms";
  const t4 = "lag commit → webhook receiver p99 < 500 ms";
  if (!e.lag?.length) out.push(notMeasured(t3), notMeasured(t4));
  for (const l of e.lag ?? []) {
    const at = ` (${l.scenario}, ${f(l.achievedRate, 0)} writes/s)`;
    out.push(
      l.jetstream?.received
        ? {
            target: t3 + at,
            value: `p50 ${f(l.jetstream.fromCommit.p50)} ms, p99 ${f(l.jetstream.fromCommit.p99)} ms${l.missing.jetstream ? `, ${l.missing.jetstream} missing` : ""}`,
            met: l.jetstream.fromCommit.p99 < 500 && l.missing.jetstream === 0,
          }
        : notMeasured(t3 + at),
    );
    out.push(
      l.webhook?.received
        ? {
            target: t4 + at,
            value: `p50 ${f(l.webhook.fromCommit.p50)} ms, p99 ${f(l.webhook.fromCommit.p99)} ms${l.missing.webhook ? `, ${l.missing.webhook} missing` : ""}${l.webhook.signaturesFailed ? `, ${l.webhook.signaturesFailed} bad signatures` : ""}`,
            met: l.webhook.fromCommit.p99 < 500 && l.missing.webhook === 0 && l.webhook.signaturesFailed === 0,
          }
        : notMeasured(t4 + at),
    );
  }
  return out;
}

export function renderEventsMarkdown(e: EventsResult): string {
  const L: string[] = ["## Events", ""];
  L.push(
    `On a database of its own (${e.database}, recreated from the migrations each run) and NATS ${e.nats ?? "127.0.0.1:4222"}, with the real gateway: the mutation with the relay outside it, the relay alone on a backlog, then the lag with the gateway's own relay and webhook dispatcher; ${f(e.seconds)} s. Method: apps/bench/README.md, "Events".`,
    "",
  );
  if (e.skipped) L.push(`**${e.skipped}**`, "");
  for (const err of e.errors) L.push(`- **failed**: ${err.replace(/\|/g, "\\|").slice(0, 400)}`);
  if (e.errors.length) L.push("");
  L.push(`| target | value | |`, `|---|---|---|`);
  for (const v of eventVerdicts(e))
    L.push(`| ${v.target} | ${v.value} | ${v.met === null ? "not measured" : v.met ? "met" : "**missed**"} |`);
  L.push("");
  const m = e.mutation;
  if (m) {
    L.push(
      `**${m.operation}** (${m.recordsEvent ? "records feedback.received in its transaction" : "**records no event yet**"}): p50 ${f(m.p50, 2)} ms, p99 ${f(m.p99, 2)} ms (${m.samples} one at a time); ${f(m.rps, 0)} req/s under load with ${f(m.cpuMsPerRequest, 2)} ms gateway CPU per request.`,
      "",
    );
    const t = m.transaction;
    L.push(
      `The same write transaction without / with the outbox insert (${t.pairs} alternating pairs): p50 ${f(t.withoutP50, 2)} / ${f(t.withP50, 2)} ms (+${f(t.deltaP50, 2)} ms), CPU ${f(t.cpuWithoutMs, 3)} / ${f(t.cpuWithMs, 3)} ms (+${f(t.cpuDeltaMs, 3)} ms).`,
      "",
    );
  }
  if (e.relay)
    L.push(
      `**Relay**: ${f(e.relay.events, 0)} committed outbox rows sequenced in ${f(e.relay.sequencedSeconds, 2)} s and stored in JetStream (and marked published) in ${f(e.relay.publishedSeconds, 2)} s from startRelay: ${f(e.relay.eventsPerSecond, 0)} events/s.`,
      "",
    );
  for (const l of e.lag ?? []) {
    L.push(
      `**Lag, ${l.scenario}**: ${f(l.achievedRate, 0)} writes/s (asked ${l.targetRate}) for ${f(l.seconds)} s, ${l.written} events — ${l.writer}:`,
      "",
    );
    L.push(
      `| receiver | events | events/s | from commit p50 / p99 / max ms | from occurredAt p50 / p99 ms | missing |`,
      `|---|---:|---:|---:|---:|---:|`,
    );
    if (l.jetstream)
      L.push(
        `| JetStream ordered consumer | ${l.jetstream.received} | ${f(l.jetstream.perSecond, 0)} | ${f(l.jetstream.fromCommit.p50)} / ${f(l.jetstream.fromCommit.p99)} / ${f(l.jetstream.fromCommit.max)} | ${f(l.jetstream.fromOccurredAt.p50)} / ${f(l.jetstream.fromOccurredAt.p99)} | ${l.missing.jetstream} |`,
      );
    if (l.webhook)
      L.push(
        `| webhook receiver (HTTP, loopback) | ${l.webhook.received} | ${f(l.webhook.perSecond, 0)} | ${f(l.webhook.fromCommit.p50)} / ${f(l.webhook.fromCommit.p99)} / ${f(l.webhook.fromCommit.max)} | ${f(l.webhook.fromOccurredAt.p50)} / ${f(l.webhook.fromOccurredAt.p99)} | ${l.missing.webhook} |`,
      );
    L.push("");
    const notes: string[] = [];
    if (l.gatewayCpuMsPerWrite !== undefined)
      notes.push(
        `gateway CPU per write during this load ${f(l.gatewayCpuMsPerWrite, 2)} ms (its relay and dispatcher included)`,
      );
    if (l.webhook)
      notes.push(
        `${l.webhook.deliveries} webhook deliveries; signatures checked with \`standardwebhooks\` on a sample: ${l.webhook.signaturesVerified} valid, ${l.webhook.signaturesFailed} invalid`,
      );
    if (notes.length) L.push(notes.join("; ") + ".", "");
  }
  return L.join("\n");
}
