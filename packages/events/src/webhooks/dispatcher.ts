import type { DataSource } from "typeorm";
import type { OutboxEvent } from "@arbetsliv/core";
import { cloudEventJson } from "../cloud-event";
import type { EventLog } from "../event-log";
import { retryDelayMs } from "./backoff";
import { claimDue, type ClaimedDelivery } from "./claim";
import { activeWebhooks, lastPosition, webhookRetentionFloor, webhooksWithDue } from "./delivery-store";
import { recordOutcomes, type Outcome } from "./outcomes";
import { scheduleNewEvents } from "./schedule";
import { sendDelivery, type SendResult } from "./send";
import { signDelivery } from "./signing";
import { webhookTargetPolicy } from "./target-policy";
import type { TargetPolicy } from "./url-guard";
import { DeliveryStatus } from "./webhook-delivery.entity";
import type { WebhookEndpoint } from "./webhook.entity";

export interface WebhookDispatcherOptions {
  ds: DataSource;
  log: EventLog;
  /** How often to look for work when not woken (default 200 ms). Looking is reads only. */
  pollMs?: number;
  /** Default: the process's one policy, `webhookTargetPolicy()` (the one registration checks with). */
  targetPolicy?: TargetPolicy;
  /** Tries before a delivery is DEAD (default 8). */
  maxAttempts?: number;
  /** Exponential backoff with jitter between tries (default 30 s doubling up to 6 h). */
  backoff?: { baseMs: number; maxMs: number };
  /** Per delivery (default 10 s). */
  timeoutMs?: number;
  /** Tries running at once per endpoint (default 8). */
  concurrencyPerEndpoint?: number;
  /** Deliveries one claim takes for a healthy endpoint (default 100); a slow or failing one takes only its free slots. */
  claimBatch?: number;
}

export interface WebhookDispatcherHandle {
  wake(): void;
  stop(): Promise<void>;
  /** lowest feed position some active webhook still needs, for outbox retention */
  retentionFloor(): Promise<number | null>;
}

/** A try slower than this marks the endpoint slow: it then claims only what it can start at once. */
const SLOW_MS = 1_000;
/** Time a claim leaves for writing the outcome after the last possible try ends. */
const RECORD_MARGIN_MS = 10_000;
/** How long a claimed delivery may wait in an endpoint's local queue before it is given back. */
const QUEUE_WAIT_MS = 30_000;
/**
 * Least time between two looks for work: wakes that come faster (one per mutation under load) are
 * gathered into one look, so the per-look reads and transactions are shared by many events.
 */
const MIN_LOOK_INTERVAL_MS = 20;

/** One endpoint's side of the dispatcher: its claimed deliveries waiting, and its tries running. */
interface Lane {
  webhook: WebhookEndpoint;
  queue: ClaimedDelivery[];
  inFlight: number;
  /** The last try failed or was slow. */
  slow: boolean;
  /** The last claim was full: more may be due. */
  more: boolean;
}

/**
 * Starts the webhook dispatcher. A loop that wakes on `wake()` (the relay sequenced events), on a
 * lane running low, or every `pollMs`, first decides from plain reads whether there is work (so an
 * idle dispatcher never opens a transaction — on the embedded database each commit rewrites the
 * file), then in one transaction schedules new feed rows for every webhook behind, and in one more
 * claims a batch of due deliveries for every endpoint whose local queue is running low. Each
 * endpoint (lane) sends from its queue with its own concurrency and timeout, so a slow or failing
 * endpoint only ever holds its own slots; outcomes are written in batches by one writer.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcherHandle {
  const config = {
    pollMs: options.pollMs ?? 200,
    policy: options.targetPolicy ?? webhookTargetPolicy(),
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? { baseMs: 30_000, maxMs: 6 * 3_600_000 },
    timeoutMs: options.timeoutMs ?? 10_000,
    concurrency: options.concurrencyPerEndpoint ?? 8,
    claimBatch: options.claimBatch ?? 100,
  };
  // A claim covers the wait in the queue, the try (timeout) and writing its outcome; a delivery
  // still queued when its try could no longer finish inside the lease is given back unsent.
  const leaseMs = QUEUE_WAIT_MS + config.timeoutMs + RECORD_MARGIN_MS;
  const lowWater = config.concurrency;
  const { ds, log } = options;
  const lanes = new Map<number, Lane>();
  const sends = new Set<Promise<void>>();
  let outcomes: Outcome[] = [];
  let writing: Promise<void> | null = null;
  let running = true;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const pause = (lookStarted: number) =>
    new Promise<void>((resolve) => {
      if (!running) return resolve();
      const gathered = () => {
        const wait = lookStarted + MIN_LOOK_INTERVAL_MS - Date.now();
        if (wait <= 0 || !running) resolve();
        else setTimeout(resolve, wait);
      };
      if (woken) return gathered();
      const timer = setTimeout(resolve, config.pollMs);
      wakeUp = () => {
        wakeUp = null;
        clearTimeout(timer);
        gathered();
      };
    });

  const errorText = (error: unknown, max: number) => (error instanceof Error ? error.message.slice(0, max) : "unknown");

  /** One writer at a time writes everything that piled up while the last write ran. */
  const writeOutcomes = () => {
    if (writing || outcomes.length === 0) return;
    writing = (async () => {
      while (outcomes.length > 0) {
        const batch = outcomes;
        outcomes = [];
        try {
          await recordOutcomes(ds, batch, new Date());
        } catch (error) {
          // Not lost: the claims' leases end and the deliveries come due again.
          log.log("error", "webhook delivery outcomes could not be recorded", {
            deliveries: batch.length,
            error: errorText(error, 200),
          });
        }
      }
    })().finally(() => {
      writing = null;
      writeOutcomes();
    });
  };
  const addOutcome = (outcome: Outcome) => {
    outcomes.push(outcome);
    writeOutcomes();
  };

  const tryOnce = async (webhook: WebhookEndpoint, event: OutboxEvent): Promise<SendResult> => {
    const payload = JSON.stringify(cloudEventJson(event));
    const now = new Date();
    const previousValid =
      webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > now.toISOString();
    const headers = signDelivery(
      { secret: webhook.secret, previousSecret: previousValid ? webhook.previousSecret : null },
      String(event.id),
      now,
      payload,
    );
    return sendDelivery(webhook.url, payload, headers, { timeoutMs: config.timeoutMs, ...config.policy });
  };

  const send = async (lane: Lane, claimed: ClaimedDelivery): Promise<void> => {
    const { delivery, event } = claimed;
    const webhook = lane.webhook;
    const started = Date.now();
    const result: SendResult = event
      ? await tryOnce(webhook, event)
      : { ok: false, statusCode: null, error: "the event is no longer in the outbox" };
    lane.slow = !result.ok || Date.now() - started > SLOW_MS;
    const attempts = delivery.attempts + 1;
    const status = result.ok
      ? DeliveryStatus.DELIVERED
      : !event || attempts >= config.maxAttempts
        ? DeliveryStatus.DEAD
        : DeliveryStatus.FAILED_RETRYING;
    addOutcome({
      kind: "tried",
      id: delivery.id,
      leaseUntil: claimed.leaseUntil,
      status,
      attempts,
      statusCode: result.statusCode,
      error: result.error,
      nextAttemptAt:
        status === DeliveryStatus.FAILED_RETRYING
          ? new Date(Date.now() + retryDelayMs(attempts, config.backoff)).toISOString()
          : null,
    });
    if (status !== DeliveryStatus.DELIVERED) {
      log.log(status === DeliveryStatus.DEAD ? "error" : "warn", "webhook delivery failed", {
        webhookId: webhook.id,
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        attempts,
        status,
        statusCode: result.statusCode,
        error: result.error,
      });
    }
  };

  /** Starts tries from the lane's queue up to its concurrency; asks for a refill when it runs low. */
  const pump = (lane: Lane) => {
    while (running && lane.inFlight < config.concurrency && lane.queue.length > 0) {
      const claimed = lane.queue.shift()!;
      // Too late to finish inside the lease: give it back rather than risk a second sender.
      if (Date.now() > Date.parse(claimed.leaseUntil) - config.timeoutMs - RECORD_MARGIN_MS) {
        addOutcome({ kind: "release", id: claimed.delivery.id, leaseUntil: claimed.leaseUntil });
        continue;
      }
      lane.inFlight++;
      const done = send(lane, claimed)
        .catch((error: unknown) =>
          log.log("error", "webhook delivery failed unexpectedly", {
            webhookId: lane.webhook.id,
            deliveryId: claimed.delivery.id,
            error: errorText(error, 200),
          }),
        )
        .finally(() => {
          lane.inFlight--;
          sends.delete(done);
          pump(lane);
        });
      sends.add(done);
    }
    if (running && lane.more && lane.queue.length < lowWater) wake();
  };

  /** Lanes follow the active webhooks: a webhook gone or made inactive gives back what it queued. */
  const syncLanes = (webhooks: WebhookEndpoint[]) => {
    const active = new Set(webhooks.map((w) => w.id));
    for (const [id, lane] of lanes) {
      if (active.has(id)) continue;
      for (const c of lane.queue.splice(0))
        addOutcome({ kind: "release", id: c.delivery.id, leaseUntil: c.leaseUntil });
      if (lane.inFlight === 0) lanes.delete(id);
    }
    for (const webhook of webhooks) {
      const lane = lanes.get(webhook.id);
      if (lane)
        lane.webhook = webhook; // a new URL or secret applies from the next try
      else lanes.set(webhook.id, { webhook, queue: [], inFlight: 0, slow: false, more: false });
    }
  };

  /** What a lane should claim now: a batch when healthy and running low, only its free slots when slow. */
  const wantOf = (lane: Lane): number => {
    const held = lane.queue.length + lane.inFlight;
    if (lane.slow) return config.concurrency - held;
    return lane.queue.length < lowWater ? config.claimBatch - held : 0;
  };

  const tick = async () => {
    const webhooks = await activeWebhooks(ds);
    syncLanes(webhooks);
    if (webhooks.length === 0) return;
    const now = new Date();
    const last = await lastPosition(ds.manager);
    let fresh = new Set<number>();
    let known = new Map<number, OutboxEvent>();
    if (webhooks.some((w) => w.scheduledThrough < last)) {
      const scheduled = await scheduleNewEvents(ds, last, now);
      if (scheduled.more) woken = true; // a webhook far behind: another pass right after this one
      fresh = scheduled.webhookIds;
      known = scheduled.events;
    }
    if (!running) return;
    const wanting = webhooks.map((w) => lanes.get(w.id)!).filter((lane) => wantOf(lane) > 0);
    // Lanes that just got new deliveries have something due; only the others need asking.
    const due = await webhooksWithDue(
      ds,
      wanting.map((l) => l.webhook.id).filter((id) => !fresh.has(id)),
      now,
    );
    const wanted = wanting
      .filter((l) => fresh.has(l.webhook.id) || due.has(l.webhook.id))
      .map((l) => ({ webhookId: l.webhook.id, limit: wantOf(l) }));
    if (wanted.length === 0) return;
    // The rows the scheduling pass just read are not read again for the claim.
    const claimed = await claimDue(ds, wanted, leaseMs, now, known);
    for (const { webhookId, limit } of wanted) {
      const lane = lanes.get(webhookId)!;
      const got = claimed.get(webhookId) ?? [];
      lane.queue.push(...got);
      lane.more = got.length === limit;
      pump(lane);
    }
  };

  const loop = (async () => {
    while (running) {
      woken = false;
      const lookStarted = Date.now();
      try {
        await tick();
      } catch (error) {
        log.log("error", "webhook dispatcher tick failed", { error: errorText(error, 300) });
      }
      await pause(lookStarted);
    }
  })();

  return {
    wake,
    async stop() {
      running = false;
      wake();
      await loop;
      // Give back what is queued (it comes due at once for the next dispatcher), finish the tries.
      for (const lane of lanes.values())
        for (const c of lane.queue.splice(0))
          outcomes.push({ kind: "release", id: c.delivery.id, leaseUntil: c.leaseUntil });
      await Promise.allSettled([...sends]);
      writeOutcomes();
      while (writing) await writing;
    },
    retentionFloor: () => webhookRetentionFloor(ds),
  };
}
