import { DeliverPolicy, jetstream, type ConsumerMessages } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { OutboxEvent } from "@arbetsliv/core";
import { activeCatalogue } from "../catalogue-registry";
import type { EventLog } from "../event-log";
import { isProtectedSubject, streamName, streamSubjects } from "../subjects";
import { ensureStream, type JetStreamTarget } from "../relay/jetstream";
import { listenerSet, type EventSource } from "./event-source";

/** The same NATS server and namespace (stream, subject prefix) the relay publishes to. */
export interface JetStreamEventSourceOptions extends JetStreamTarget {
  log: EventLog;
}

/**
 * A JetStream message (structured CloudEvents JSON, as the relay publishes it) back as the outbox
 * row it came from. The scope a receiver needs follows from the catalogue and the subject (events
 * about a protected subject are published under [<prefix>.]arbetsliv.protected.…); an unknown type
 * is skipped.
 */
export function rowFromMessage(subject: string, payload: string, subjectPrefix?: string | null): OutboxEvent | null {
  const json = JSON.parse(payload) as Record<string, unknown>;
  const type = activeCatalogue().get(String(json.type));
  if (!type) return null;
  const requiredScope = isProtectedSubject(subject, subjectPrefix) ? type.protectedScope : type.scope;
  if (!requiredScope) return null;
  return {
    id: Number(json.id),
    type: type.type,
    domain: type.domain,
    subject: String(json.subject),
    occurredAt: String(json.time),
    data: JSON.stringify(json.data ?? {}),
    requiredScope,
    position: json.sequence === undefined ? null : Number(json.sequence),
    publishedAt: null,
  };
}

/**
 * Every replica's source when NATS_URL is set: an ordered (ephemeral) consumer on the event
 * stream from "new", so a subscriber on one replica hears a change made through another. The
 * client recreates the consumer after a reconnect, resuming after the last message it delivered.
 */
export function jetStreamEventSource(o: JetStreamEventSourceOptions): EventSource {
  const listeners = listenerSet<OutboxEvent>(o.log);
  const stream = streamName(o);
  const subjects = streamSubjects(o.subjectPrefix); // a bad prefix fails here, not per message
  let nc: NatsConnection | null = null;
  let messages: ConsumerMessages | null = null;
  let pump: Promise<void> | null = null;

  return {
    kind: "jetstream",
    async start() {
      nc = await connect({
        servers: o.servers,
        name: "arbetsliv-gateway-subscriptions",
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1_000,
        timeout: 5_000,
      });
      void (async () => {
        for await (const s of nc!.status()) {
          if (["disconnect", "reconnect", "error"].includes(s.type))
            o.log.log(s.type === "reconnect" ? "info" : "warn", `subscriptions: NATS ${s.type}`, { stream });
        }
      })().catch(() => undefined);
      await ensureStream(nc, stream, subjects); // the relay may not have created it yet
      const consumer = await jetstream(nc).consumers.get(stream, { deliver_policy: DeliverPolicy.New });
      messages = await consumer.consume();
      const current = messages;
      pump = (async () => {
        for await (const m of current) {
          try {
            const row = rowFromMessage(m.subject, m.string(), o.subjectPrefix);
            if (row) listeners.emit(row);
            else o.log.log("warn", "subscriptions: skipped a message of an unknown event type", { subject: m.subject });
          } catch (error) {
            o.log.log("warn", "subscriptions: skipped an unreadable message", {
              subject: m.subject,
              error: String(error),
            });
          }
        }
      })();
      o.log.log("info", "subscriptions read JetStream", {
        stream,
        subjects: subjects[0],
        servers: o.servers,
      });
    },
    async stop() {
      await messages?.close();
      await pump?.catch(() => undefined);
      await nc?.close().catch(() => undefined);
      nc = null;
    },
    onEvent: listeners.add,
  };
}
