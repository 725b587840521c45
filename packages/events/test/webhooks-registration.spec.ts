import { hostname } from "node:os";
import { promises as dns } from "node:dns";
import { testDatabaseKind, type TestApp } from "@arbetsliv/core/testing";
import { EventScopes } from "../src/scopes";
import {
  checkWebhookUrl,
  isPrivateAddress,
  targetPolicyFromEnv,
  useWebhookTargetPolicy,
  webhookTargetPolicy,
} from "../src/webhooks";
import { READ, startWebhookApp, thingAudited, thingMade } from "./webhooks-fixture";

const ADMIN = EventScopes.WEBHOOKS_ADMIN;
const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id version url eventTypes scopes active } secret } }`;

describe(`webhook registration (${testDatabaseKind()})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startWebhookApp();
  });
  afterAll(() => app.close());
  // The SSRF guard as in production, with http allowed so test URLs stay short.
  beforeEach(() => useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: false }));
  afterEach(() => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    delete process.env.WEBHOOK_ALLOW_HTTP;
    useWebhookTargetPolicy(null);
  });

  const register = (input: Record<string, unknown>, scopes?: string[]) =>
    app.call(REGISTER, { variables: { input: { eventTypes: [thingMade.type], ...input } }, scopes });

  // hooks.example.org does not resolve on a machine without outside DNS: where the URL check is
  // not the point, private targets are allowed (which skips resolving).
  const noDns = () => useWebhookTargetPolicy({ allowHttp: true, allowPrivateTargets: true });

  it("answers the secret once, in Standard Webhooks form, and never again", async () => {
    noDns();
    const result = await register({ url: "https://hooks.example.org/arbetsliv" });
    expect(result.errors).toBeUndefined();
    const { webhook, secret } = (result.data as { registerWebhook: { webhook: { id: string }; secret: string } })
      .registerWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({ version: 1, active: true, eventTypes: [thingMade.type] });
    const schema = JSON.stringify(await app.ok(`{ __type(name: "Webhook") { fields { name } } }`));
    expect(schema).not.toMatch(/secret/i);

    const rotated = await app.ok<{ rotateWebhookSecret: { secret: string; webhook: { version: number } } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { version } } }`,
      { variables: { id: webhook.id } },
    );
    expect(rotated.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.rotateWebhookSecret.secret).not.toBe(secret);
    expect(rotated.rotateWebhookSecret.webhook.version).toBe(2);
  });

  it("changes a webhook with optimistic locking: a stale version is CONFLICT", async () => {
    noDns();
    const created = await app.ok<{ registerWebhook: { webhook: { id: string } } }>(REGISTER, {
      variables: { input: { url: "https://hooks.example.org/a", eventTypes: [] } },
    });
    const id = created.registerWebhook.webhook.id;
    const UPDATE = `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { version active url } }`;
    const updated = await app.ok(UPDATE, {
      variables: { input: { id, expectedVersion: 1, active: false, url: "https://hooks.example.org/b" } },
    });
    expect(updated.updateWebhook).toEqual({ version: 2, active: false, url: "https://hooks.example.org/b" });
    const stale = await app.call(UPDATE, { variables: { input: { id, expectedVersion: 1, active: true } } });
    expect(stale.errorCodes).toEqual(["CONFLICT"]);
  });

  it.each([
    ["https://10.0.0.1/hook", /10\.0\.0\.1/],
    ["https://169.254.169.254/latest/meta-data/", /169\.254\.169\.254/],
    ["https://localhost/hook", /localhost/],
    ["https://[::1]/hook", /::1/],
    ["https://192.168.1.20/hook", /192\.168\.1\.20/],
    ["https://172.20.0.5/hook", /172\.20\.0\.5/],
    ["https://100.64.3.4/hook", /100\.64\.3\.4/],
    ["https://[fd00::1]/hook", /fd00::1/],
    ["https://[fe80::1]/hook", /fe80::1/],
    ["https://0.0.0.0/hook", /0\.0\.0\.0/],
    ["https://[::ffff:127.0.0.1]/hook", /127\.0\.0\.1|::ffff/],
  ])("refuses the private target %s (SSRF guard)", async (url, named) => {
    const result = await register({ url });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.url",
      rule: "private-target",
    });
    expect(result.errors?.[0]?.message).toMatch(named);
  });

  it("refuses a host name that resolves to a loopback address", async () => {
    const name = hostname();
    const addresses = await dns.lookup(name, { all: true });
    expect(addresses.some((a) => isPrivateAddress(a.address))).toBe(true); // the premise: this machine's name is local
    const result = await register({ url: `https://${name}/hook` });
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: "input.url", rule: "private-target" });
    expect(result.errors?.[0]?.message).toMatch(/resolves to/);
  });

  it("private targets: allowed by default under NODE_ENV=test, refused with WEBHOOK_ALLOW_PRIVATE_TARGETS=false", async () => {
    useWebhookTargetPolicy(null); // from the environment, where nothing is set
    const result = await register({ url: "http://127.0.0.1:9/hook" });
    expect(result.errors).toBeUndefined();
    process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "false";
    // Read once per process: the change applies when the policy is read again (a restart).
    expect((await register({ url: "http://127.0.0.1:9/hook" })).errors).toBeUndefined();
    useWebhookTargetPolicy(null);
    expect((await register({ url: "http://127.0.0.1:9/hook" })).errors?.[0]?.extensions).toMatchObject({
      field: "input.url",
      rule: "private-target",
    });
  });

  it("reads one target policy from the environment, with production defaults that refuse http and private targets", () => {
    expect(targetPolicyFromEnv({ NODE_ENV: "production" })).toEqual({ allowHttp: false, allowPrivateTargets: false });
    expect(targetPolicyFromEnv({ NODE_ENV: "development" })).toEqual({ allowHttp: true, allowPrivateTargets: true });
    expect(targetPolicyFromEnv({ NODE_ENV: "test" })).toEqual({ allowHttp: true, allowPrivateTargets: true });
    expect(targetPolicyFromEnv({})).toEqual({ allowHttp: true, allowPrivateTargets: true }); // unset = development
    expect(
      targetPolicyFromEnv({ NODE_ENV: "production", WEBHOOK_ALLOW_HTTP: "true", WEBHOOK_ALLOW_PRIVATE_TARGETS: "1" }),
    ).toEqual({ allowHttp: true, allowPrivateTargets: true });
    expect(targetPolicyFromEnv({ NODE_ENV: "test", WEBHOOK_ALLOW_PRIVATE_TARGETS: "no" })).toEqual({
      allowHttp: true,
      allowPrivateTargets: false,
    });
    expect(() => targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "sometimes" })).toThrow(
      'WEBHOOK_ALLOW_HTTP must be true or false (got "sometimes")',
    );
    // One object per process: registration and delivery get the same one.
    expect(webhookTargetPolicy()).toBe(webhookTargetPolicy());
  });

  it("refuses http when http is not allowed, and malformed or credentialed URLs", async () => {
    process.env.WEBHOOK_ALLOW_HTTP = "false";
    useWebhookTargetPolicy(null);
    const http = await register({ url: "http://hooks.example.org/hook" });
    expect(http.errors?.[0]?.extensions).toMatchObject({ field: "input.url", rule: "https" });
    await expect(
      checkWebhookUrl("http://hooks.example.org/", { allowHttp: false, allowPrivateTargets: true }),
    ).rejects.toThrow("input.url: must use https");
    const policy = { allowHttp: true, allowPrivateTargets: true };
    await expect(checkWebhookUrl("ftp://hooks.example.org/", policy)).rejects.toThrow("must use https");
    await expect(checkWebhookUrl("not a url", policy)).rejects.toThrow("input.url: is not an absolute URL");
    await expect(checkWebhookUrl("https://user:pw@hooks.example.org/", policy)).rejects.toThrow(
      "user name or password",
    );
  });

  it("a token without a type's scope cannot register for it (FORBIDDEN naming the type)", async () => {
    const result = await register(
      { url: "https://hooks.example.org/x", eventTypes: [thingMade.type, thingAudited.type] },
      [ADMIN, READ],
    );
    expect(result.errorCodes).toEqual(["FORBIDDEN"]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ field: "input.eventTypes.1", eventType: thingAudited.type });
    expect(result.errors?.[0]?.message).toContain(thingAudited.type);

    const nothing = await register({ url: "https://hooks.example.org/x", eventTypes: [] }, [ADMIN]);
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ field: "input.eventTypes", rule: "receivable" });

    const notAdmin = await register({ url: "https://hooks.example.org/x" }, [READ]);
    expect(notAdmin.errorCodes).toEqual(["FORBIDDEN"]);
  });

  it("refuses unknown event types and unbounded input, naming the field", async () => {
    const unknown = await register({ url: "https://hooks.example.org/x", eventTypes: ["se.arbetsliv.nope.v1"] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ field: "input.eventTypes.0", rule: "catalogue" });

    const tooMany = await register({
      url: "https://hooks.example.org/x",
      eventTypes: Array.from({ length: 101 }, (_, i) => `se.arbetsliv.t${i}.v1`),
    });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.eventTypes" });

    const longUrl = await register({ url: `https://hooks.example.org/${"a".repeat(2100)}` });
    expect(longUrl.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.url",
      rule: "length",
    });

    noDns();
    const longDescription = await register({ url: "https://hooks.example.org/x", description: "d".repeat(501) });
    expect(longDescription.errors?.[0]?.extensions).toMatchObject({ field: "input.description", rule: "length" });
  });
});
