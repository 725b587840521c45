import { jetstream, jetstreamManager, StorageType, type JetStreamClient } from "@nats-io/jetstream";
import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { streamName, streamSubjects, type NatsNamespace } from "../subjects";

/** Long enough that a relay restarted after a crash re-publishes within it (JetStream drops the duplicates). */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** A NATS server and the namespace (stream, subject prefix) the events live in there. */
export interface JetStreamTarget extends NatsNamespace {
  servers: string;
}

export interface JetStreamLink {
  nc: NatsConnection;
  js: JetStreamClient;
  stream: string;
  /** The namespace's subject prefix (natsSubject puts it before every subject); null: none. */
  subjectPrefix: string | null;
}

/**
 * Connects to NATS (reconnecting for ever once connected) and makes sure the event stream exists:
 * every subject of the namespace, file storage, a duplicate window covering a relay restart.
 * Settings of an existing stream are left as the operator made them.
 */
export async function openJetStream(target: JetStreamTarget): Promise<JetStreamLink> {
  // A bad stream name or prefix fails before connecting.
  const stream = streamName(target);
  const subjects = streamSubjects(target.subjectPrefix);
  const nc = await connect({
    servers: target.servers,
    name: "arbetsliv-relay",
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    timeout: 5_000,
  });
  try {
    await ensureStream(nc, stream, subjects);
    return { nc, js: jetstream(nc, { timeout: 10_000 }), stream, subjectPrefix: target.subjectPrefix || null };
  } catch (error) {
    await nc.close().catch(() => undefined);
    throw error;
  }
}

export async function ensureStream(nc: NatsConnection, stream: string, subjects: string[]): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(stream);
    return;
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects,
      storage: StorageType.File,
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    });
  } catch (error) {
    // Another relay created it in the meantime.
    if (!/already in use|already exists/i.test((error as Error).message)) throw error;
  }
}

function isStreamNotFound(error: unknown): boolean {
  const e = error as { message?: string; name?: string };
  return /stream not found/i.test(e?.message ?? "") || e?.name === "StreamNotFoundError";
}
