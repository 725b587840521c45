import type { DataSource, EntityManager } from "typeorm";
import { type OutboxEvent } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import type { EventLog } from "../event-log";
import { exists, OUTBOX_TABLE, quoter } from "../relay/relay-sql";
import { lastPosition, readFeed } from "./read-feed";

/**
 * Where live events come from for subscriptions: the outbox in the embedded default, JetStream
 * across replicas. Listeners get each event once, in position order; a source starts at "new"
 * (events sequenced after `start()`), since subscriptions are live (the change feed catches up).
 */
export interface EventSource {
  readonly kind: "outbox" | "jetstream";
  start(): Promise<void>;
  stop(): Promise<void>;
  onEvent(listener: (event: OutboxEvent) => void): () => void;
}

/**
 * Reads on sql.js go through the transaction queue: its one connection may be inside another
 * transaction (the relay's) whose positions are not committed yet.
 */
export function readCommitted<T>(ds: DataSource, read: (db: DataSource | EntityManager) => Promise<T>): Promise<T> {
  return ds.options.type === "sqljs" ? inTransaction(ds, read) : read(ds);
}

export interface OutboxEventSourceOptions {
  ds: DataSource;
  log: EventLog;
  /** Also read this often without a wake (a relay in another process cannot wake us). Default 1000 ms. */
  pollMs?: number;
  /** Rows per read. Default 500. */
  batchSize?: number;
}

/** Fans out listener calls; one failing listener never stops the others. */
export function listenerSet<T>(log: EventLog): { add(l: (v: T) => void): () => void; emit(v: T): void } {
  const listeners = new Set<(v: T) => void>();
  return {
    add(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(v) {
      for (const l of listeners) {
        try {
          l(v);
        } catch (error) {
          log.log("error", "event listener failed", { error: String(error) });
        }
      }
    },
  };
}

/**
 * The embedded source: the outbox itself. `wake()` (the relay's onSequenced) makes it read the rows
 * sequenced since the last read, once, and hand them to the listeners; a slow poll covers a relay
 * running in another process.
 */
export function outboxEventSource(o: OutboxEventSourceOptions): EventSource & { wake(): void } {
  const listeners = listenerSet<OutboxEvent>(o.log);
  const batchSize = o.batchSize ?? 500;
  let seen = 0;
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let reading: Promise<void> | null = null;
  let again = false;

  /** A plain SELECT (no transaction: nothing written on the embedded database while idle). */
  async function anythingNew(): Promise<boolean> {
    const q = quoter(o.ds);
    return exists(o.ds, `${q(OUTBOX_TABLE)} WHERE ${q("position")} > ?`, [seen]);
  }

  async function readNew(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (!(await anythingNew())) break;
        const rows = await readCommitted(o.ds, (db) =>
          readFeed(db, { after: seen, scopes: null, types: null, limit: batchSize }),
        );
        for (const row of rows) {
          seen = row.position!;
          listeners.emit(row);
        }
        if (rows.length < batchSize || !running) break;
      }
    } while (again && running);
  }

  function wake(): void {
    if (!running) return;
    if (reading) {
      again = true; // read once more after the current read: it may have started before this commit
      return;
    }
    reading = readNew()
      .catch((error) =>
        o.log.log("warn", "reading new events for subscriptions failed; retrying at the next wake", {
          error: String(error),
        }),
      )
      .finally(() => (reading = null));
  }

  return {
    kind: "outbox",
    async start() {
      seen = await readCommitted(o.ds, lastPosition);
      running = true;
      timer = setInterval(wake, o.pollMs ?? 1000);
      timer.unref();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      await reading;
    },
    onEvent: listeners.add,
    wake,
  };
}
