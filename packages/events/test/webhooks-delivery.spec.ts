import { OutboxEvent } from "@arbetsliv/core";
import { newStatementCounter, withStatementCounter } from "@arbetsliv/core/data";
import { testDatabaseKind, type TestApp } from "@arbetsliv/core/testing";
import type { RelayHandle } from "../src/relay";
import { EventScopes } from "../src/scopes";
import { startWebhookDispatcher, useWebhookTargetPolicy, type WebhookDispatcherOptions } from "../src/webhooks";
import {
  makeThing,
  PROTECTED,
  READ,
  recordingLog,
  startTestRelay,
  startWebhookApp,
  TestReceiver,
  thingMade,
  waitFor,
} from "./webhooks-fixture";

const ADMIN = EventScopes.WEBHOOKS_ADMIN;

interface DeliveryView {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
}
interface WebhookView {
  id: string;
  version: number;
  scopes: string[];
  scheduledThrough: number;
  deliveryCounts: { pending: number; failedRetrying: number; delivered: number; dead: number };
  recentDeliveries: DeliveryView[];
}

const WEBHOOK_FIELDS = `id version scopes scheduledThrough deliveryCounts { pending failedRetrying delivered dead }
  recentDeliveries(first: 100) { id eventId status attempts lastStatusCode lastError }`;

function countsAgreeWithRows(w: WebhookView): boolean {
  const byStatus: Record<string, keyof WebhookView["deliveryCounts"]> = {
    PENDING: "pending",
    FAILED_RETRYING: "failedRetrying",
    DELIVERED: "delivered",
    DEAD: "dead",
  };
  const tally = { pending: 0, failedRetrying: 0, delivered: 0, dead: 0 };
  for (const d of w.recentDeliveries) tally[byStatus[d.status]]++;
  const total = Object.values(w.deliveryCounts).reduce((a, b) => a + b, 0);
  // With more deliveries than the page holds, the rows cannot be tallied against the counts.
  return (
    total > w.recentDeliveries.length ||
    Object.entries(tally).every(([k, n]) => w.deliveryCounts[k as keyof typeof tally] === n)
  );
}

describe(`webhook deliveries (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let relay: RelayHandle;
  const receiver = new TestReceiver();
  const log = recordingLog();
  const secrets: string[] = [];

  beforeAll(async () => {
    useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: true }); // the receiver is on 127.0.0.1
    app = await startWebhookApp();
    relay = startTestRelay(app);
    await receiver.start();
  });
  afterAll(async () => {
    await relay.stop();
    await receiver.stop();
    await app.close();
    useWebhookTargetPolicy(null);
  });

  const dispatcher = (options: Partial<WebhookDispatcherOptions> = {}) =>
    startWebhookDispatcher({
      ds: app.ds,
      log,
      pollMs: 10,
      maxAttempts: 5,
      backoff: { baseMs: 5, maxMs: 40 },
      // Generous: sql.js runs in this same event loop, and a local answer can wait behind it.
      timeoutMs: 3_000,
      ...options,
    });

  async function register(path: string, rule: (seen: number) => number | "hang", scopes?: string[]) {
    const data = await app.ok<{ registerWebhook: { webhook: { id: string }; secret: string } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } secret } }`,
      { variables: { input: { url: receiver.url(path), eventTypes: [thingMade.type], description: path } }, scopes },
    );
    const { webhook, secret } = data.registerWebhook;
    secrets.push(secret);
    receiver.endpoint(path, secret, rule);
    return webhook.id;
  }

  // deliveryCounts and recentDeliveries are two statements, so a dispatcher writing between them
  // gives a view whose counts are newer than its rows: read again until the two agree.
  const view = (id: string) =>
    waitFor("a view whose counts agree with its rows", async () => {
      const { webhook } = await app.ok<{ webhook: WebhookView }>(
        `query($id: ID!) { webhook(id: $id) { ${WEBHOOK_FIELDS} } }`,
        { variables: { id } },
      );
      return countsAgreeWithRows(webhook) ? webhook : null;
    });

  const deleteWebhook = (id: string) => app.ok(`mutation($id: ID!) { deleteWebhook(id: $id) }`, { variables: { id } });

  const eventIdsOf = async (thingIds: number[]) => {
    const rows = await app.ds.manager.find(OutboxEvent, { order: { id: "ASC" } });
    return thingIds.map((t) => String(rows.find((r) => r.subject === `WhTestThing/${t}`)!.id));
  };

  it("a receiver failing, then slow, then healthy gets each event once as DELIVERED, signed, with the retries visible", async () => {
    // Each event: 1st try 500, 2nd try hangs past the timeout, 3rd try 200.
    const path = "/flaky";
    const id = await register(path, (seen) => (seen === 0 ? 500 : seen === 1 ? "hang" : 200));
    const handle = dispatcher({ timeoutMs: 1_500 });
    const things = [];
    for (let i = 1; i <= 5; i++) things.push(await makeThing(app, i));
    relay.wake();
    const eventIds = await eventIdsOf(things);

    const done = await waitFor("5 deliveries", async () => {
      const w = await view(id);
      return w.deliveryCounts.delivered === 5 ? w : null;
    });
    await handle.stop();

    expect(done.deliveryCounts).toEqual({ pending: 0, failedRetrying: 0, delivered: 5, dead: 0 });
    expect(done.recentDeliveries.map((d) => d.eventId).sort()).toEqual([...eventIds].sort());
    for (const d of done.recentDeliveries) {
      expect(d).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200, lastError: null });
    }
    for (const eventId of eventIds) {
      expect(receiver.seen(path, eventId)).toBe(3); // 500, timed out, 200
      expect(receiver.acceptedCount(path, eventId)).toBe(1);
    }
    const requests = receiver.to(path);
    expect(requests.every((r) => r.verified)).toBe(true);
    expect(requests.every((r) => r.contentType === "application/cloudevents+json")).toBe(true);
    for (const r of requests) {
      expect(r.event).toMatchObject({ id: r.webhookId, type: thingMade.type, specversion: "1.0" });
    }
    // The failures were logged, with the reasons and without the payload or the secret.
    const failures = log.lines.filter((l) => l.message === "webhook delivery failed");
    expect(failures.map((l) => (l.fields as { error: string }).error)).toEqual(
      expect.arrayContaining(["HTTP 500", "timeout after 1500 ms"]),
    );
    await deleteWebhook(id);
  });

  it("a permanently failing receiver: DEAD after the limit; retryDeadDelivery and replayWebhook then deliver", async () => {
    const path = "/down";
    const id = await register(path, () => 503);
    const handle = dispatcher({ maxAttempts: 3 });
    const things = [await makeThing(app, 10), await makeThing(app, 11)];
    relay.wake();
    const [first, second] = await eventIdsOf(things);

    const dead = await waitFor("2 dead deliveries", async () => {
      const w = await view(id);
      return w.deliveryCounts.dead === 2 ? w : null;
    });
    for (const d of dead.recentDeliveries)
      expect(d).toMatchObject({ status: "DEAD", attempts: 3, lastStatusCode: 503, lastError: "HTTP 503" });
    expect(receiver.seen(path, first)).toBe(3);
    expect(receiver.seen(path, second)).toBe(3);

    receiver.rule(path, () => 204); // the integrator fixed the endpoint
    const deadFirst = dead.recentDeliveries.find((d) => d.eventId === first)!;
    const retried = await app.ok<{ retryDeadDelivery: DeliveryView }>(
      `mutation($id: ID!) { retryDeadDelivery(id: $id) { id status attempts } }`,
      { variables: { id: deadFirst.id } },
    );
    expect(retried.retryDeadDelivery).toMatchObject({ status: "PENDING", attempts: 0 });
    await waitFor("the retried delivery", () => receiver.acceptedCount(path, first) === 1);
    // Only DEAD deliveries can be retried.
    await waitFor("the retried delivery recorded", async () => (await view(id)).deliveryCounts.delivered === 1);
    const notDead = await app.call(`mutation($id: ID!) { retryDeadDelivery(id: $id) { id } }`, {
      variables: { id: deadFirst.id },
    });
    expect(notDead.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id", rule: "dead" });

    await app.ok(`mutation($input: ReplayWebhookInput!) { replayWebhook(input: $input) { id } }`, {
      variables: { input: { id, fromEventId: second } },
    });
    const healed = await waitFor("both delivered", async () => {
      const w = await view(id);
      return w.deliveryCounts.delivered === 2 ? w : null;
    });
    await handle.stop();
    expect(healed.deliveryCounts.dead).toBe(0);
    expect(receiver.acceptedCount(path, first)).toBe(1);
    expect(receiver.acceptedCount(path, second)).toBe(1);
    expect(receiver.to(path).every((r) => r.verified)).toBe(true);
    await deleteWebhook(id);
  });

  it("replays from an event id and from a time: the same webhook-ids again, nothing before the point", async () => {
    const path = "/replay";
    const id = await register(path, () => 200);
    const handle = dispatcher();
    const things = [];
    for (let i = 1; i <= 4; i++) things.push(await makeThing(app, 20 + i));
    relay.wake();
    const [e1, e2, e3, e4] = await eventIdsOf(things);
    await waitFor("4 first deliveries", () => [e1, e2, e3, e4].every((e) => receiver.acceptedCount(path, e) === 1));

    const replay = (input: Record<string, unknown>) =>
      app.ok(`mutation($input: ReplayWebhookInput!) { replayWebhook(input: $input) { id scheduledThrough } }`, {
        variables: { input: { id, ...input } },
      });
    await replay({ fromEventId: e3 });
    await waitFor(
      "e3 and e4 again",
      () => receiver.acceptedCount(path, e3) === 2 && receiver.acceptedCount(path, e4) === 2,
    );

    const e2Row = await app.ds.manager.findOneByOrFail(OutboxEvent, { id: Number(e2) });
    await replay({ fromTime: e2Row.occurredAt });
    await waitFor(
      "e2, e3 and e4 again",
      () =>
        receiver.acceptedCount(path, e2) === 2 &&
        receiver.acceptedCount(path, e3) === 3 &&
        receiver.acceptedCount(path, e4) === 3,
    );
    const settled = await waitFor("all delivered", async () => {
      const w = await view(id);
      return w.deliveryCounts.delivered === 4 ? w : null;
    });
    await handle.stop();
    expect(receiver.acceptedCount(path, e1)).toBe(1);
    expect(new Set(receiver.to(path).map((r) => r.webhookId))).toEqual(new Set([e1, e2, e3, e4]));
    expect(settled.recentDeliveries).toHaveLength(4); // one row per event, replayed in place

    // Exactly one starting point, and a real one.
    const both = await app.call(
      `mutation { replayWebhook(input: { id: "${id}", fromTime: "2026-01-01T00:00:00Z", fromEventId: "1" }) { id } }`,
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.fromTime",
      rule: "one-of",
    });
    const badTime = await app.call(`mutation { replayWebhook(input: { id: "${id}", fromTime: "yesterday" }) { id } }`);
    expect(badTime.errors?.[0]?.extensions).toMatchObject({ field: "input.fromTime", rule: "date-time" });
    const noEvent = await app.call(`mutation { replayWebhook(input: { id: "${id}", fromEventId: "999999" }) { id } }`);
    expect(noEvent.errorCodes).toEqual(["NOT_FOUND"]);
    await deleteWebhook(id);
  });

  it("a slow endpoint does not hold up another endpoint's deliveries", async () => {
    const stuck = await register("/stuck", () => "hang");
    const healthy = await register("/healthy", () => 200);
    // A timeout far longer than the test: the stuck endpoint's tries stay open until released.
    const handle = dispatcher({ timeoutMs: 120_000, concurrencyPerEndpoint: 2 });
    const things = [];
    for (let i = 1; i <= 8; i++) things.push(await makeThing(app, 30 + i));
    relay.wake();
    const eventIds = await eventIdsOf(things);

    await waitFor("the healthy endpoint's 8 deliveries", () =>
      eventIds.every((e) => receiver.acceptedCount("/healthy", e) === 1),
    );
    // Everything reached the healthy endpoint while the stuck one still holds its two open tries.
    expect(receiver.hangingCount()).toBe(2);
    expect(receiver.to("/stuck")).toHaveLength(2);
    await waitFor(
      "the healthy endpoint's deliveries recorded",
      async () => (await view(healthy)).deliveryCounts.delivered === 8,
    );
    expect(receiver.hangingCount()).toBe(2); // still held open

    // Once released, the stuck endpoint gets everything too.
    const releaser = setInterval(() => receiver.release(), 10);
    try {
      await waitFor(
        "the stuck endpoint's 8 deliveries",
        async () => (await view(stuck)).deliveryCounts.delivered === 8,
      );
    } finally {
      clearInterval(releaser);
    }
    await handle.stop();
    for (const e of eventIds) expect(receiver.acceptedCount("/stuck", e)).toBe(1);
    await deleteWebhook(stuck);
    await deleteWebhook(healthy);
  });

  it("two dispatchers (replicas) never send one delivery twice", async () => {
    const path = "/replicas";
    const id = await register(path, () => 200);
    const a = dispatcher();
    const b = dispatcher();
    const things = [];
    for (let i = 1; i <= 30; i++) things.push(await makeThing(app, 40 + i));
    relay.wake();
    const eventIds = await eventIdsOf(things);
    await waitFor("30 deliveries", async () => (await view(id)).deliveryCounts.delivered === 30);
    await Promise.all([a.stop(), b.stop()]);
    for (const e of eventIds) expect(receiver.seen(path, e)).toBe(1);
    await deleteWebhook(id);
  });

  it("a webhook receives only what its granted scopes allow (no protected events without the protected scope)", async () => {
    const path = "/scoped";
    const id = await register(path, () => 200, [ADMIN, READ]);
    const handle = dispatcher();
    const open = await makeThing(app, 50);
    const hidden = await makeThing(app, 51, true);
    const last = await makeThing(app, 52);
    relay.wake();
    const [openId, hiddenId, lastId] = await eventIdsOf([open, hidden, last]);
    await waitFor(
      "the open events",
      () => receiver.acceptedCount(path, openId) === 1 && receiver.acceptedCount(path, lastId) === 1,
    );
    // Scheduling is in feed order: once the later event is delivered, the protected one was passed over.
    const w = await waitFor("the cursor past all three", async () => {
      const v = await view(id);
      const lastRow = await app.ds.manager.findOneByOrFail(OutboxEvent, { id: Number(lastId) });
      return v.scheduledThrough >= lastRow.position! ? v : null;
    });
    await handle.stop();
    expect(w.scopes).toEqual([READ]);
    expect(receiver.seen(path, hiddenId)).toBe(0);
    expect(w.recentDeliveries.map((d) => d.eventId).sort()).toEqual([openId, lastId].sort());
    await deleteWebhook(id);

    // A full-scope registrant's webhook is granted the protected scope too (and not the admin scope).
    const full = await register("/full", () => 200);
    expect((await view(full)).scopes).toEqual([PROTECTED, READ, "whtest:other"].sort());
    await deleteWebhook(full);
  });

  it("refuses, at delivery, a host that now resolves to a private address (DNS rebinding)", async () => {
    const path = "/rebound";
    const { hostname } = await import("node:os");
    const data = await app.ok<{ registerWebhook: { webhook: { id: string }; secret: string } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } secret } }`,
      { variables: { input: { url: receiver.url(path, hostname()), eventTypes: [thingMade.type] } } },
    );
    secrets.push(data.registerWebhook.secret);
    receiver.endpoint(path, data.registerWebhook.secret, () => 200);
    const id = data.registerWebhook.webhook.id;
    // The process's one policy now refuses private targets: the dispatcher, given no policy of its
    // own, delivers by the same policy registration checks with.
    useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: false });
    const handle = dispatcher({ maxAttempts: 2 });
    try {
      const [eventId] = await eventIdsOf([await makeThing(app, 60)]);
      relay.wake();
      const delivery = await waitFor("the refused delivery to die", async () => {
        const found = (await view(id)).recentDeliveries.find((d) => d.eventId === eventId);
        return found?.status === "DEAD" ? found : null;
      });
      expect(delivery).toMatchObject({ eventId, status: "DEAD", lastStatusCode: null });
      expect(delivery.lastError).toMatch(/refused target: 127\.0\.0\.1/);
      expect(receiver.to(path)).toHaveLength(0);
      const again = await app.call(
        `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
        { variables: { input: { url: receiver.url(path), eventTypes: [thingMade.type] } } },
      );
      expect(again.errors?.[0]?.extensions).toMatchObject({ field: "input.url", rule: "private-target" });
    } finally {
      await handle.stop();
      useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: true });
    }
    await deleteWebhook(id);
  });

  it("an idle dispatcher only reads: no transaction, no lock, no write until there is work", async () => {
    const path = "/idle";
    const id = await register(path, () => 200);
    const [eventId] = await eventIdsOf([await makeThing(app, 70)]);
    relay.wake();
    // Every statement the dispatcher runs is counted (it inherits the counter's async context).
    const counter = newStatementCounter();
    const handle = withStatementCounter(counter, () => dispatcher());
    await waitFor("the delivery", () => receiver.acceptedCount(path, eventId) === 1);
    await waitFor("its outcome recorded", async () => (await view(id)).deliveryCounts.delivered === 1);
    const busy = counter.statements.length;
    expect(counter.statements.some((s) => /^\s*UPDATE/i.test(s))).toBe(true); // the premise: writes are seen
    await waitFor("ten idle looks for work", () => counter.statements.length >= busy + 30);
    await handle.stop();
    const idle = counter.statements.slice(busy + 3); // the first look may still be the last busy one
    expect(idle.length).toBeGreaterThan(20);
    expect(idle.filter((s) => !/^\s*SELECT/i.test(s) || /FOR UPDATE/i.test(s))).toEqual([]);
    await deleteWebhook(id);
  });

  it("never writes a secret or a payload to the log", () => {
    expect(secrets.length).toBeGreaterThan(5);
    expect(log.lines.length).toBeGreaterThan(0);
    const written = JSON.stringify(log.lines);
    for (const secret of secrets) {
      expect(written).not.toContain(secret);
      expect(written).not.toContain(secret.replace(/^whsec_/, ""));
    }
    expect(written).not.toContain("whsec_");
    expect(written).not.toContain("WhTestThing/"); // the events' subjects
    expect(written).not.toContain("specversion");
  });
});
