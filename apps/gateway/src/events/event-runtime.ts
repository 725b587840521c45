import type { DataSource } from "typeorm";
import { type DomainModule } from "@arbetsliv/core";
import { runAsBackgroundWork } from "@arbetsliv/core/data";
import {
  EventHub,
  jetStreamEventSource,
  outboxEventSource,
  startRelay,
  startWebhookDispatcher,
  useWebhookTargetPolicy,
  type EventSource,
  type RelayHandle,
  type WebhookDispatcherHandle,
} from "@arbetsliv/events";
import type { Logger } from "../logger";
import type { EventsConfig } from "./events-config";

/**
 * The gateway's event side: the relay and webhook dispatcher (unless EVENTS_RELAY=external) and
 * the source that feeds subscriptions — JetStream when NATS_URL is set (every replica hears every
 * change), else the outbox, woken by the in-process relay.
 */
export interface EventRuntime {
  /** The subscriptions' fan-out; null before start. */
  readonly hub: EventHub | null;
  /** After migrations. Never fails on NATS: the source connects in the background. */
  start(ds: DataSource): Promise<void>;
  /** A mutation committed: sequence (and publish) its events now rather than at the next poll. */
  wake(): void;
  /** Ends the subscriptions, then stops the source, relay and dispatcher (before the DataSource closes). */
  stop(): Promise<void>;
}

const SOURCE_RETRY_MS = 2_000;

export function createEventRuntime(
  config: EventsConfig,
  modules: readonly DomainModule[],
  logger: Logger,
): EventRuntime {
  let relay: RelayHandle | null = null;
  let dispatcher: WebhookDispatcherHandle | null = null;
  let source: EventSource | null = null;
  let hub: EventHub | null = null;
  let stopped = false;
  let sourceStarting: Promise<void> | null = null;

  async function startSource(s: EventSource): Promise<void> {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await s.start();
        return;
      } catch (error) {
        if (attempt === 1)
          logger.log(
            "warn",
            "subscriptions: cannot read JetStream yet; retrying in the background (the change feed works without it)",
            {
              error: String(error),
            },
          );
        await new Promise((r) => setTimeout(r, SOURCE_RETRY_MS).unref());
      }
    }
  }

  async function startRuntime(ds: DataSource): Promise<void> {
    // One namespace (stream, subject prefix) for the relay and the subscriptions' source.
    const nats = config.natsUrl
      ? { servers: config.natsUrl, stream: config.natsStream, subjectPrefix: config.natsSubjectPrefix }
      : undefined;
    // THE webhook target policy of this process: registration (resolvers) and delivery both use it.
    useWebhookTargetPolicy(config.webhookTargets);
    if (config.relay === "in-process") {
      dispatcher = startWebhookDispatcher({ ds, log: logger });
      const d = dispatcher;
      relay = startRelay({
        ds,
        nats,
        log: logger,
        jobs: modules.flatMap((m) => m.jobs ?? []),
        retentionDays: config.retentionDays,
        pollMs: config.relayPollMs,
        retentionFloor: () => d.retentionFloor(),
      });
      relay.onSequenced(() => d.wake());
    }
    if (nats) {
      source = jetStreamEventSource({ ...nats, log: logger });
    } else {
      const outbox = outboxEventSource({ ds, log: logger });
      relay?.onSequenced(() => outbox.wake());
      source = outbox;
    }
    hub = new EventHub(source, config.subscriptions.maxQueuedEvents);
    // The outbox source starts at once (it only reads the last position); JetStream may be down.
    sourceStarting = startSource(source);
    if (!nats) await sourceStarting;
    logger.log("info", "events started", {
      relay: config.relay,
      jetstream: nats
        ? { servers: nats.servers, stream: nats.stream, subjectPrefix: nats.subjectPrefix }
        : "off (NATS_URL unset)",
      subscriptions: source.kind,
    });
  }

  return {
    get hub() {
      return hub;
    },
    start(ds) {
      // Its loops run as background work: their statements are nobody's request (the test probes tell them apart).
      return runAsBackgroundWork("events", () => startRuntime(ds));
    },
    wake() {
      relay?.wake();
    },
    async stop() {
      stopped = true;
      hub?.close();
      await sourceStarting?.catch(() => undefined);
      await source
        ?.stop()
        .catch((error) =>
          logger.log("warn", "subscriptions: stopping the event source failed", { error: String(error) }),
        );
      await relay?.stop();
      await dispatcher?.stop();
    },
  };
}
