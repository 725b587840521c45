import type { DataSource } from "typeorm";
import type { OutboxEvent } from "@arbetsliv/core";
import { cloudEventJson } from "../cloud-event";
import type { EventLog } from "../event-log";
import { retryDelayMs } from "./backoff";
import {
  claimDue,
  dueCounts,
  lastPosition,
  recordAttempt,
  scheduleNext,
  webhookRetentionFloor,
  type ClaimedDelivery,
} from "./delivery-store";
import { sendDelivery, type SendResult } from "./send";
import { signDelivery } from "./signing";
import { targetPolicyFromEnv } from "./target-policy";
import { DeliveryStatus } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";

export interface WebhookDispatcherOptions {
  ds: DataSource;
  log: EventLog;
  /** How often to look for work when not woken (default 200 ms). */
  pollMs?: number;
  /** Default: WEBHOOK_ALLOW_PRIVATE_TARGETS=true. */
  allowPrivateTargets?: boolean;
  /** Default: NODE_ENV development/test, or WEBHOOK_ALLOW_HTTP. */
  allowHttp?: boolean;
  /** Tries before a delivery is DEAD (default 8). */
  maxAttempts?: number;
  /** Exponential backoff with jitter between tries (default 30 s doubling up to 6 h). */
  backoff?: { baseMs: number; maxMs: number };
  /** Per delivery (default 10 s). */
  timeoutMs?: number;
  /** Tries running at once per endpoint (default 4). */
  concurrencyPerEndpoint?: number;
}

export interface WebhookDispatcherHandle {
  wake(): void;
  stop(): Promise<void>;
  /** lowest feed position some active webhook still needs, for outbox retention */
  retentionFloor(): Promise<number | null>;
}

/** Scheduling batches one webhook gets per tick, so one far-behind webhook cannot starve the rest. */
const SCHEDULE_BATCHES_PER_TICK = 4;

/**
 * Starts the webhook dispatcher: each tick it schedules new feed events for every active webhook
 * and claims due deliveries per endpoint up to that endpoint's free slots; the sends run on their
 * own (never awaited by the tick), each with its own timeout, so a slow or failing endpoint only
 * ever holds its own slots. Errors are logged and the loop goes on.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcherHandle {
  const env = targetPolicyFromEnv();
  const config = {
    pollMs: options.pollMs ?? 200,
    allowPrivateTargets: options.allowPrivateTargets ?? env.allowPrivateTargets,
    allowHttp: options.allowHttp ?? env.allowHttp,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? { baseMs: 30_000, maxMs: 6 * 3_600_000 },
    timeoutMs: options.timeoutMs ?? 10_000,
    concurrency: options.concurrencyPerEndpoint ?? 4,
  };
  // A claim outlives its try (timeout) by a margin; only then may another dispatcher take it.
  const leaseMs = config.timeoutMs + 30_000;
  const { ds, log } = options;
  const inFlight = new Map<number, number>();
  const sends = new Set<Promise<void>>();
  let running = true;
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(resolve, config.pollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const send = async (webhook: WebhookEndpoint, claimed: ClaimedDelivery): Promise<void> => {
    const { delivery, event } = claimed;
    let result: SendResult;
    if (!event) result = { ok: false, statusCode: null, error: "the event is no longer in the outbox" };
    else {
      const payload = JSON.stringify(cloudEventJson(event as OutboxEvent));
      const now = new Date();
      const previousValid =
        webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > now.toISOString();
      const headers = signDelivery(
        { secret: webhook.secret, previousSecret: previousValid ? webhook.previousSecret : null },
        String(event.id),
        now,
        payload,
      );
      result = await sendDelivery(webhook.url, payload, headers, {
        timeoutMs: config.timeoutMs,
        allowHttp: config.allowHttp,
        allowPrivateTargets: config.allowPrivateTargets,
      });
    }
    const status = await recordAttempt(
      ds,
      delivery,
      event ? result : { ...result, ok: false },
      { maxAttempts: event ? config.maxAttempts : 1, delayMs: (n) => retryDelayMs(n, config.backoff) },
      new Date(),
    );
    if (status !== DeliveryStatus.DELIVERED) {
      log.log(status === DeliveryStatus.DEAD ? "error" : "warn", "webhook delivery failed", {
        webhookId: webhook.id,
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        attempts: delivery.attempts + 1,
        status,
        statusCode: result.statusCode,
        error: result.error,
      });
    }
  };

  const startSend = (webhook: WebhookEndpoint, claimed: ClaimedDelivery) => {
    inFlight.set(webhook.id, (inFlight.get(webhook.id) ?? 0) + 1);
    const done = send(webhook, claimed)
      .catch((error: unknown) =>
        log.log("error", "webhook delivery could not be recorded", {
          webhookId: webhook.id,
          deliveryId: claimed.delivery.id,
          error: error instanceof Error ? error.message.slice(0, 200) : "unknown",
        }),
      )
      .finally(() => {
        inFlight.set(webhook.id, (inFlight.get(webhook.id) ?? 1) - 1);
        sends.delete(done);
        wake(); // a slot is free: claim the next one without waiting for the poll
      });
    sends.add(done);
  };

  const tick = async () => {
    const webhooks = await ds.manager.find(WebhookEndpoint, { where: { active: true }, order: { id: "ASC" } });
    if (webhooks.length === 0) return;
    const last = await lastPosition(ds.manager);
    for (const webhook of webhooks) {
      if (webhook.scheduledThrough >= last) continue;
      for (let i = 0; i < SCHEDULE_BATCHES_PER_TICK && running; i++) {
        if ((await scheduleNext(ds, webhook.id, new Date())) === 0) break;
      }
    }
    const due = await dueCounts(ds, new Date());
    for (const webhook of webhooks) {
      const free = config.concurrency - (inFlight.get(webhook.id) ?? 0);
      if (!running || free <= 0 || !due.get(webhook.id)) continue;
      const claimed = await claimDue(ds, webhook.id, free, leaseMs, new Date());
      for (const c of claimed) startSend(webhook, c);
    }
  };

  const loop = (async () => {
    while (running) {
      woken = false;
      try {
        await tick();
      } catch (error) {
        log.log("error", "webhook dispatcher tick failed", {
          error: error instanceof Error ? error.message.slice(0, 300) : "unknown",
        });
      }
      await pause();
    }
  })();

  return {
    wake,
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.allSettled([...sends]);
    },
    retentionFloor: () => webhookRetentionFloor(ds),
  };
}
