import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DeliverPolicy, jetstream, type ConsumerMessages } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { Webhook } from "standardwebhooks";
import { percentile, round } from "../util/stats";
import { nowMs, sleep, waitFor } from "./clock";
import { streamMessages } from "./nats";
import type { Writer } from "./writers";
import type { LagResult, LagSeries } from "./types";

interface Arrival {
  subject: string;
  time: string;
  at: number;
}

/** Every CloudEvent (structured JSON) a JetStream consumer receives, with its arrival time. */
async function jetstreamArrivals(nc: NatsConnection, stream: string, arrivals: Arrival[]): Promise<ConsumerMessages> {
  const { lastSeq } = await streamMessages(nc, stream);
  const consumer = await jetstream(nc).consumers.get(stream, {
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: lastSeq + 1,
  });
  return consumer.consume({
    callback: (m) => {
      const at = nowMs();
      const e = m.json<{ subject: string; time: string }>();
      arrivals.push({ subject: e.subject, time: e.time, at });
    },
  });
}

export interface WebhookReceiver {
  url: string;
  arrivals: Arrival[];
  deliveries: number;
  /** Verifies the signatures of the deliveries kept as a sample (every 10th, up to 500). */
  verifySample(secret: string): { verified: number; failed: number };
  /** Forgets what arrived so far (between two measurements). */
  reset(): void;
  close(): Promise<void>;
}

/** A real HTTP receiver on loopback: notes arrivals, keeps a sample of raw deliveries for signature checks. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const arrivals: Arrival[] = [];
  const sample: { body: string; headers: Record<string, string> }[] = [];
  let deliveries = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = nowMs();
      const body = Buffer.concat(chunks).toString("utf8");
      res.writeHead(204).end();
      deliveries++;
      try {
        const parsed = JSON.parse(body) as { subject: string; time: string } | { subject: string; time: string }[];
        for (const e of Array.isArray(parsed) ? parsed : [parsed])
          arrivals.push({ subject: e.subject, time: e.time, at });
      } catch {
        /* counted as a delivery; a body that is not JSON shows up as missing events */
      }
      if (deliveries % 10 === 1 && sample.length < 500) {
        const h = req.headers;
        sample.push({
          body,
          headers: {
            "webhook-id": String(h["webhook-id"]),
            "webhook-timestamp": String(h["webhook-timestamp"]),
            "webhook-signature": String(h["webhook-signature"]),
          },
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench-hook`,
    arrivals,
    get deliveries() {
      return deliveries;
    },
    verifySample(secret) {
      const wh = new Webhook(secret);
      let verified = 0;
      let failed = 0;
      for (const s of sample) {
        try {
          wh.verify(s.body, s.headers);
          verified++;
        } catch {
          failed++;
        }
      }
      return { verified, failed };
    },
    reset() {
      arrivals.length = 0;
      sample.length = 0;
      deliveries = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface LagPlan {
  scenario: string;
  writer: Writer;
  writerName: string;
  rate: number;
  seconds: number;
  nc: NatsConnection;
  stream: string;
  webhook?: { receiver: WebhookReceiver; secret: string };
  /** How long to wait for the last events after the writes stop. */
  drainMs: number;
}

/**
 * Writes at a steady rate (open loop: a write starts every 1/rate s whatever the answers, at most
 * 64 in flight) and notes, per event, when the writer saw its commit and when the JetStream
 * consumer and the webhook receiver got it.
 */
export async function measureLag(plan: LagPlan): Promise<LagResult> {
  const committed = new Map<string, number>();
  plan.webhook?.receiver.reset();
  const jsArrivals: Arrival[] = [];
  const messages = await jetstreamArrivals(plan.nc, plan.stream, jsArrivals);
  const failures: string[] = [];
  let started = 0;
  let inFlight = 0;
  const t0 = nowMs();
  const end = t0 + plan.seconds * 1000;
  const pending: Promise<void>[] = [];
  while (nowMs() < end) {
    const due = Math.floor(((nowMs() - t0) / 1000) * plan.rate);
    while (started < due && inFlight < 64) {
      const n = started++;
      inFlight++;
      pending.push(
        plan
          .writer(n)
          .then((w) => void committed.set(w.subject, w.committedAt))
          .catch((e: unknown) => void (failures.length < 3 && failures.push(String(e))))
          .finally(() => inFlight--),
      );
    }
    await sleep(2);
  }
  await Promise.all(pending);
  const writeSeconds = (nowMs() - t0) / 1000;
  if (failures.length) throw new Error(`writes failed: ${failures.join("; ")}`);

  const arrivedAll = (arrivals: Arrival[]) => () =>
    new Set(arrivals.filter((a) => committed.has(a.subject)).map((a) => a.subject)).size >= committed.size;
  await waitFor(arrivedAll(jsArrivals), plan.drainMs, 50);
  if (plan.webhook) await waitFor(arrivedAll(plan.webhook.receiver.arrivals), plan.drainMs, 50);
  messages.stop();

  const result: LagResult = {
    scenario: plan.scenario,
    writer: plan.writerName,
    targetRate: plan.rate,
    achievedRate: round(committed.size / writeSeconds, 0),
    seconds: round(writeSeconds, 1),
    written: committed.size,
    jetstream: series(jsArrivals, committed, t0),
    missing: {
      jetstream: missing(jsArrivals, committed),
      webhook: plan.webhook ? missing(plan.webhook.receiver.arrivals, committed) : committed.size,
    },
  };
  if (plan.webhook) {
    const s = plan.webhook.receiver.verifySample(plan.webhook.secret);
    result.webhook = {
      ...series(plan.webhook.receiver.arrivals, committed, t0),
      deliveries: plan.webhook.receiver.deliveries,
      signaturesVerified: s.verified,
      signaturesFailed: s.failed,
    };
  }
  return result;
}

function missing(arrivals: Arrival[], committed: Map<string, number>): number {
  const seen = new Set(arrivals.map((a) => a.subject));
  return [...committed.keys()].filter((s) => !seen.has(s)).length;
}

/** Lag per event at its first arrival (a redelivery is not a new event). */
function series(arrivals: Arrival[], committed: Map<string, number>, t0: number): LagSeries {
  const first = new Map<string, Arrival>();
  for (const a of arrivals) if (committed.has(a.subject) && !first.has(a.subject)) first.set(a.subject, a);
  const fromCommit = [...first.values()].map((a) => a.at - committed.get(a.subject)!).sort((x, y) => x - y);
  const fromOccurred = [...first.values()].map((a) => a.at - Date.parse(a.time)).sort((x, y) => x - y);
  const stats = (xs: number[]) => ({
    p50: round(percentile(xs, 50), 1),
    p99: round(percentile(xs, 99), 1),
    max: round(xs[xs.length - 1] ?? NaN, 1),
  });
  // Events per second from the first write to the last arrival: below the write rate, this receiver fell behind.
  const lastAt = Math.max(...[...first.values()].map((a) => a.at));
  const perSecond = first.size ? round(first.size / ((lastAt - t0) / 1000), 0) : 0;
  return { received: first.size, perSecond, fromCommit: stats(fromCommit), fromOccurredAt: stats(fromOccurred) };
}
