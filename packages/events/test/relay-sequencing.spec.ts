import { OutboxEvent } from "@arbetsliv/core";
import { inTransaction, isMysql } from "@arbetsliv/core/data";
import { createTestDatabase, type TestDatabase } from "@arbetsliv/core/testing";
import { IsNull, type DataSource } from "typeorm";
import {
  ensureStateRows,
  purgeOutbox,
  sequenceBatch,
  startRelay as start,
  type RelayHandle,
  type RelayOptions,
} from "../src/relay";
import type { EventLog } from "../src/event-log";
import {
  activateTestCatalogue,
  createWidget,
  relayOnlyModule,
  relayTestModule,
  RelayTestWidget,
  watchTransactions,
} from "./relay-test-module";

const silent: EventLog = { log: () => undefined };

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function outbox(ds: DataSource): Promise<OutboxEvent[]> {
  return ds.manager.find(OutboxEvent, { order: { id: "ASC" } });
}

class Rollback extends Error {}

const running: RelayHandle[] = [];
/** Every relay a test starts is stopped after it, even when the test fails. */
function startRelay(options: RelayOptions): RelayHandle {
  const relay = start(options);
  running.push(relay);
  return relay;
}

describe("the relay's sequencing", () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    activateTestCatalogue();
    db = await createTestDatabase([relayTestModule, relayOnlyModule]);
    ds = db.ds;
    await ensureStateRows(ds);
  });
  afterAll(() => db.close());
  const unsequenced = () => ds.manager.count(OutboxEvent, { where: { position: IsNull() } });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  beforeEach(async () => {
    await ds.manager.clear(OutboxEvent);
    await ds.manager.clear(RelayTestWidget);
  });

  it("an event exists iff its transaction committed (a rolled-back change leaves no event)", async () => {
    const committed = await inTransaction(ds, (m) => createWidget(m, 1));
    await expect(
      inTransaction(ds, async (m) => {
        await createWidget(m, 2);
        throw new Rollback("the change fails after its event was recorded");
      }),
    ).rejects.toThrow(Rollback);

    const rows = await outbox(ds);
    expect(rows.map((r) => r.subject)).toEqual([`Widget/${committed}`]);
    expect(await ds.manager.count(RelayTestWidget)).toBe(1);
    await sequenceBatch(ds, 100);
    expect((await outbox(ds)).map((r) => r.subject)).toEqual([`Widget/${committed}`]);
  });

  it("gives concurrent writers' committed events gap-free positions, each writer's in its commit order", async () => {
    const before = (await sequenceBatch(ds, 1)).lastPosition; // the outbox is empty: the last position given out
    const relay = startRelay({ ds, log: silent, pollMs: 5, batchSize: 37 });
    const writers = 6;
    const perWriter = 60;
    const committedBy = new Map<number, number[]>();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const ids: number[] = [];
        for (let i = 0; i < perWriter; i++) {
          const rollBack = i % 7 === 3;
          try {
            const id = await inTransaction(ds, async (m) => {
              const widgetId = await createWidget(m, writer);
              if (rollBack) throw new Rollback();
              return widgetId;
            });
            ids.push(id);
          } catch (error) {
            if (!(error instanceof Rollback)) throw error;
          }
          if (i % 10 === 0) relay.wake();
        }
        committedBy.set(writer, ids);
      }),
    );
    const total = [...committedBy.values()].reduce((n, ids) => n + ids.length, 0);
    await waitFor("every committed event sequenced", async () =>
      (await ds.manager.count(OutboxEvent, { where: { position: IsNull() } })) === 0 ? true : null,
    );
    await relay.stop();

    const rows = await outbox(ds);
    expect(rows).toHaveLength(total);
    // Gap-free and never repeated: exactly the next `total` positions.
    expect(rows.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: total }, (_, i) => before + i + 1),
    );
    // A writer's next transaction starts after its previous one committed: its positions rise.
    const positionOf = new Map(rows.map((r) => [r.subject, r.position!]));
    for (const ids of committedBy.values()) {
      const positions = ids.map((id) => positionOf.get(`Widget/${id}`)!);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it("two relays sequencing the same outbox never collide or skip", async () => {
    const a = startRelay({ ds, log: silent, pollMs: 1, batchSize: 7 });
    const b = startRelay({ ds, log: silent, pollMs: 1, batchSize: 5 });
    for (let i = 0; i < 150; i++) {
      await inTransaction(ds, (m) => createWidget(m, i % 3));
      if (i % 5 === 0) (i % 2 ? a : b).wake();
    }
    await waitFor("all sequenced", async () =>
      (await ds.manager.count(OutboxEvent, { where: { position: IsNull() } })) === 0 ? true : null,
    );
    await Promise.all([a.stop(), b.stop()]);
    const positions = (await outbox(ds)).map((r) => r.position!).sort((x, y) => x - y);
    const first = positions[0];
    expect(positions).toEqual(Array.from({ length: 150 }, (_, i) => first + i));
  });

  it("reports each sequenced batch's last position to onSequenced listeners", async () => {
    const before = (await sequenceBatch(ds, 1)).lastPosition; // before any relay runs: no one else holds the lock
    const relay = startRelay({ ds, log: silent, pollMs: 5 });
    const seen: number[] = [];
    const unsubscribe = relay.onSequenced((last) => seen.push(last));
    await inTransaction(ds, (m) => createWidget(m, 1));
    await inTransaction(ds, (m) => createWidget(m, 1));
    relay.wake();
    await waitFor("the listener hears of both", async () => (seen.at(-1) === before + 2 ? true : null));
    unsubscribe();
    await relay.stop();
    await relay.stop(); // idempotent
  });

  it("never reuses a position after old events are deleted (the last one is kept in the relay state)", async () => {
    await inTransaction(ds, (m) => createWidget(m, 1));
    const { lastPosition } = await sequenceBatch(ds, 10);
    const deleted = await purgeOutbox(ds, { retentionDays: 0, requirePublished: false }, new Date(Date.now() + 1000));
    expect(deleted).toBe(1);
    await inTransaction(ds, (m) => createWidget(m, 1));
    const next = await sequenceBatch(ds, 10);
    expect(next).toEqual({ count: 1, lastPosition: lastPosition + 1 });
  });

  it("keeps events that are young, unsequenced or still needed by a webhook (retention floor)", async () => {
    for (let i = 0; i < 3; i++) await inTransaction(ds, (m) => createWidget(m, 1));
    await sequenceBatch(ds, 2); // the third stays unsequenced
    const rows = await outbox(ds);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await purgeOutbox(ds, { retentionDays: 30, requirePublished: false }, new Date())).toBe(0);
    expect(await purgeOutbox(ds, { retentionDays: 30, requirePublished: true }, later)).toBe(0);
    const floor = rows[1].position!;
    expect(
      await purgeOutbox(ds, { retentionDays: 30, requirePublished: false, retentionFloor: async () => floor }, later),
    ).toBe(1);
    expect((await outbox(ds)).map((r) => r.id)).toEqual([rows[1].id, rows[2].id]);
  });

  it("runs scheduled jobs only in the leader", async () => {
    const runs: string[] = [];
    const job = (relay: string) => ({
      name: "count",
      description: "test",
      everyMs: 20,
      run: async () => (runs.push(relay), 0),
    });
    const a = startRelay({ ds, log: silent, jobs: [job("a")] });
    const b = startRelay({ ds, log: silent, jobs: [job("b")] });
    await waitFor("several runs", async () => (runs.length >= 5 ? true : null));
    await Promise.all([a.stop(), b.stop()]);
    // On MariaDB the lease picks one relay; on sql.js (one process) each relay is its own leader.
    if (isMysql(ds)) expect(new Set(runs).size).toBe(1);
  });

  it("opens no transaction while idle: sequencer, leader and housekeeping decide from plain SELECTs", async () => {
    // On the embedded file database every committed transaction rewrites the whole file.
    await inTransaction(ds, (m) => createWidget(m, 1));
    const ran: string[] = [];
    const log: EventLog = {
      log: (_level, message, fields) => {
        if (message.startsWith("relay: scheduled job")) ran.push(String(fields?.job));
      },
    };
    const everyTick = { name: "idle-test", description: "test", everyMs: 20, run: async () => 0 };
    const relay = startRelay({ ds, log, pollMs: 5, jobs: [everyTick] });
    relay.wake();
    await waitFor("the event sequenced", async () => (await unsequenced()) === 0);
    await waitFor("the housekeeping's first run", async () =>
      ["purge-outbox", "purge-idempotency-keys"].every((job) => ran.includes(job)),
    );
    const watch = watchTransactions(ds);
    try {
      await waitFor("many idle ticks", async () => watch.idleChecks() >= 50 && ran.length >= 10);
      expect(watch.transactions()).toBe(0);
      // Work again: now the relay opens its transaction (and the watch sees transactions at all).
      await inTransaction(ds, (m) => createWidget(m, 2));
      await waitFor("the new event sequenced", async () => (await unsequenced()) === 0);
      expect(watch.transactions()).toBeGreaterThanOrEqual(2);
    } finally {
      watch.stop();
    }
  });

  if (process.env.TEST_DATABASE_URL) {
    it("MariaDB: a transaction still open does not block sequencing and gets a later position once committed", async () => {
      const open = ds.createQueryRunner();
      await open.connect();
      await open.startTransaction();
      try {
        const earlyId = await createWidget(open.manager, 1); // lower id, commits last
        const lateId = await inTransaction(ds, (m) => createWidget(m, 2));
        const first = await sequenceBatch(ds, 100);
        expect(first.count).toBe(1);
        await open.commitTransaction();
        const second = await sequenceBatch(ds, 100);
        expect(second).toEqual({ count: 1, lastPosition: first.lastPosition + 1 });
        const positionOf = new Map((await outbox(ds)).map((r) => [r.subject, r.position]));
        expect(positionOf.get(`Widget/${lateId}`)).toBe(first.lastPosition);
        expect(positionOf.get(`Widget/${earlyId}`)).toBe(second.lastPosition);
      } finally {
        if (open.isTransactionActive) await open.rollbackTransaction();
        await open.release();
      }
    });
  }
});
