import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { postJson } from "./writers";

export interface BenchWebhook {
  secret: string;
  via: string;
}

/**
 * Registers the bench's receiver for one event type: through GraphQL `registerWebhook` on the
 * gateway when the schema has it, else as a row in event_webhook (what that mutation stores),
 * starting after the events already in the feed.
 */
export async function registerBenchWebhook(plan: {
  ds: DataSource;
  graphqlUrl: string;
  token: string;
  url: string;
  eventType: string;
}): Promise<BenchWebhook> {
  const viaGraphql = await registerThroughGraphql(plan);
  if (viaGraphql) return viaGraphql;
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const [{ p }] = (await plan.ds.query("SELECT COALESCE(MAX(position), 0) AS p FROM event_outbox")) as { p: string }[];
  await plan.ds.query(
    "INSERT INTO event_webhook (url, description, eventTypesJson, scopesJson, secret, active, version, createdAt, createdBy, scheduledThrough) VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ?)",
    [
      plan.url,
      "bench receiver",
      JSON.stringify([plan.eventType]),
      JSON.stringify(["synpunkter:events"]),
      secret,
      new Date().toISOString(),
      "bench-runner",
      Number(p),
    ],
  );
  return { secret, via: "row in event_webhook" };
}

async function registerThroughGraphql(plan: {
  graphqlUrl: string;
  token: string;
  url: string;
  eventType: string;
}): Promise<BenchWebhook | null> {
  const query = "mutation Hook($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }";
  const r = await postJson(
    plan.graphqlUrl,
    JSON.stringify({
      query,
      variables: { input: { url: plan.url, eventTypes: [plan.eventType], description: "bench receiver" } },
    }),
    {
      authorization: `Bearer ${plan.token}`,
    },
  );
  const body = JSON.parse(r.body) as {
    data?: { registerWebhook?: { secret?: string } };
    errors?: { message: string }[];
  };
  const secret = body.data?.registerWebhook?.secret;
  if (secret) return { secret, via: "GraphQL registerWebhook" };
  const message = body.errors?.[0]?.message ?? "";
  // The schema does not have the mutation (yet): fall back to the row. Any other refusal is a real error.
  if (/Cannot query field|Unknown type|RegisterWebhookInput/.test(message)) return null;
  throw new Error(`registerWebhook: HTTP ${r.status} ${r.body.slice(0, 300)}`);
}
