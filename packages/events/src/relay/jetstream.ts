import { jetstream, jetstreamManager, StorageType, type JetStreamClient } from "@nats-io/jetstream";
import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { DEFAULT_STREAM, SUBJECT_ROOT } from "../subjects";

/** Long enough that a relay restarted after a crash re-publishes within it (JetStream drops the duplicates). */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export interface JetStreamTarget {
  servers: string;
  stream?: string;
  /**
   * Put before every subject (`<prefix>.arbetsliv.…`), so several streams can share one NATS
   * server without overlapping subjects (tests, or two environments on one server). Default none.
   */
  subjectPrefix?: string;
}

export interface JetStreamLink {
  nc: NatsConnection;
  js: JetStreamClient;
  stream: string;
  /** The subject an event with this `natsSubject` is published on. */
  subjectFor(subject: string): string;
}

const SUBJECT_PREFIX = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,4}$/;

/** The subjects the stream captures: `arbetsliv.>`, or `<prefix>.arbetsliv.>`. */
export function streamSubjects(subjectPrefix?: string): string[] {
  return [`${prefixed(subjectPrefix, SUBJECT_ROOT)}.>`];
}

function prefixed(subjectPrefix: string | undefined, subject: string): string {
  if (!subjectPrefix) return subject;
  if (!SUBJECT_PREFIX.test(subjectPrefix))
    throw new Error("NATS subject prefix must be dot-separated tokens of A–Z a–z 0–9 _ -");
  return `${subjectPrefix}.${subject}`;
}

/**
 * Connects to NATS (reconnecting for ever once connected) and makes sure the event stream exists:
 * every `arbetsliv.>` subject, file storage, a duplicate window covering a relay restart.
 * Settings of an existing stream are left as the operator made them.
 */
export async function openJetStream(target: JetStreamTarget): Promise<JetStreamLink> {
  streamSubjects(target.subjectPrefix); // a bad prefix fails before connecting
  const nc = await connect({
    servers: target.servers,
    name: "arbetsliv-relay",
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1_000,
    timeout: 5_000,
  });
  try {
    const stream = target.stream ?? DEFAULT_STREAM;
    await ensureStream(nc, stream, streamSubjects(target.subjectPrefix));
    return {
      nc,
      js: jetstream(nc, { timeout: 10_000 }),
      stream,
      subjectFor: (subject) => prefixed(target.subjectPrefix, subject),
    };
  } catch (error) {
    await nc.close().catch(() => undefined);
    throw error;
  }
}

export async function ensureStream(nc: NatsConnection, stream: string, subjects = streamSubjects()): Promise<void> {
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
