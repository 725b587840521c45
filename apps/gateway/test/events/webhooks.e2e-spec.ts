import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { Webhook } from "standardwebhooks";
import { GatewayProcess } from "../process-gateway";
import { postGraphql } from "../security/helpers";

jest.setTimeout(120_000);

interface Received {
  webhookId: string;
  verified: boolean;
  event: { id: string; type: string; subject: string; data: Record<string, unknown> } | null;
  answered: number;
}

/**
 * Webhooks as an integrator meets them, against the built gateway in production mode: register
 * over GraphQL, a real receiver on 127.0.0.1 (allowed here by WEBHOOK_ALLOW_HTTP and
 * WEBHOOK_ALLOW_PRIVATE_TARGETS, which production leaves off), signatures verified with the
 * standardwebhooks library, a failed delivery visible through GraphQL, and a replay.
 */
describe(`webhooks from the built gateway (production mode, ${testDatabaseKind()})`, () => {
  let gw: GatewayProcess;
  let receiver: Server;
  let receiverUrl: string;
  let answerWith = 204;
  const received: Received[] = [];
  let secret = "";
  let admin: string;
  let writer: string;
  let webhookId: string;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        let event: Received["event"] = null;
        try {
          event = new Webhook(secret).verify(Buffer.concat(chunks).toString("utf8"), headers) as Received["event"];
        } catch {
          event = null;
        }
        received.push({ webhookId: headers["webhook-id"], verified: event !== null, event, answered: answerWith });
        res.writeHead(answerWith).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    gw = await GatewayProcess.start({ env: { WEBHOOK_ALLOW_HTTP: "true", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" } });
    admin = await gw.token(["events:webhooks:admin", "synpunkter:events"], "case-system-admin");
    writer = await gw.token(["synpunkter:write", "synpunkter:stats"], "e-service");
  });
  afterAll(async () => {
    await gw?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function registerFeedback(): Promise<string> {
    const areas = await postGraphql(gw, { query: `{ businessAreas { id } }` }, writer);
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
            description: "Hur söker jag?",
            wantsReply: false,
          },
        },
      },
      writer,
    );
    expect(r.codes).toEqual([]);
    return (r.json!.data!.registerFeedback as { id: string }).id;
  }

  const deliveries = async () => {
    const r = await postGraphql(
      gw,
      {
        query: `query($id: ID!) { webhook(id: $id) { recentDeliveries { eventId status attempts lastStatusCode } deliveryCounts { delivered failedRetrying dead pending } } }`,
        variables: { id: webhookId },
      },
      admin,
    );
    expect(r.codes).toEqual([]);
    return r.json!.data!.webhook as {
      recentDeliveries: { eventId: string; status: string; attempts: number; lastStatusCode: number | null }[];
      deliveryCounts: Record<string, number>;
    };
  };

  it("registers over GraphQL and shows the secret once", async () => {
    const r = await postGraphql(
      gw,
      {
        query: `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id scopes eventTypes } secret } }`,
        variables: {
          input: {
            url: receiverUrl,
            eventTypes: ["se.arbetsliv.synpunkter.feedback.received.v1"],
            description: "case system",
          },
        },
      },
      admin,
    );
    expect(r.codes).toEqual([]);
    const answer = r.json!.data!.registerWebhook as { webhook: { id: string; scopes: string[] }; secret: string };
    expect(answer.webhook.scopes).toEqual(["synpunkter:events"]);
    expect(answer.secret).toMatch(/^whsec_/);
    secret = answer.secret;
    webhookId = answer.webhook.id;
    expect(gw.logLines.join("\n")).not.toContain(secret.slice(6));
  });

  it("delivers a change as a signed CloudEvent with ids only", async () => {
    const itemId = await registerFeedback();
    const delivery = await until("the delivery", async () =>
      received.find((r) => r.event?.subject === `FeedbackItem/${itemId}`),
    );
    expect(delivery.verified).toBe(true);
    expect(delivery.webhookId).toBe(delivery.event!.id);
    expect(delivery.event!.type).toBe("se.arbetsliv.synpunkter.feedback.received.v1");
    expect(JSON.stringify(delivery.event!.data)).not.toContain("Hur söker jag?");
    await until("DELIVERED", async () => ((await deliveries()).deliveryCounts.delivered === 1 ? true : undefined));
  });

  it("shows a failed delivery with its status code, and a replay delivers it once the receiver is back", async () => {
    answerWith = 500;
    const itemId = await registerFeedback();
    const failed = await until("the failed try", async () =>
      received.find((r) => r.event?.subject === `FeedbackItem/${itemId}`),
    );
    expect(failed.answered).toBe(500);
    const retrying = await until("FAILED_RETRYING", async () =>
      (await deliveries()).recentDeliveries.find(
        (d) => d.eventId === failed.webhookId && d.status === "FAILED_RETRYING",
      ),
    );
    expect(retrying).toMatchObject({ attempts: 1, lastStatusCode: 500 });

    answerWith = 204;
    const replay = await postGraphql(
      gw,
      {
        query: `mutation($input: ReplayWebhookInput!) { replayWebhook(input: $input) { id } }`,
        variables: { input: { id: webhookId, fromEventId: failed.webhookId } },
      },
      admin,
    );
    expect(replay.codes).toEqual([]);
    await until("DELIVERED after the replay", async () =>
      (await deliveries()).recentDeliveries.find((d) => d.eventId === failed.webhookId && d.status === "DELIVERED"),
    );
    const tries = received.filter((r) => r.webhookId === failed.webhookId);
    expect(tries.map((t) => [t.verified, t.answered])).toEqual([
      [true, 500],
      [true, 204],
    ]);
  });

  it("refuses a webhook for a type the registrant may not receive, naming it", async () => {
    const r = await postGraphql(
      gw,
      {
        query: `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
        variables: {
          input: { url: receiverUrl, eventTypes: ["se.arbetsliv.relationsvald.placement.started.v1"], description: "" },
        },
      },
      admin,
    );
    expect(r.codes).toEqual(["FORBIDDEN"]);
    expect(r.json!.errors![0].message).toContain("se.arbetsliv.relationsvald.placement.started.v1");
  });
});
