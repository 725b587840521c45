import { OutboxEvent } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { createTestDatabase, type TestDatabase } from "@arbetsliv/core/testing";
import { jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { IsNull, Not, type DataSource } from "typeorm";
import type { EventLog } from "../src/event-log";
import {
  ensureStateRows,
  publishBatch,
  openJetStream,
  startRelay as start,
  type RelayHandle,
  type RelayOptions,
} from "../src/relay";
import { jetStreamEventSource } from "../src/feed/jetstream-source";
import { deleteNatsNamespace, uniqueNatsNamespace } from "../src/testing";
import {
  activateTestCatalogue,
  createWidget,
  relayOnlyModule,
  relayTestModule,
  watchTransactions,
} from "./relay-test-module";

const NATS_URL = process.env.NATS_URL ?? "127.0.0.1:4222";
/** A port nothing listens on: NATS "down". */
const NATS_DOWN = "127.0.0.1:4299";
/** A stream and subjects of its own: no overlap with ARBETSLIV_EVENTS or another test file's stream. */
const NAMESPACE = uniqueNatsNamespace("relay-jetstream");
const STREAM = NAMESPACE.stream;
const PREFIX = NAMESPACE.subjectPrefix;
const TARGET = { servers: NATS_URL, stream: STREAM, subjectPrefix: PREFIX };

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

let lines: LogLine[] = [];
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(lines.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every message of the stream, in stream order. */
async function streamMessages(
  jsm: JetStreamManager,
  stream: string,
): Promise<{ subject: string; event: Record<string, unknown> }[]> {
  const info = await jsm.streams.info(stream);
  const out: { subject: string; event: Record<string, unknown> }[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const msg = await jsm.streams.getMessage(stream, { seq });
    if (msg) out.push({ subject: msg.subject, event: msg.json<Record<string, unknown>>() });
  }
  return out;
}

describe("the relay's publishing to JetStream", () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const running: RelayHandle[] = [];
  lines = [];
  const log: EventLog = { log: (level, message, fields) => lines.push({ level, message, fields }) };

  function startRelay(options: Omit<RelayOptions, "ds" | "log">): RelayHandle {
    const relay = start({ ds, log, pollMs: 10, ...options });
    running.push(relay);
    return relay;
  }

  const unpublished = () => ds.manager.count(OutboxEvent, { where: { publishedAt: IsNull() } });

  beforeAll(async () => {
    activateTestCatalogue();
    db = await createTestDatabase([relayTestModule, relayOnlyModule]);
    ds = db.ds;
    await ensureStateRows(ds);
    nc = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nc);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await nc.close();
    await deleteNatsNamespace(NATS_URL, NAMESPACE);
    await db.close();
  });

  it("creates the stream and publishes every event once as CloudEvents JSON on its subject; a re-publish is dropped by msgID", async () => {
    const relay = startRelay({ nats: TARGET });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await inTransaction(ds, (m) => createWidget(m, i, i === 5)));
    relay.wake();
    await waitFor("all published", async () => (await unpublished()) === 0);

    const info = await jsm.streams.info(STREAM);
    expect(info.config.subjects).toEqual([`${PREFIX}.arbetsliv.>`]);
    expect(info.config.duplicate_window).toBeGreaterThanOrEqual(60 * 1e9);

    // As if the relay had crashed after publishing and before marking: the rows go out again.
    await ds.manager.update(OutboxEvent, { publishedAt: Not(IsNull()) }, { publishedAt: null });
    relay.wake();
    await waitFor("all published again", async () => (await unpublished()) === 0);

    const messages = await streamMessages(jsm, STREAM);
    const rows = await ds.manager.find(OutboxEvent, { order: { position: "ASC" } });
    expect(messages.map((m) => m.event.id)).toEqual(rows.map((r) => String(r.id)));
    expect(messages).toHaveLength(20);
    expect(messages[0].subject).toBe(`${PREFIX}.arbetsliv.relaytest.widget.created.v1`);
    expect(messages[5].subject).toBe(`${PREFIX}.arbetsliv.protected.relaytest.widget.created.v1`);
    expect(messages[0].event).toMatchObject({
      specversion: "1.0",
      type: "se.arbetsliv.relaytest.widget.created.v1",
      source: "/arbetsliv/relaytest",
      subject: `Widget/${ids[0]}`,
      data: { widgetId: String(ids[0]), writer: 0 },
    });
  });

  it("publishing the same rows twice (two publishers, no marks in between) stores one message each", async () => {
    for (let i = 0; i < 10; i++) await inTransaction(ds, (m) => createWidget(m, 1));
    const relay = startRelay({}); // sequences only
    relay.wake();
    await waitFor(
      "sequenced",
      async () => (await ds.manager.count(OutboxEvent, { where: { position: IsNull() } })) === 0,
    );
    const before = (await jsm.streams.info(STREAM)).state.messages;
    const link = await openJetStream(TARGET);
    try {
      const first = await publishBatch(ds, link, 100);
      await ds.manager.update(OutboxEvent, { publishedAt: Not(IsNull()) }, { publishedAt: null });
      const second = await publishBatch(ds, link, 100);
      expect(first.published).toBe(10);
      expect(second.published).toBe(30); // this test's 10 and the first test's 20, all sent again
      expect((await jsm.streams.info(STREAM)).state.messages - before).toBe(10);
    } finally {
      await link.nc.close();
    }
  });

  it("publishing idle opens no transaction (a plain SELECT finds nothing to publish)", async () => {
    const relay = startRelay({ nats: TARGET, pollMs: 5 });
    await inTransaction(ds, (m) => createWidget(m, 4));
    relay.wake();
    await waitFor("published", async () => (await unpublished()) === 0);
    const watch = watchTransactions(ds);
    try {
      await waitFor("many idle ticks of sequencer and publisher", async () => watch.idleChecks() >= 60);
      expect(watch.transactions()).toBe(0);
    } finally {
      watch.stop();
    }
  });

  it("keeps sequencing while NATS is unreachable, warns once, does not crash, and stops cleanly", async () => {
    lines.length = 0;
    const relay = startRelay({ nats: { ...TARGET, servers: NATS_DOWN } });
    const sequenced: number[] = [];
    relay.onSequenced((last) => sequenced.push(last));
    for (let i = 0; i < 5; i++) await inTransaction(ds, (m) => createWidget(m, 2));
    relay.wake();
    await waitFor(
      "sequenced without NATS",
      async () => (await ds.manager.count(OutboxEvent, { where: { position: IsNull() } })) === 0,
    );
    await waitFor("the warning", async () => lines.some((l) => l.level === "warn") && sequenced.length > 0);
    expect(await unpublished()).toBe(5);
    await relay.stop();
    const warnings = lines.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/JetStream unreachable/);
    // No event data in the log: the warning carries only the error.
    expect(JSON.stringify(lines)).not.toMatch(/widgetId|Widget\//);

    // NATS back (the real one): the backlog goes out.
    const back = startRelay({ nats: TARGET });
    back.wake();
    await waitFor("backlog published", async () => (await unpublished()) === 0);
  });
  it("the subscriptions' JetStream source reads the same prefixed namespace: each new event once, its receiver scope recovered", async () => {
    const source = jetStreamEventSource({ ...TARGET, log });
    const heard: OutboxEvent[] = [];
    source.onEvent((event) => heard.push(event));
    await source.start();
    try {
      const relay = startRelay({ nats: TARGET });
      const plain = await inTransaction(ds, (m) => createWidget(m, 3));
      const hidden = await inTransaction(ds, (m) => createWidget(m, 3, true));
      relay.wake();
      await waitFor("both events from JetStream", async () => heard.length >= 2);
      expect(heard.map((e) => e.subject)).toEqual([`Widget/${plain}`, `Widget/${hidden}`]);
      expect(heard.map((e) => e.requiredScope)).toEqual(["relaytest:read", "relaytest:protected"]);
      const rows = await ds.manager.find(OutboxEvent, { where: { subject: `Widget/${plain}` } });
      expect(heard[0]).toMatchObject({ id: rows[0].id, position: rows[0].position, type: rows[0].type });
    } finally {
      await source.stop();
    }
  });
});
