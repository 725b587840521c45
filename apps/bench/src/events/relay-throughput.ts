import type { DataSource } from "typeorm";
import type { NatsConnection } from "@nats-io/transport-node";
import type { EventType } from "@arbetsliv/core";
import { round } from "../util/stats";
import { nowMs, waitFor } from "./clock";
import { unpublishedCount, unsequencedCount } from "./database";
import { sampleData } from "./event-type";
import { streamMessages } from "./nats";
import type { RuntimeChild } from "./runtime-child";
import type { RelayThroughput } from "./types";

/** Committed outbox rows as recordEvent writes them, in multi-row INSERTs (the backlog is the input, not the measurement). */
export async function fillBacklog(
  ds: DataSource,
  type: EventType,
  rows: number,
  firstSubjectId: number,
): Promise<void> {
  const chunk = 1000;
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    const values: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const subjectId = firstSubjectId + start + i;
      values.push(
        type.type,
        type.domain,
        `${type.subjectType}/${subjectId}`,
        new Date().toISOString(),
        JSON.stringify(sampleData(type, subjectId)),
        type.scope,
      );
    }
    await ds.query(
      `INSERT INTO event_outbox (type, domain, subject, occurredAt, data, requiredScope) VALUES ${Array(n).fill("(?, ?, ?, ?, ?, ?)").join(", ")}`,
      values,
    );
  }
}

/**
 * Starts the relay on a backlog of committed rows and times it until every row is sequenced and
 * until every row is in the JetStream stream and marked published (polled every 10 ms).
 */
export async function measureRelayThroughput(
  ds: DataSource,
  nc: NatsConnection,
  stream: string,
  runtime: RuntimeChild,
  batchSize?: number,
): Promise<RelayThroughput> {
  const events = await unsequencedCount(ds);
  const { relayStarted } = (await runtime.command("relay", "relayStarted", batchSize ? { batchSize } : {})) as {
    relayStarted: number;
  };
  let sequencedAt = NaN;
  let publishedAt = NaN;
  const done = await waitFor(
    async () => {
      if (Number.isNaN(sequencedAt) && (await unsequencedCount(ds)) === 0) sequencedAt = nowMs();
      if (Number.isNaN(publishedAt) && (await unpublishedCount(ds)) === 0) publishedAt = nowMs();
      return !Number.isNaN(publishedAt);
    },
    120_000,
    10,
  );
  if (!done)
    throw new Error(
      `relay: ${await unpublishedCount(ds)} of ${events} events still unpublished after 120 s (see ${runtime.logFile})`,
    );
  const inStream = await streamMessages(nc, stream);
  if (inStream.messages < events)
    throw new Error(`relay: marked ${events} published but the stream holds ${inStream.messages}`);
  const publishedSeconds = (publishedAt - relayStarted) / 1000;
  return {
    events,
    sequencedSeconds: round((sequencedAt - relayStarted) / 1000, 3),
    publishedSeconds: round(publishedSeconds, 3),
    eventsPerSecond: round(events / publishedSeconds, 0),
    ...(batchSize ? { batchSize } : {}),
  };
}
