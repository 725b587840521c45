import { randomInt } from "node:crypto";
import { createDataSource, mysqlConfig } from "@arbetsliv/core";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "../security/helpers";
import { EVENTS, until, wsClient, type WsClient } from "./ws-client";

jest.setTimeout(240_000);

const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";

async function registerFeedback(gw: GatewayProcess): Promise<string> {
  const areas = await postGraphql(gw, { query: `{ businessAreas { id } }` }, await gw.token(["synpunkter:stats"]));
  const businessAreaId = (areas.json!.data!.businessAreas as { id: string }[])[0].id;
  const r = await postGraphql(
    gw,
    {
      query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
      variables: {
        input: {
          kind: "QUESTION",
          criterion: "INFORMATION",
          businessAreaId,
          channel: "E_SERVICE",
          description: "Öppettider?",
          wantsReply: false,
        },
      },
    },
    await gw.token(["synpunkter:write"], "e-service"),
  );
  expect(r.codes).toEqual([]);
  return (r.json!.data!.registerFeedback as { id: string }).id;
}

describe(`event runtime wiring with NATS JetStream (production mode, ${testDatabaseKind()})`, () => {
  // The default stream: JetStream refuses a second stream over the same `arbetsliv.>` subjects.
  const stream = "ARBETSLIV_EVENTS";
  const gateways: GatewayProcess[] = [];
  const clients: WsClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.client.dispose();
    for (const gw of gateways.reverse()) await gw.stop();
  });

  /**
   * JetStream drops a message whose msgID (the event id) it saw within its duplicate window, and
   * every test database numbers its events from 1: so this test's events get ids no other test
   * database uses (on MariaDB, where replicas share a database; sql.js gives each process its own).
   */
  async function uniqueEventIds(databaseUrl: string): Promise<void> {
    const ds = createDataSource(mysqlConfig(databaseUrl), { modules: [] });
    await ds.initialize();
    await ds.query(`ALTER TABLE event_outbox AUTO_INCREMENT = ${randomInt(1_000_000_000, 2_000_000_000)}`);
    await ds.destroy();
  }

  const onMariaDb = process.env.TEST_DATABASE_URL ? it : it.skip;

  onMariaDb(
    "feeds subscriptions from JetStream: a change made through one replica reaches a subscriber on another",
    async () => {
      const a = await GatewayProcess.start({ env: { NATS_URL, NATS_STREAM: stream } });
      gateways.push(a);
      await uniqueEventIds(a.env.DATABASE_URL);
      expect(a.logEntries().find((l) => l.message === "events started")).toMatchObject({
        relay: "in-process",
        subscriptions: "jetstream",
      });
      // A second replica on the same database.
      const b = await GatewayProcess.start({
        env: {
          NATS_URL,
          NATS_STREAM: stream,
          DATABASE_URL: a.env.DATABASE_URL,
          DEMO_SEED: "false",
          MIGRATIONS_RUN: "false",
        },
      });
      gateways.push(b);
      await until(
        () => b.logEntries().some((l) => l.message === "subscriptions read JetStream"),
        "replica B reading JetStream",
      );
      const client = wsClient(b, await b.token(["synpunkter:events"], "frontend-replica"));
      clients.push(client);
      const sub = client.subscribe(EVENTS);
      await until(
        () => b.logEntries().some((l) => l.message === "subscription started" && l.subject === "frontend-replica"),
        "the subscription on B",
      );
      const id = await registerFeedback(a);
      await until(() => sub.events.some((e) => e.subject === `FeedbackItem/${id}`), "the event on replica B", 20_000);
      expect(sub.events.find((e) => e.subject === `FeedbackItem/${id}`)).toMatchObject({
        type: FEEDBACK_RECEIVED,
        data: expect.objectContaining({ feedbackItemId: id }),
      });
      expect(sub.errors).toEqual([]);
    },
  );

  it("with EVENTS_RELAY=external runs no relay: events wait in the outbox (unsequenced, not in the feed) for `pnpm relay`", async () => {
    const gw = await GatewayProcess.start({ env: { EVENTS_RELAY: "external" } });
    gateways.push(gw);
    expect(gw.logEntries().find((l) => l.message === "events started")).toMatchObject({
      relay: "external",
      subscriptions: "outbox",
    });
    expect(gw.logEntries().some((l) => String(l.message).startsWith("relay:"))).toBe(false);
    await registerFeedback(gw);
    const page = await postGraphql(
      gw,
      { query: `{ events(filter: { types: ["${FEEDBACK_RECEIVED}"] }, first: 100) { nodes { id } } }` },
      await gw.token(["synpunkter:events"]),
    );
    expect(page.codes).toEqual([]);
    expect((page.json!.data!.events as { nodes: unknown[] }).nodes).toEqual([]);
  });

  it("refuses an invalid events configuration at start, naming the variable", async () => {
    const gw = await GatewayProcess.launch({ env: { EVENTS_RELAY: "sometimes", WS_MAX_CONNECTIONS_PER_SUBJECT: "0" } });
    const exit = await gw.exited;
    await gw.stop();
    expect(exit.code).toBe(2);
    expect(gw.stderr).toContain("EVENTS_RELAY must be in-process or external");
    expect(gw.stderr).toContain("WS_MAX_CONNECTIONS_PER_SUBJECT");
  });
});
