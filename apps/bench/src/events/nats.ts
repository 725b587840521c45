import { connect, type NatsConnection } from "@nats-io/transport-node";
import { jetstreamManager } from "@nats-io/jetstream";

export const NATS_SERVERS = process.env.BENCH_NATS_URL ?? "127.0.0.1:4222";

/** A connection, or null when NATS (with JetStream) does not answer within two seconds. */
export async function connectNats(): Promise<NatsConnection | null> {
  try {
    const nc = await connect({ servers: NATS_SERVERS, timeout: 2000, maxReconnectAttempts: 0 });
    try {
      await (await jetstreamManager(nc, { timeout: 2000 })).getAccountInfo();
      return nc;
    } catch {
      await nc.close();
      return null;
    }
  } catch {
    return null;
  }
}

/** Deletes the bench's stream if it exists (after the run, and before one in case a crashed run left it). */
export async function deleteStream(nc: NatsConnection, stream: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.delete(stream);
  } catch {
    /* not there */
  }
}

export async function streamMessages(
  nc: NatsConnection,
  stream: string,
): Promise<{ messages: number; lastSeq: number }> {
  const jsm = await jetstreamManager(nc);
  try {
    const info = await jsm.streams.info(stream);
    return { messages: info.state.messages, lastSeq: info.state.last_seq };
  } catch {
    return { messages: 0, lastSeq: 0 };
  }
}
