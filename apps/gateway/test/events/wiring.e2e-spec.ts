import { testDatabaseKind } from "@arbetsliv/core/testing";
import { deleteNatsNamespace, uniqueNatsNamespace } from "@arbetsliv/events/testing";
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
  // A stream and subjects of its own: never ARBETSLIV_EVENTS (developers' gateways use it), never
  // another test file's, so its events (ids from 1, like every test database's) are not dropped as duplicates.
  const namespace = uniqueNatsNamespace("wiring");
  const gateways: GatewayProcess[] = [];
  const clients: WsClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.client.dispose();
    for (const gw of gateways.reverse()) await gw.stop();
    await deleteNatsNamespace(NATS_URL, namespace);
  });

  const onMariaDb = process.env.TEST_DATABASE_URL ? it : it.skip;

  onMariaDb(
    "feeds subscriptions from JetStream: a change made through one replica reaches a subscriber on another",
    async () => {
      const a = await GatewayProcess.start({ env: { NATS_URL, ...namespace.env } });
      gateways.push(a);
      expect(a.logEntries().find((l) => l.message === "events started")).toMatchObject({
        relay: "in-process",
        jetstream: { stream: namespace.stream, subjectPrefix: namespace.subjectPrefix },
        subscriptions: "jetstream",
      });
      // A second replica on the same database.
      const b = await GatewayProcess.start({
        env: {
          NATS_URL,
          ...namespace.env,
          DATABASE_URL: a.env.DATABASE_URL,
          DEMO_SEED: "false",
          MIGRATIONS_RUN: "false",
        },
      });
      gateways.push(b);
      await until(
        () =>
          b
            .logEntries()
            .some(
              (l) =>
                l.message === "subscriptions read JetStream" && l.subjects === `${namespace.subjectPrefix}.arbetsliv.>`,
            ),
        "replica B reading the namespace's subjects",
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

  it("wakes the relay after a mutation: the event reaches a subscriber although the relay would not poll for a minute", async () => {
    // With EVENTS_POLL_MS=60000 only the wake after the mutation (wake-plugin.ts) can sequence the
    // event within the wait below; the outbox source reads sequenced rows only.
    const gw = await GatewayProcess.start({ env: { EVENTS_POLL_MS: "60000" } });
    gateways.push(gw);
    const client = wsClient(gw, await gw.token(["synpunkter:events"], "frontend-wake"));
    clients.push(client);
    const sub = client.subscribe(EVENTS);
    await until(
      () => gw.logEntries().some((l) => l.message === "subscription started" && l.subject === "frontend-wake"),
      "the subscription",
    );
    await registerFeedback(gw); // warms the gateway (first mutation, relay's first wake)
    await until(() => sub.events.length >= 1, "the first event", 30_000);
    const id = await registerFeedback(gw);
    await until(
      () => sub.events.some((e) => e.subject === `FeedbackItem/${id}`),
      "the event of the second mutation",
      30_000,
    );
    expect(sub.errors).toEqual([]);
  });

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
    const gw = await GatewayProcess.launch({
      env: { EVENTS_RELAY: "sometimes", WS_MAX_CONNECTIONS_PER_SUBJECT: "0", NATS_SUBJECT_PREFIX: "a..b" },
    });
    const exit = await gw.exited;
    await gw.stop();
    expect(exit.code).toBe(2);
    expect(gw.stderr).toContain("EVENTS_RELAY must be in-process or external");
    expect(gw.stderr).toContain("WS_MAX_CONNECTIONS_PER_SUBJECT");
    expect(gw.stderr).toContain("NATS_SUBJECT_PREFIX must be 1–5 dot-separated tokens");
  });
});
