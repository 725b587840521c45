import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { ScheduledJob } from "@arbetsliv/core";
import type { DataSource } from "typeorm";
import type { EventLog } from "../event-log";
import { DEFAULT_RETENTION_DAYS, idempotencyKeyPurgeJob, outboxRetentionJob } from "./housekeeping";
import { openJetStream, type JetStreamLink, type JetStreamTarget } from "./jetstream";
import { holdLeadership, LEADER_LEASE_MS, releaseLeadership } from "./leader";
import { publishBatch } from "./publisher";
import { ensureStateRows } from "./relay-sql";
import { sequenceBatch } from "./sequencer";
import { Waker } from "./waker";

export interface RelayOptions {
  ds: DataSource;
  /** JetStream; omitted → the relay only sequences (embedded default, no NATS needed). */
  nats?: JetStreamTarget;
  log: EventLog;
  /** How often to look for new outbox rows when not woken (default 100 ms). */
  pollMs?: number;
  /** Rows per sequencing and per publishing transaction (default 500). */
  batchSize?: number;
  /** Scheduled jobs of the modules (DomainModule.jobs), run only while this relay is the leader. */
  jobs?: ScheduledJob[];
  /** Outbox rows older than this many days that every channel delivered are deleted (default 30). */
  retentionDays?: number;
  /** The lowest position a webhook still has to deliver (null: none); rows from it on are kept. */
  retentionFloor?: () => Promise<number | null>;
}

export interface RelayHandle {
  /** Look for new outbox rows now (the gateway calls it after a mutation). */
  wake(): void;
  /** Called with the last feed position each time new rows were sequenced. Returns an unsubscribe. */
  onSequenced(listener: (lastPosition: number) => void): () => void;
  /** Stops polling, finishes the batch in hand, closes NATS. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_POLL_MS = 100;
const DEFAULT_BATCH_SIZE = 500;
/** Publishing retries after a failure wait 0.5 s, 1 s, 2 s … up to this. */
const MAX_BACKOFF_MS = 10_000;

/**
 * Starts the relay: outbox rows get feed positions (always) and go to JetStream (with `nats`);
 * the leader among relays runs the modules' scheduled jobs and the housekeeping. Nothing it meets
 * (database or NATS down) ends the process: each loop logs once per outage and tries again.
 */
export function startRelay(options: RelayOptions): RelayHandle {
  const { ds, log } = options;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const holder = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const listeners = new Set<(lastPosition: number) => void>();
  const sequenceWaker = new Waker();
  const publishWaker = new Waker();
  const leaderWaker = new Waker();
  let stopped = false;
  let link: JetStreamLink | null = null;

  const jobs: ScheduledJob[] = [
    ...(options.jobs ?? []),
    idempotencyKeyPurgeJob,
    outboxRetentionJob({
      retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
      requirePublished: Boolean(options.nats),
      retentionFloor: options.retentionFloor,
    }),
  ];

  // Retried until it succeeds: the relay may start before the gateway has migrated the database.
  let preparing: Promise<void> | null = null;
  const prepared = (): Promise<void> =>
    (preparing ??= ensureStateRows(ds).catch((error: unknown) => {
      preparing = null;
      throw error;
    }));

  async function sequenceLoop(): Promise<void> {
    const outage = new Outage(log, "relay: sequencing failed; retrying", "relay: sequencing resumed");
    while (!stopped) {
      try {
        await prepared();
        const batch = await sequenceBatch(ds, batchSize);
        outage.over();
        if (batch.count > 0) {
          publishWaker.wake();
          for (const listener of listeners) notify(listener, batch.lastPosition);
          if (batch.count === batchSize) continue;
        }
      } catch (error) {
        outage.failed(error);
        await pause(outage.backoffMs(pollMs), () => stopped);
        continue;
      }
      await sequenceWaker.sleep(pollMs);
    }
  }

  function notify(listener: (lastPosition: number) => void, lastPosition: number): void {
    try {
      listener(lastPosition);
    } catch (error) {
      log.log("error", "relay: an onSequenced listener threw", { error: errorText(error) });
    }
  }

  async function publishLoop(target: NonNullable<RelayOptions["nats"]>): Promise<void> {
    const outage = new Outage(
      log,
      "relay: JetStream unreachable; events are still sequenced and will be published when it is back",
      "relay: publishing to JetStream resumed",
    );
    while (!stopped) {
      try {
        await prepared();
        if (!link) {
          link = await openJetStream(target);
          log.log("info", "relay: connected to JetStream", { stream: link.stream });
        }
        const batch = await publishBatch(ds, link, batchSize);
        if (batch.error) throw batch.error;
        outage.over();
        if (batch.claimed === batchSize) continue;
        await publishWaker.sleep(pollMs);
      } catch (error) {
        outage.failed(error);
        if (link?.nc.isClosed()) link = null;
        // Not woken early by new rows: NATS needs the pause.
        await pause(outage.backoffMs(500), () => stopped);
      }
    }
  }

  async function leaderLoop(): Promise<void> {
    const nextRun = new Map<ScheduledJob, number>();
    const tick = Math.min(LEADER_LEASE_MS / 3, ...jobs.map((j) => j.everyMs));
    let leader = false;
    const outage = new Outage(log, "relay: leader duties failed; retrying", "relay: leader duties resumed");
    while (!stopped) {
      try {
        await prepared();
        const now = await holdLeadership(ds, holder);
        if (now !== leader)
          log.log("info", now ? "relay: leader (runs the scheduled jobs)" : "relay: no longer leader");
        leader = now;
        outage.over();
        for (const job of jobs) {
          if (!leader || stopped) break;
          if (Date.now() < (nextRun.get(job) ?? 0)) continue;
          nextRun.set(job, Date.now() + job.everyMs);
          await runJob(job);
        }
      } catch (error) {
        outage.failed(error);
      }
      await leaderWaker.sleep(tick);
    }
    if (leader) await releaseLeadership(ds, holder).catch(() => undefined);
  }

  async function runJob(job: ScheduledJob): Promise<void> {
    const started = Date.now();
    try {
      const count = await job.run(ds, new Date());
      log.log(count > 0 ? "info" : "debug", "relay: scheduled job ran", {
        job: job.name,
        count,
        ms: Date.now() - started,
      });
    } catch (error) {
      log.log("error", "relay: scheduled job failed", { job: job.name, error: errorText(error) });
    }
  }

  const loops = [sequenceLoop(), leaderLoop(), ...(options.nats ? [publishLoop(options.nats)] : [])];
  let stopping: Promise<void> | null = null;

  return {
    wake: () => sequenceWaker.wake(),
    onSequenced(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopping ??= (async () => {
        stopped = true;
        sequenceWaker.wake();
        publishWaker.wake();
        leaderWaker.wake();
        await Promise.allSettled(loops);
        const open = link as JetStreamLink | null;
        link = null;
        if (open) await open.nc.close().catch(() => undefined);
        listeners.clear();
      })();
      return stopping;
    },
  };
}

/** Logs the first failure of a streak (warn) and the recovery (info), not every retry. */
class Outage {
  private failures = 0;

  constructor(
    private readonly log: EventLog,
    private readonly failedMessage: string,
    private readonly resumedMessage: string,
  ) {}

  failed(error: unknown): void {
    if (this.failures === 0) this.log.log("warn", this.failedMessage, { error: errorText(error) });
    this.failures++;
  }

  over(): void {
    if (this.failures > 0) this.log.log("info", this.resumedMessage, { failedAttempts: this.failures });
    this.failures = 0;
  }

  backoffMs(base: number): number {
    return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(10, Math.max(0, this.failures - 1)));
  }
}

/** Sleeps up to `ms`, checking `done` every 100 ms so a stop is not held up by a long back-off. */
async function pause(ms: number, done: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, until - Date.now())));
  }
}

/** An error for the log: its class and message only (no rows, no event data). */
function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
