import WebSocket from "ws";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { GatewayProcess } from "../process-gateway";
import { organisationsnummer, postGraphql } from "../security/helpers";
import { EVENTS, until, wsClient, wsUrl, type WsClient } from "./ws-client";

jest.setTimeout(180_000);

const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";
const AGREEMENT_REGISTERED = "se.arbetsliv.iop.agreement.registered.v1";

describe(`GraphQL subscriptions over graphql-ws on the built gateway (production mode, ${testDatabaseKind()})`, () => {
  let gw: GatewayProcess;
  const clients: WsClient[] = [];
  const open = async (token: string | null, params?: Record<string, unknown>) => {
    const c = wsClient(gw, token, params);
    clients.push(c);
    return c;
  };
  const started = (subject: string, n = 1) =>
    until(
      () => gw.logEntries().filter((l) => l.message === "subscription started" && l.subject === subject).length >= n,
      `${n} subscription(s) of ${subject}`,
    );

  async function registerFeedback(): Promise<string> {
    const areas = await postGraphql(gw, { query: `{ businessAreas { id } }` }, await gw.token(["synpunkter:stats"]));
    const businessAreaId = (areas.json!.data!.businessAreas as { id: string }[])[0].id;
    const r = await postGraphql(
      gw,
      {
        query: `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`,
        variables: {
          input: {
            kind: "COMPLAINT",
            criterion: "SERVICES",
            businessAreaId,
            channel: "E_SERVICE",
            description: "Långa väntetider.",
            wantsReply: false,
          },
        },
      },
      await gw.token(["synpunkter:write"], "e-service"),
    );
    expect(r.codes).toEqual([]);
    return (r.json!.data!.registerFeedback as { id: string }).id;
  }

  async function registerAgreement(): Promise<string> {
    const token = await gw.token(["iop:read", "iop:write"], "iop-handler");
    const budgets = await postGraphql(gw, { query: `{ iopFundingBudgets { id } }` }, token);
    const fundingBudgetId = (budgets.json!.data!.iopFundingBudgets as { id: string }[])[0].id;
    const partner = await postGraphql(
      gw,
      {
        query: `mutation($input: IopPartnerInput!) { createIopPartner(input: $input) { id } }`,
        variables: {
          input: { name: "Prenumerationsprovets förening", organisationsnummer: organisationsnummer("802999777") },
        },
      },
      token,
    );
    expect(partner.codes).toEqual([]);
    const partnerId = (partner.json!.data!.createIopPartner as { id: string }).id;
    const r = await postGraphql(
      gw,
      {
        query: `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id } }`,
        variables: { input: { title: "Läxhjälp", partnerId, fundingBudgetId, startDate: "2026-01-01" } },
      },
      token,
    );
    expect(r.codes).toEqual([]);
    return (r.json!.data!.createIopAgreement as { id: string }).id;
  }

  beforeAll(async () => {
    gw = await GatewayProcess.start({
      env: {
        WS_MAX_CONNECTIONS: "8",
        WS_MAX_CONNECTIONS_PER_SUBJECT: "2",
        WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: "2",
        WS_MAX_MESSAGE_BYTES: "4000",
        WS_CONNECTION_INIT_TIMEOUT_MS: "1000",
      },
    });
  });
  afterAll(async () => {
    for (const c of clients) await c.client.dispose();
    await gw?.stop();
  });

  it("delivers an event to the token whose scope allows it, and nothing of it to a token without that scope", async () => {
    const a = await open(await gw.token(["synpunkter:events"], "frontend-a"));
    const b = await open(await gw.token(["iop:events", "synpunkter:read"], "frontend-b"));
    const subA = a.subscribe(EVENTS);
    const subB = b.subscribe(EVENTS);
    await started("frontend-a");
    await started("frontend-b");

    const feedbackId = await registerFeedback();
    await until(() => subA.events.length >= 1, "the feedback event at A");
    expect(subA.events[0]).toMatchObject({
      type: FEEDBACK_RECEIVED,
      subject: `FeedbackItem/${feedbackId}`,
      data: expect.objectContaining({ feedbackItemId: feedbackId }),
    });
    const envelope = JSON.parse(subA.events[0].cloudEvent as string);
    expect(envelope).toMatchObject({
      specversion: "1.0",
      id: subA.events[0].id,
      type: FEEDBACK_RECEIVED,
      source: "/arbetsliv/synpunkter",
    });

    // B may receive IOP events: its first event is the agreement registered after the feedback, so
    // the feedback event (earlier in the same ordered stream) was withheld, not late.
    const agreementId = await registerAgreement();
    await until(() => subB.events.length >= 1, "the agreement event at B");
    expect(subB.events.map((e) => e.type)).toEqual([AGREEMENT_REGISTERED]);
    expect(subB.events[0].subject).toBe(`IopAgreement/${agreementId}`);
    expect(Number(subB.events[0].sequence)).toBeGreaterThan(Number(subA.events[0].sequence));
    expect(subA.events.map((e) => e.type)).toEqual([FEEDBACK_RECEIVED]);
    expect([...subA.errors, ...subB.errors]).toEqual([]);
    subA.stop();
    subB.stop();
  });

  it("filters by type, and refuses an unknown type naming it", async () => {
    const c = await open(await gw.token(["synpunkter:events", "iop:events"], "frontend-types"));
    const onlyIop = c.subscribe(EVENTS, { filter: { types: [AGREEMENT_REGISTERED] } });
    await started("frontend-types");
    await registerFeedback();
    await registerAgreement().catch(() => undefined); // the partner exists already: a second agreement needs no new partner
    const typo = c.subscribe(EVENTS, { filter: { types: ["se.arbetsliv.synpunkter.feedback.recieved.v1"] } });
    await typo.done;
    expect(JSON.stringify(typo.errors)).toMatch(/filter\.types\[0\]: is not an event type/);
    expect(onlyIop.events.every((e) => e.type === AGREEMENT_REGISTERED)).toBe(true);
    onlyIop.stop();
  });

  it("refuses a missing or bad token (4401) and a token without any scope (4403)", async () => {
    const none = await open(null);
    expect(await none.closed).toBe(4401);
    const forged = await open("not-a-token");
    expect(await forged.closed).toBe(4401);
    const wrongScheme = await open(null, { authorization: `Basic ${await gw.token(["synpunkter:events"])}` });
    expect(await wrongScheme.closed).toBe(4401);
    const scopeless = await open(await gw.token([], "nobody"));
    expect(await scopeless.closed).toBe(4403);
  });

  it("closes a connection when the token that opened it expires (4401)", async () => {
    const shortLived = await open(await gw.token(["synpunkter:events"], "short-lived", "3s"));
    const s = shortLived.subscribe(`subscription { events { id } }`);
    expect(await shortLived.closed).toBe(4401);
    await s.done;
  });

  it("serves only the events subscription: queries and mutations go over HTTP", async () => {
    const c = await open(await gw.token(["synpunkter:events", "synpunkter:read"], "frontend-ops"));
    const q = c.subscribe(`query { eventTypes { type } }`);
    await q.done;
    expect(JSON.stringify(q.errors)).toContain("OPERATION_NOT_ALLOWED");
    const deep = c.subscribe(`subscription { events { id __typename } events2: events { id } }`);
    await deep.done;
    expect(deep.errors.length).toBeGreaterThan(0);
  });

  it("enforces the connection limits: per subject, subscriptions per connection, message size, init timeout, total", async () => {
    const token = await gw.token(["synpunkter:events"], "frontend-limits");
    const first = await open(token);
    const second = await open(token);
    const s1 = first.subscribe(EVENTS);
    const s2 = first.subscribe(EVENTS);
    await started("frontend-limits", 2);
    const third = await open(token);
    expect(await third.closed).toBe(4429);
    const s3 = first.subscribe(EVENTS);
    await s3.done;
    expect(JSON.stringify(s3.errors)).toContain("TOO_MANY_SUBSCRIPTIONS");
    s1.stop();
    s2.stop();
    second.client.dispose();

    // Raw sockets: a message over WS_MAX_MESSAGE_BYTES closes with 1009; silence past the init timeout with 4408.
    const raw = () => new WebSocket(wsUrl(gw), "graphql-transport-ws");
    const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
    const big = raw();
    await new Promise((resolve) => big.once("open", resolve));
    const bigClosed = closeCode(big);
    big.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(5000) } }));
    expect(await bigClosed).toBe(1009);
    const silent = raw();
    expect(await closeCode(silent)).toBe(4408);

    // Total: sockets up to WS_MAX_CONNECTIONS, then HTTP 503 on upgrade.
    const held: WebSocket[] = [];
    let refused: number | null = null;
    for (let i = 0; i < 12 && refused === null; i++) {
      const ws = raw();
      refused = await new Promise<number | null>((resolve) => {
        ws.once("open", () => resolve(null));
        ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.once("error", () => undefined);
      });
      if (refused === null) held.push(ws);
    }
    expect(refused).toBe(503);
    expect(held.length).toBeLessThanOrEqual(8);
    for (const ws of held) ws.terminate();
  });

  it("ends subscriptions cleanly when the gateway stops", async () => {
    const c = await open(await gw.token(["synpunkter:events"], "frontend-shutdown"));
    const sub = c.subscribe(EVENTS);
    await started("frontend-shutdown");
    await gw.stop();
    await sub.done;
    expect([1001, 1000]).toContain(await c.closed);
    const exit = await gw.exited;
    expect(exit.code).toBe(0);
  });
});
