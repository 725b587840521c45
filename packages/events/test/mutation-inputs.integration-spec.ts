import { testDatabaseKind, type TestApp } from "@arbetsliv/core/testing";
import { useWebhookTargetPolicy } from "../src/webhooks";
import { DeliveryStatus, WebhookDelivery } from "../src/webhooks/webhook-delivery.entity";
import { startWebhookApp, thingMade } from "./webhooks-fixture";

/**
 * One `input` per mutation (issue 17): rotateWebhookSecret, deleteWebhook and retryDeadDelivery
 * take `input.id` (and the first two an optional `input.expectedVersion`); the top-level `id` is
 * deprecated but still works (webhooks-registration.spec.ts and webhooks-delivery.spec.ts use it).
 */
describe(`webhook mutations take one input (${testDatabaseKind()})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startWebhookApp();
    // No DNS on a test machine: private targets allowed, so registering does not resolve the host.
    useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: true });
  });
  afterAll(async () => {
    useWebhookTargetPolicy(null);
    await app.close();
  });

  const register = async (): Promise<string> => {
    const result = await app.ok<{ registerWebhook: { webhook: { id: string } } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
      { variables: { input: { url: "https://hooks.example.org/in", eventTypes: [thingMade.type] } } },
    );
    return result.registerWebhook.webhook.id;
  };

  /** A DEAD delivery of the webhook, as the dispatcher leaves one after its last try. */
  let nextEventId = 1;
  const deadDelivery = async (webhookId: string): Promise<string> => {
    const now = new Date().toISOString();
    const eventId = nextEventId++;
    const result = await app.ds.manager.insert(WebhookDelivery, {
      webhookId: Number(webhookId),
      eventId,
      eventType: thingMade.type,
      position: eventId,
      status: DeliveryStatus.DEAD,
      attempts: 3,
      nextAttemptAt: now,
      lastStatusCode: 503,
      lastError: "HTTP 503",
      deliveredAt: null,
      createdAt: now,
    });
    return String((result.identifiers[0] as { id: number }).id);
  };

  const ROTATE = `mutation($input: RotateWebhookSecretInput, $id: ID) {
    rotateWebhookSecret(input: $input, id: $id) { secret webhook { id version } }
  }`;
  const DELETE = `mutation($input: DeleteWebhookInput, $id: ID) { deleteWebhook(input: $input, id: $id) }`;
  const RETRY = `mutation($input: RetryDeadDeliveryInput, $id: ID) {
    retryDeadDelivery(input: $input, id: $id) { id status attempts }
  }`;
  const webhookVersion = async (id: string) =>
    (
      await app.ok<{ webhook: { version: number } | null }>(`query($id: ID!) { webhook(id: $id) { version } }`, {
        variables: { id },
      })
    ).webhook?.version;

  describe("rotateWebhookSecret", () => {
    it("takes input.id and answers the webhook with its new version", async () => {
      const id = await register();
      const result = await app.ok<{
        rotateWebhookSecret: { secret: string; webhook: { id: string; version: number } };
      }>(ROTATE, { variables: { input: { id } } });
      expect(result.rotateWebhookSecret.secret).toMatch(/^whsec_/);
      expect(result.rotateWebhookSecret.webhook).toEqual({ id, version: 2 });
    });

    it("checks input.expectedVersion when given: the version read rotates, a stale one is CONFLICT", async () => {
      const id = await register();
      const ok = await app.ok<{ rotateWebhookSecret: { webhook: { version: number } } }>(ROTATE, {
        variables: { input: { id, expectedVersion: 1 } },
      });
      expect(ok.rotateWebhookSecret.webhook.version).toBe(2);
      const stale = await app.call(ROTATE, { variables: { input: { id, expectedVersion: 1 } } });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ entity: "Webhook", currentVersion: 2 });
      expect(await webhookVersion(id)).toBe(2);
    });

    it("refuses a missing id on input.id, and two different ids as a conflict", async () => {
      const missing = await app.call(ROTATE, { variables: { input: {} } });
      expect(missing.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.id",
        rule: "required",
      });
      const none = await app.call(ROTATE);
      expect(none.errors?.[0]?.extensions).toMatchObject({ field: "input.id", rule: "required" });

      const [a, b] = [await register(), await register()];
      const both = await app.call(ROTATE, { variables: { input: { id: a }, id: b } });
      expect(both.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.id",
        rule: "conflict",
      });
      // Nothing was rotated.
      expect([await webhookVersion(a), await webhookVersion(b)]).toEqual([1, 1]);
      // The same id in both places is one value, not a conflict.
      const same = await app.ok<{ rotateWebhookSecret: { webhook: { version: number } } }>(ROTATE, {
        variables: { input: { id: a }, id: a },
      });
      expect(same.rotateWebhookSecret.webhook.version).toBe(2);
    });

    it("names input.id when the id in the input is not an id", async () => {
      const bad = await app.call(ROTATE, { variables: { input: { id: "x" } } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.id", rule: "id" });
    });
  });

  describe("deleteWebhook", () => {
    it("takes input.id", async () => {
      const id = await register();
      expect(await app.ok(DELETE, { variables: { input: { id } } })).toEqual({ deleteWebhook: true });
      const gone = await app.call(`query($id: ID!) { webhook(id: $id) { id } }`, { variables: { id } });
      expect(gone.errorCodes).toEqual(["NOT_FOUND"]);
    });

    it("checks input.expectedVersion when given", async () => {
      const id = await register();
      await app.ok(ROTATE, { variables: { input: { id } } }); // now version 2
      const stale = await app.call(DELETE, { variables: { input: { id, expectedVersion: 1 } } });
      expect(stale.errorCodes).toEqual(["CONFLICT"]);
      expect(await webhookVersion(id)).toBe(2);
      expect(await app.ok(DELETE, { variables: { input: { id, expectedVersion: 2 } } })).toEqual({
        deleteWebhook: true,
      });
    });

    it("still takes the deprecated id", async () => {
      const id = await register();
      expect(await app.ok(DELETE, { variables: { id } })).toEqual({ deleteWebhook: true });
    });

    it("refuses a missing id on input.id, and two different ids as a conflict", async () => {
      const missing = await app.call(DELETE, { variables: { input: { expectedVersion: 1 } } });
      expect(missing.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.id",
        rule: "required",
      });
      const [a, b] = [await register(), await register()];
      const both = await app.call(DELETE, { variables: { input: { id: a }, id: b } });
      expect(both.errors?.[0]?.extensions).toMatchObject({ field: "input.id", rule: "conflict" });
      expect([await webhookVersion(a), await webhookVersion(b)]).toEqual([1, 1]);
    });
  });

  describe("retryDeadDelivery", () => {
    it("takes input.id and answers the delivery PENDING again", async () => {
      const deliveryId = await deadDelivery(await register());
      const result = await app.ok<{ retryDeadDelivery: { id: string; status: string; attempts: number } }>(RETRY, {
        variables: { input: { id: deliveryId } },
      });
      expect(result.retryDeadDelivery).toEqual({ id: deliveryId, status: "PENDING", attempts: 0 });
      // A delivery that is not DEAD is refused, naming the path it came from.
      const again = await app.call(RETRY, { variables: { input: { id: deliveryId } } });
      expect(again.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.id",
        rule: "dead",
      });
    });

    it("refuses a missing id on input.id, and two different ids as a conflict", async () => {
      const missing = await app.call(RETRY, { variables: { input: {} } });
      expect(missing.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.id",
        rule: "required",
      });
      const webhookId = await register();
      const [a, b] = [await deadDelivery(webhookId), await deadDelivery(webhookId)];
      const both = await app.call(RETRY, { variables: { input: { id: a }, id: b } });
      expect(both.errors?.[0]?.extensions).toMatchObject({ field: "input.id", rule: "conflict" });
      const statuses = await app.ds.manager.find(WebhookDelivery, { where: [{ id: Number(a) }, { id: Number(b) }] });
      expect(statuses.map((d) => d.status)).toEqual([DeliveryStatus.DEAD, DeliveryStatus.DEAD]);
    });
  });

  it("marks the top-level ids deprecated, with the input field to use and a removal date", async () => {
    const result = await app.ok<{
      __type: {
        fields: { name: string; args: { name: string; isDeprecated: boolean; deprecationReason: string }[] }[];
      };
    }>(
      `{ __type(name: "Mutation") { fields { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }`,
    );
    for (const name of ["rotateWebhookSecret", "deleteWebhook", "retryDeadDelivery"]) {
      const field = result.__type.fields.find((f) => f.name === name)!;
      expect(field.args.find((a) => a.name === "id")).toEqual({
        name: "id",
        isDeprecated: true,
        deprecationReason: "Give input.id instead. Removed after 2027-06-30.",
      });
      expect(field.args.find((a) => a.name === "input")).toMatchObject({ isDeprecated: false });
    }
  });
});
