import { CloudEvent } from "cloudevents";
import type { OutboxEvent } from "@arbetsliv/core";

/** The CloudEvents `source` of a domain's events. */
export function eventSource(domain: string): string {
  return `/arbetsliv/${domain}`;
}

/**
 * THE envelope every channel sends (change feed, webhooks, subscriptions, JetStream): CloudEvents
 * 1.0 in structured JSON. `id` is the outbox id; `sequence` (the CloudEvents sequence extension)
 * is the feed position, so a receiver can order and resume.
 */
export function toCloudEvent(row: OutboxEvent): CloudEvent<Record<string, unknown>> {
  return new CloudEvent<Record<string, unknown>>(
    {
      specversion: "1.0",
      id: String(row.id),
      source: eventSource(row.domain),
      type: row.type,
      subject: row.subject,
      time: row.occurredAt,
      datacontenttype: "application/json",
      data: JSON.parse(row.data) as Record<string, unknown>,
      ...(row.position === null ? {} : { sequence: String(row.position) }),
    },
    false,
  );
}

/** The envelope as the plain JSON object every channel serialises. */
export function cloudEventJson(row: OutboxEvent): Record<string, unknown> {
  return toCloudEvent(row).toJSON() as Record<string, unknown>;
}
