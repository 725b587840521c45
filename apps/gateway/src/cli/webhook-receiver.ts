#!/usr/bin/env node
/**
 * A webhook receiver for trying webhooks out (`pnpm webhook-receiver`): listens on 127.0.0.1,
 * verifies each delivery's Standard Webhooks signature with the secret `registerWebhook` gave,
 * prints one line per event and answers 204 (401 to a bad signature, so the platform retries).
 * It does what an integrator's endpoint must do, in a few lines: verify, dedupe on webhook-id, ack.
 */
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import { parseCommandLine, refuseUsage } from "./args";

const USAGE = `Receives and verifies webhook deliveries, printing one line per event.

Usage: pnpm -s webhook-receiver -- --secret whsec_… [--port 4100]

  --secret S   the secret registerWebhook answered (or env WEBHOOK_SECRET)
  --port N     port on 127.0.0.1 (default 4100)
  -h, --help   this text`;

/** A delivery body is one CloudEvent; anything larger is not ours. */
const MAX_BODY_BYTES = 256 * 1024;

function main(): void {
  const args = parseCommandLine(USAGE, { secret: { type: "string" }, port: { type: "string" } });
  const secret = args.secret ?? process.env.WEBHOOK_SECRET;
  if (!secret) refuseUsage(USAGE, "--secret is required (the whsec_… secret registerWebhook answered)");
  const port = Number(args.port ?? 4100);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    refuseUsage(USAGE, `--port must be 1–65535 (got "${args.port}")`);
  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch {
    refuseUsage(USAGE, "--secret is not a Standard Webhooks secret (whsec_ followed by base64)");
  }
  const seen = new Set<string>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      try {
        const event = webhook.verify(body, headers) as { id: string; type: string; subject: string; data: unknown };
        const again = seen.has(event.id) ? " (again: already handled, acknowledged)" : "";
        seen.add(event.id);
        console.log(`✓ ${headers["webhook-id"]} ${event.type} ${event.subject} ${JSON.stringify(event.data)}${again}`);
        res.writeHead(204).end();
      } catch {
        console.log(
          `✗ refused a delivery with an invalid signature (webhook-id ${headers["webhook-id"] ?? "missing"})`,
        );
        res.writeHead(401).end();
      }
    });
  });
  server.listen(port, "127.0.0.1", () => console.log(`Receiving webhooks on http://127.0.0.1:${port}/ (Ctrl-C stops)`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main();
