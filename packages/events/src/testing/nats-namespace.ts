import { randomBytes } from "node:crypto";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { streamSubjects } from "../subjects";

/** A stream and subject prefix of one's own on a shared NATS server (`env`: the same as gateway settings). */
export interface TestNatsNamespace {
  stream: string;
  subjectPrefix: string;
  env: { NATS_STREAM: string; NATS_SUBJECT_PREFIX: string };
}

/**
 * A namespace no other test file, test run or developer gateway on the server uses: JetStream
 * refuses a second stream over overlapping subjects, and its duplicate window (msgID = event id)
 * is per stream, so sharing one would drop another database's events with the same ids. The
 * subjects are `test.<label>_<pid>_<random>.arbetsliv.>`, which overlap neither `arbetsliv.>` nor
 * another namespace. Delete it in afterAll with `deleteNatsNamespace`.
 */
export function uniqueNatsNamespace(label: string): TestNatsNamespace {
  const tag = `${label.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 30)}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const stream = `TEST_${tag}`.toUpperCase();
  const subjectPrefix = `test.${tag.toLowerCase()}`;
  streamSubjects(subjectPrefix); // a label that makes no valid prefix fails here
  return { stream, subjectPrefix, env: { NATS_STREAM: stream, NATS_SUBJECT_PREFIX: subjectPrefix } };
}

/** Deletes the namespace's stream (and with it its consumers); nothing when it does not exist. */
export async function deleteNatsNamespace(servers: string, ns: Pick<TestNatsNamespace, "stream">): Promise<void> {
  const nc = await connect({ servers, timeout: 5_000, maxReconnectAttempts: 0 });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(ns.stream).catch((error: unknown) => {
      if (!/stream not found/i.test(String((error as Error)?.message))) throw error;
    });
  } finally {
    await nc.close();
  }
}
