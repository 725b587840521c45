import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new Standard Webhooks secret: whsec_ + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** How long deliveries also carry the old secret's signature after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/**
 * The Standard Webhooks headers of one delivery: `webhook-id` is the event id (the same on every
 * retry and replay, so the receiver can dedupe), the signature is v1 (HMAC-SHA256) with the
 * current secret, and also with the previous one while a rotation overlaps.
 */
export function signDelivery(
  secrets: { secret: string; previousSecret?: string | null },
  eventId: string,
  at: Date,
  payload: string,
): SignedHeaders {
  const signatures = [new Webhook(secrets.secret).sign(eventId, at, payload)];
  if (secrets.previousSecret) signatures.push(new Webhook(secrets.previousSecret).sign(eventId, at, payload));
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
