import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { OutboxEvent, recordEvent, type EventFieldDefinition, type EventType } from "@arbetsliv/core";
import { inTransaction } from "@arbetsliv/core/data";
import { createTestDatabase, type TestDatabase } from "@arbetsliv/core/testing";
import { activeCatalogue } from "@arbetsliv/events";
import { deleteNatsNamespace, uniqueNatsNamespace } from "@arbetsliv/events/testing";
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { IsNull, Not, type DataSource } from "typeorm";
import { modules } from "../../src/modules";
import { PRODUCTION_TEST_ENV } from "../process-gateway";

const RELAY_MAIN = resolve(__dirname, "../../dist/cli/relay.js");
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
/** A stream and subjects of its own, so it overlaps no other stream on the shared server. */
const NAMESPACE = uniqueNatsNamespace("relay-crash");
const STREAM = NAMESPACE.stream;
const PREFIX = NAMESPACE.subjectPrefix;
const WRITERS = 8;
const WRITES_PER_WRITER = 150; // 1 200 writes, every 10th rolled back
/** Subjects of rolled-back writes: none of them may ever reach the stream. */
const ROLLED_BACK_BASE = 9_000_000;

/** `pnpm relay` as a real child process (production mode), its JSON log lines collected. */
class RelayProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(private readonly child: ChildProcess) {
    let pending = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop()!;
      this.lines.push(...parts);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => this.lines.push(`stderr: ${chunk}`));
    this.exited = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
  }

  static start(databaseUrl: string): RelayProcess {
    const env = {
      PATH: process.env.PATH ?? "",
      ...PRODUCTION_TEST_ENV,
      DATABASE_URL: databaseUrl,
      NATS_URL,
      ...NAMESPACE.env,
      LOG_LEVEL: "info",
    };
    return new RelayProcess(spawn(process.execPath, [RELAY_MAIN], { env, stdio: ["ignore", "pipe", "pipe"] }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  kill(signal: NodeJS.Signals): void {
    process.kill(this.pid, signal);
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Data that matches an event type's declaration (recordEvent checks it). */
function sampleData(event: EventType): Record<string, unknown> {
  const sample: Record<EventFieldDefinition["type"], unknown> = {
    id: "1",
    integer: 1,
    money: "10.00",
    date: "2026-01-01",
    enum: "SAMPLE",
    boolean: true,
  };
  return Object.fromEntries(
    Object.entries(event.data as Record<string, EventFieldDefinition>).map(([k, f]) => [k, sample[f.type]]),
  );
}

class Rollback extends Error {}

/**
 * One writer: sequential transactions, each recording an event about one of its own five
 * aggregates (so per aggregate, commit order = id order); every tenth is rolled back after its
 * event was recorded.
 */
async function writer(ds: DataSource, types: EventType[], w: number): Promise<void> {
  for (let i = 0; i < WRITES_PER_WRITER; i++) {
    const event = types[(w + i) % types.length];
    const rollBack = i % 10 === 9;
    try {
      await inTransaction(ds, async (manager) => {
        const subjectId = rollBack ? ROLLED_BACK_BASE + w * 1000 + i : w * 1000 + (i % 5) + 1;
        await recordEvent(manager, event, { subjectId, data: sampleData(event) });
        if (rollBack) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  }
}

// The relay runs as its own process and must share the database with the test: MariaDB only (the
// embedded sql.js database lives inside one process, where the gateway runs the relay itself).
const describeOnMariaDb = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnMariaDb("pnpm relay killed between publish and mark (crash test)", () => {
  let db: TestDatabase;
  let ds: DataSource;
  let databaseUrl: string;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const relays: RelayProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(modules);
    ds = db.ds;
    const options = ds.options as { url: string; type: string };
    databaseUrl = options.type === "mariadb" ? options.url.replace(/^mysql:/, "mariadb:") : options.url;
    nc = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nc);
  }, 120_000);

  afterAll(async () => {
    for (const relay of relays) {
      try {
        relay.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
    await nc?.close();
    await deleteNatsNamespace(NATS_URL, NAMESPACE);
    await db?.close();
  });

  it("delivers every committed event exactly once to a durable consumer, in order per subject, and none rolled back", async () => {
    const types = [...activeCatalogue().values()].filter((e) => e.scope);
    expect(types.length).toBeGreaterThan(5);

    const first = RelayProcess.start(databaseUrl);
    relays.push(first);
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(ds, types, w)));

    // Kill the relay while JetStream holds messages the outbox does not yet mark as published.
    const streamCount = async () => {
      try {
        return (await jsm.streams.info(STREAM)).state.messages;
      } catch {
        return 0; // not created yet
      }
    };
    const marked = () => ds.manager.count(OutboxEvent, { where: { publishedAt: Not(IsNull()) } });
    await waitFor("messages published but not yet marked", async () => {
      const [inStream, inOutbox] = await Promise.all([streamCount(), marked()]);
      return inStream > inOutbox;
    });
    first.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const [inStreamAtKill, markedAtKill] = [await streamCount(), await marked()];
    expect(inStreamAtKill).toBeGreaterThan(markedAtKill); // the crash left published, unmarked events

    const second = RelayProcess.start(databaseUrl);
    relays.push(second);
    await writing;
    const committed = await ds.manager.find(OutboxEvent, { order: { id: "ASC" } });
    expect(committed.length).toBeGreaterThanOrEqual(1_000);
    await waitFor(
      "every committed event published",
      async () => (await ds.manager.count(OutboxEvent, { where: { publishedAt: IsNull() } })) === 0,
    );

    // An integrator's durable consumer reads the stream from the start.
    await jsm.consumers.add(STREAM, {
      durable_name: "crash-test",
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const consumer = await jetstream(nc).consumers.get(STREAM, "crash-test");
    const received: { id: string; subject: string; natsSubject: string }[] = [];
    for (let emptyFetches = 0; emptyFetches < 2; ) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 1_000 });
      let got = 0;
      for await (const msg of batch) {
        const event = msg.json<{ id: string; subject: string }>();
        received.push({ id: event.id, subject: event.subject, natsSubject: msg.subject });
        msg.ack();
        got++;
      }
      emptyFetches = got === 0 ? emptyFetches + 1 : 0;
    }

    // Exactly once per committed event id, nothing else.
    expect(received.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(committed.map((r) => r.id));
    expect(received.some((r) => Number(r.subject.split("/")[1]) >= ROLLED_BACK_BASE)).toBe(false);
    expect(received.every((r) => r.natsSubject.startsWith(`${PREFIX}.arbetsliv.`))).toBe(true);
    // In order per subject: each aggregate's events arrive in their commit (= id) order.
    const bySubject = new Map<string, number[]>();
    for (const r of received) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), Number(r.id)]);
    for (const ids of bySubject.values()) expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // A clean stop: SIGTERM finishes the batch, closes NATS and the pool, exits 0.
    second.kill("SIGTERM");
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.lines.some((l) => l.includes('"relay stopped"'))).toBe(true);
    expect(second.lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  }, 300_000);
});
