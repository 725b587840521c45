import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import WebSocket from "ws";
import { dropDatabase, recreateDatabase, splitMysqlUrl, withDatabase } from "@arbetsliv/core/testing";
import { deleteNatsNamespace, uniqueNatsNamespace } from "@arbetsliv/events/testing";
import { luhnCheckDigit } from "@arbetsliv/core/values";
import { REQUEST_ID_HEADER, SIGNATURE_HEADER, signRequest } from "../src/signature";
import { SUBGRAPHS } from "../src/topology";
import {
  FEDERATED_GATEWAY_MAIN,
  freePort,
  MONOLITH_MAIN,
  NodeProcess,
  post,
  PRODUCTION_TEST_ENV,
  SUBGRAPH_MAIN,
  token,
} from "./processes";
import { EVENTS, until, wsClient, type WsClient } from "../../gateway/test/events/ws-client";

/**
 * Subscriptions through the federated topology, every program built and started as a child
 * process in production mode on MariaDB and NATS JetStream: the federated gateway admits each
 * subscription with the monolith's checks and relays it to the platform subgraph over a signed
 * WebSocket upgrade; the relay process (`pnpm relay`) publishes what the subgraphs write. A
 * JetStream namespace of its own (stream and subject prefix) keeps other runs' events out.
 */
const RELAY_MAIN = resolve(__dirname, "../../gateway/dist/cli/relay.js");
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const databaseUrl = process.env.TEST_DATABASE_URL;
const onMariaDb = /^(mariadb|mysql):\/\//.test(databaseUrl ?? "");
const suite = onMariaDb ? describe : describe.skip;
if (!onMariaDb)
  console.warn(
    "federation subscriptions skipped: the topology needs a database its processes share; set TEST_DATABASE_URL to MariaDB",
  );

jest.setTimeout(120_000);

const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";
const AGREEMENT_REGISTERED = "se.arbetsliv.iop.agreement.registered.v1";
const REGISTER = `mutation($input: RegisterFeedbackInput!) { registerFeedback(input: $input) { id } }`;
const FEED = `query Feed($types: [String!]) { events(filter: { types: $types }, first: 100) { nodes { id type subject sequence data cloudEvent } } }`;

const organisationsnummer = (first9: string) => `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;

suite("subscriptions through the federated gateway, relayed to the platform subgraph", () => {
  const namespace = uniqueNatsNamespace("federation-subscriptions");
  let url = "";
  let env: Record<string, string> = {};
  let gateway: NodeProcess;
  let platform: NodeProcess;
  let platformUrl = "";
  let federated = "";
  const processes: NodeProcess[] = [];
  const clients: WsClient[] = [];

  const open = (token: string | null, params?: Record<string, unknown>) => {
    const c = wsClient({ url: federated }, token, params);
    clients.push(c);
    return c;
  };
  /** The platform subgraph has subscribed the subject's operation to its event hub (events after this reach it). */
  const upstreamStarted = (subject: string, n = 1) =>
    until(
      () =>
        platform.lines.filter((l) => l.includes('"message":"subscription started"') && l.includes(`"${subject}"`))
          .length >= n,
      `${n} subscription(s) of ${subject} at the platform subgraph`,
      30_000,
    );
  const registerFeedback = async (): Promise<string> => {
    const r = await post(federated, REGISTER, {
      scopes: ["synpunkter:write"],
      variables: {
        input: {
          kind: "COMPLAINT",
          criterion: "SERVICES",
          businessAreaId: "1",
          channel: "E_SERVICE",
          description: "Långa väntetider.",
          wantsReply: false,
        },
      },
    });
    expect(r.body.errors).toBeUndefined();
    return (r.body.data as { registerFeedback: { id: string } }).registerFeedback.id;
  };
  /** An IOP agreement (and its partner) registered through the gateway: an event only `iop:events` may receive. */
  const registerAgreement = async (): Promise<string> => {
    const scopes = ["iop:read", "iop:write"];
    const budgets = await post(federated, `{ iopFundingBudgets { id } }`, { scopes });
    const fundingBudgetId = (budgets.body.data as { iopFundingBudgets: { id: string }[] }).iopFundingBudgets[0].id;
    const partner = await post(
      federated,
      `mutation($input: IopPartnerInput!) { createIopPartner(input: $input) { id } }`,
      {
        scopes,
        variables: {
          input: { name: "Prenumerationsprovets förening", organisationsnummer: organisationsnummer("802999778") },
        },
      },
    );
    expect(partner.body.errors).toBeUndefined();
    const partnerId = (partner.body.data as { createIopPartner: { id: string } }).createIopPartner.id;
    const r = await post(
      federated,
      `mutation($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id } }`,
      { scopes, variables: { input: { title: "Läxhjälp", partnerId, fundingBudgetId, startDate: "2026-01-01" } } },
    );
    expect(r.body.errors).toBeUndefined();
    return (r.body.data as { createIopAgreement: { id: string } }).createIopAgreement.id;
  };
  const startPlatform = async (port: string) => {
    const p = NodeProcess.spawn("platform", SUBGRAPH_MAIN, { ...env, SUBGRAPH: "platform", PORT: port });
    processes.push(p);
    const listening = await p.urlWhenLogged("subgraph listening", 60_000);
    // Its JetStream source reads the namespace: events published from now on reach its subscribers.
    await until(
      () => p.lines.some((l) => l.includes('"message":"subscriptions read JetStream"')),
      "the platform subgraph reading JetStream",
      30_000,
    );
    return { process: p, url: listening };
  };

  beforeAll(async () => {
    const { database } = splitMysqlUrl(databaseUrl!);
    url = withDatabase(databaseUrl!, `${database}_subs_${process.pid}_${randomBytes(3).toString("hex")}`);
    await recreateDatabase(url);
    env = { ...PRODUCTION_TEST_ENV, DATABASE_URL: url, NATS_URL, ...namespace.env };
    // The monolith migrates and seeds (relaying nothing), then stops; the relay process publishes.
    const mono = NodeProcess.spawn("monolith", MONOLITH_MAIN, { ...env, DEMO_SEED: "true", EVENTS_RELAY: "external" });
    await mono.urlWhenLogged("gateway started", 180_000);
    await mono.stop();
    const relay = NodeProcess.spawn("relay", RELAY_MAIN, env);
    processes.push(relay);
    await relay.urlWhenLogged("relay started", 60_000);
    // Only the subgraphs these tests touch run; the others' URLs lead nowhere.
    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const urls = new Map(SUBGRAPHS.map((s) => [s.name, nowhere]));
    for (const name of ["synpunkter", "iop"]) {
      const sub = NodeProcess.spawn(name, SUBGRAPH_MAIN, { ...env, SUBGRAPH: name });
      processes.push(sub);
      urls.set(name, await sub.urlWhenLogged("subgraph listening", 60_000));
    }
    const started = await startPlatform("0");
    platform = started.process;
    platformUrl = started.url;
    urls.set("platform", platformUrl);
    gateway = NodeProcess.spawn("federated gateway", FEDERATED_GATEWAY_MAIN, {
      ...env,
      SUBGRAPH_URLS: [...urls].map(([name, at]) => `${name}=${at}`).join(","),
    });
    processes.push(gateway);
    federated = await gateway.urlWhenLogged("federated gateway listening", 60_000);
  }, 400_000);

  afterAll(async () => {
    for (const c of clients) await c.client.dispose();
    for (const p of [...processes].reverse()) await p.stop();
    if (url) await dropDatabase(url);
    await deleteNatsNamespace(NATS_URL, namespace).catch(() => undefined);
  }, 60_000);

  it("delivers the event of a mutation made through the gateway, in the monolith's shape, only to a token whose scope allows it", async () => {
    const allowed = open(await token(["synpunkter:events"], "frontend-allowed"));
    const other = open(await token(["iop:events"], "frontend-other"));
    const subAllowed = allowed.subscribe(EVENTS);
    const subOther = other.subscribe(EVENTS);
    await upstreamStarted("frontend-allowed");
    await upstreamStarted("frontend-other");

    const id = await registerFeedback();
    await until(() => subAllowed.events.some((e) => e.subject === `FeedbackItem/${id}`), "the event", 30_000);
    const event = subAllowed.events.find((e) => e.subject === `FeedbackItem/${id}`)!;
    expect(event).toMatchObject({ type: FEEDBACK_RECEIVED, data: expect.objectContaining({ feedbackItemId: id }) });
    expect(JSON.parse(event.cloudEvent as string)).toMatchObject({
      specversion: "1.0",
      id: event.id,
      type: FEEDBACK_RECEIVED,
      source: "/arbetsliv/synpunkter",
    });
    // The same node as the change feed (the monolith's `events` query, through the gateway) gives for it.
    const feed = await post(federated, FEED, {
      scopes: ["synpunkter:events"],
      variables: { types: [FEEDBACK_RECEIVED] },
    });
    const nodes = (feed.body.data as { events: { nodes: Record<string, unknown>[] } }).events.nodes;
    expect(nodes.find((n) => n.id === event.id)).toEqual(event);

    // The IOP token's first event is the agreement registered after the feedback: the feedback
    // event, earlier in the same ordered stream, was withheld from it, not late.
    const agreementId = await registerAgreement();
    await until(() => subOther.events.length >= 1, "the agreement event", 30_000);
    expect(subOther.events.map((e) => [e.type, e.subject])).toEqual([
      [AGREEMENT_REGISTERED, `IopAgreement/${agreementId}`],
    ]);
    expect(subAllowed.events.map((e) => e.type)).toEqual([FEEDBACK_RECEIVED]);
    expect([...subAllowed.errors, ...subOther.errors]).toEqual([]);
    subAllowed.stop();
    subOther.stop();
  });

  it("refuses a missing or bad token (4401) and any document but `events`, as the monolith does", async () => {
    expect(await open(null).closed).toBe(4401);
    expect(await open("not-a-token").closed).toBe(4401);
    const c = open(await token(["synpunkter:events", "synpunkter:read"], "frontend-ops"));
    const q = c.subscribe(`query { eventTypes { type } }`);
    await q.done;
    expect(JSON.stringify(q.errors)).toContain("OPERATION_NOT_ALLOWED");
    const typo = c.subscribe(EVENTS, { filter: { types: ["se.arbetsliv.synpunkter.feedback.recieved.v1"] } });
    await typo.done;
    expect(JSON.stringify(typo.errors)).toMatch(/filter\.types\[0\]: is not an event type/);
  });

  it("refuses a subscription sent over HTTP (POST or GET), naming where it is served", async () => {
    const query = `subscription { events { id } }`;
    const refused = {
      message: "Subscriptions are served over WebSocket (graphql-ws) at /graphql",
      extensions: { code: "BAD_USER_INPUT" },
    };
    expect((await post(federated, query, { scopes: ["synpunkter:events"] })).body.errors).toEqual([refused]);
    const get = await fetch(`${federated}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${await token(["synpunkter:events"])}`, "apollo-require-preflight": "1" },
    });
    expect(((await get.json()) as { errors: unknown[] }).errors).toEqual([refused]);
  });

  describe("the platform subgraph's WebSocket", () => {
    const secret = PRODUCTION_TEST_ENV.GATEWAY_SUBGRAPH_SECRET;
    const wsAddress = () => platformUrl.replace(/^http/, "ws");
    const signedHeaders = (authorization: string) => {
      const requestId = `req_test_${randomBytes(4).toString("hex")}`;
      return {
        authorization,
        [REQUEST_ID_HEADER]: requestId,
        [SIGNATURE_HEADER]: signRequest(secret, {
          method: "GET",
          path: new URL(platformUrl).pathname,
          requestId,
          authorization,
          body: "",
        }),
      };
    };
    /** The upgrade's outcome: "open", or the HTTP status it was refused with. */
    const upgrade = (headers: Record<string, string>) =>
      new Promise<{ ws: WebSocket; outcome: "open" | number }>((done) => {
        const ws = new WebSocket(wsAddress(), "graphql-transport-ws", { headers });
        ws.once("open", () => done({ ws, outcome: "open" }));
        ws.once("unexpected-response", (_req, res) => done({ ws, outcome: res.statusCode ?? 0 }));
        ws.once("error", () => undefined);
      });
    const closeCode = (ws: WebSocket) => new Promise<number>((done) => ws.once("close", (code) => done(code)));

    it("refuses an upgrade without the gateway's signature, and a signed one replayed (403)", async () => {
      const authorization = `Bearer ${await token(["synpunkter:events"], "direct")}`;
      expect((await upgrade({ authorization })).outcome).toBe(403);
      const headers = signedHeaders(authorization);
      const first = await upgrade(headers);
      expect(first.outcome).toBe("open");
      first.ws.terminate();
      expect((await upgrade(headers)).outcome).toBe(403);
      await until(() => platform.lines.some((l) => l.includes('"refusal":"replayed"')), "the replay logged");
    });

    it("closes a connection whose connectionParams token is not the signed one (4403)", async () => {
      const signedFor = `Bearer ${await token(["synpunkter:events"], "signed-subject")}`;
      const other = `Bearer ${await token(["synpunkter:events", "iop:events"], "other-subject")}`;
      const { ws, outcome } = await upgrade(signedHeaders(signedFor));
      expect(outcome).toBe("open");
      const closed = closeCode(ws);
      ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: other } }));
      expect(await closed).toBe(4403);
    });
  });

  it("a killed platform subgraph ends the client's subscription with SERVICE_UNAVAILABLE; after its restart a new one works", async () => {
    const en = open(await token(["synpunkter:events"], "frontend-kill"));
    const sv = open(null, {
      authorization: `Bearer ${await token(["synpunkter:events"], "frontend-kill-sv")}`,
      acceptLanguage: "sv",
    });
    const before = en.subscribe(EVENTS);
    const beforeSv = sv.subscribe(EVENTS);
    await upstreamStarted("frontend-kill");
    await upstreamStarted("frontend-kill-sv");
    const port = new URL(platformUrl).port;
    platform.child.kill("SIGKILL");
    await platform.exited;
    await before.done;
    await beforeSv.done;
    const unavailable = [
      {
        message: "The platform service is not answering (events); retry in a few seconds",
        path: ["events"],
        extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "platform" },
      },
    ];
    expect(before.errors).toEqual(unavailable);
    expect((beforeSv.errors[0] as { message: string }).message).toBe(
      "Tjänsten platform svarar inte (events); försök igen om några sekunder",
    );
    // The gateway stays up, and the client's connection with it: a subscription while the
    // subgraph is down gets the same error at once (its upstream connection is refused).
    expect((await fetch(`${federated}/healthz`)).status).toBe(200);
    const whileDown = en.subscribe(EVENTS);
    await whileDown.done;
    expect(whileDown.errors).toEqual(unavailable);

    platform = (await startPlatform(port)).process;
    const after = en.subscribe(EVENTS);
    await upstreamStarted("frontend-kill");
    const id = await registerFeedback();
    await until(
      () => after.events.some((e) => e.subject === `FeedbackItem/${id}`),
      "the event after the restart",
      30_000,
    );
    expect(after.errors).toEqual([]);
    after.stop();
  });

  it("SIGTERM to the federated gateway closes its clients with 1001", async () => {
    const c = open(await token(["synpunkter:events"], "frontend-shutdown"));
    const sub = c.subscribe(EVENTS);
    await upstreamStarted("frontend-shutdown");
    await gateway.stop();
    await sub.done;
    expect(await c.closed).toBe(1001);
    expect(await gateway.exited).toBe(0);
  });
});
