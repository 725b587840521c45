import type { OutboxEvent } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import {
  EventHub,
  outboxEventSource,
  rowFromMessage,
  silentLog,
  cloudEventJson,
  natsSubject,
  protectedScopes,
  activeCatalogue,
} from "../src";
import { CaseClosed, feedModules, sequenceAll, writeEvent } from "./feed-fixture";

/** Waits for a condition with a deadline (no fixed sleeps). */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function collect(iterator: AsyncIterableIterator<OutboxEvent>, into: OutboxEvent[]): Promise<void> {
  for await (const event of iterator) into.push(event);
}

describe(`live events from the outbox on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start(feedModules());
    await writeEvent(app.ds); // before the source starts: not delivered (subscriptions are live)
    await sequenceAll(app.ds);
  });
  afterAll(() => app?.close());

  it("hands each new event once to the subscriptions its scopes and types allow, and ends them on close", async () => {
    const source = outboxEventSource({ ds: app.ds, log: silentLog, pollMs: 60_000 });
    const hub = new EventHub(source);
    await source.start();
    const all: OutboxEvent[] = [];
    const plain: OutboxEvent[] = [];
    const closedOnly: OutboxEvent[] = [];
    const nothing: OutboxEvent[] = [];
    const done = Promise.all([
      collect(hub.subscribe({ scopes: ["feedtest:events", "feedtest:protected"], types: null }), all),
      collect(hub.subscribe({ scopes: ["feedtest:events"], types: null }), plain),
      collect(hub.subscribe({ scopes: ["feedtest:events"], types: [CaseClosed.type] }), closedOnly),
      collect(hub.subscribe({ scopes: ["feedtest:other"], types: null }), nothing),
    ]);
    const ids = [
      await writeEvent(app.ds, "opened"),
      await writeEvent(app.ds, "opened", true),
      await writeEvent(app.ds, "closed"),
    ];
    await sequenceAll(app.ds);
    source.wake();
    source.wake(); // a second wake while reading must not deliver twice
    await until(() => all.length >= 3, "three events");
    await until(() => closedOnly.length >= 1, "the closed event");
    hub.close();
    await done;
    await source.stop();
    expect(all.map((e) => e.id)).toEqual(ids);
    expect(plain.map((e) => e.id)).toEqual([ids[0], ids[2]]);
    expect(closedOnly.map((e) => e.id)).toEqual([ids[2]]);
    expect(nothing).toEqual([]);
  });

  it("ends a subscription that stops reading instead of queueing without bound", async () => {
    const source = outboxEventSource({ ds: app.ds, log: silentLog, pollMs: 60_000 });
    const hub = new EventHub(source, 2);
    await source.start();
    const stalled = hub.subscribe({ scopes: ["feedtest:events"], types: null });
    for (let i = 0; i < 4; i++) await writeEvent(app.ds, "closed");
    await sequenceAll(app.ds);
    source.wake();
    await until(() => hub.size === 0, "the stalled subscription to be ended");
    await expect(stalled.next()).resolves.toMatchObject({ done: false });
    await expect(stalled.next()).resolves.toMatchObject({ done: false });
    await expect(stalled.next()).rejects.toThrow(/More than 2 events waited/);
    await source.stop();
    hub.close();
  });

  it("turns a JetStream message back into the row it was published from, the receiver scope included", async () => {
    const id = await writeEvent(app.ds, "opened", true);
    await sequenceAll(app.ds);
    const row = (await app.ds.query(`SELECT * FROM event_outbox WHERE id = ${id}`)) as Record<string, unknown>[];
    const original = { ...row[0], id, position: Number(row[0].position), publishedAt: null } as OutboxEvent;
    const subject = natsSubject(original, protectedScopes(activeCatalogue()));
    expect(subject).toBe("arbetsliv.protected.feedtest.case.opened.v1");
    const back = rowFromMessage(subject, JSON.stringify(cloudEventJson(original)))!;
    expect(back).toEqual({ ...original, requiredScope: "feedtest:protected" });
    expect(cloudEventJson(back)).toEqual(cloudEventJson(original));
    // Under a subject prefix (NATS_SUBJECT_PREFIX) the protected part is recognised after it.
    const prefixed = natsSubject(original, protectedScopes(activeCatalogue()), "staging.a1");
    expect(prefixed).toBe("staging.a1.arbetsliv.protected.feedtest.case.opened.v1");
    expect(rowFromMessage(prefixed, JSON.stringify(cloudEventJson(original)), "staging.a1")).toEqual(back);
    expect(() => natsSubject(original, new Set(), "bad prefix")).toThrow(/subject prefix must be/);
    expect(
      rowFromMessage(
        "arbetsliv.x.y.v1",
        JSON.stringify({ ...cloudEventJson(original), type: "se.arbetsliv.unknown.v1" }),
      ),
    ).toBeNull();
  });
});
