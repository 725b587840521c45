import { OutboxEvent } from "@arbetsliv/core";
import { toInt } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";
import { mayReceive } from "../receivers";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";

/** Outbox rows one scheduling pass looks at per webhook cursor. */
export const SCHEDULE_BATCH = 500;

export const DUE_STATUSES = [DeliveryStatus.PENDING, DeliveryStatus.FAILED_RETRYING];

export const parseList = (json: string): string[] => JSON.parse(json) as string[];

/** True if the webhook wants this event: its types (empty = all) and THE receiver rule on its granted scopes. */
export function wants(webhook: Pick<WebhookEndpoint, "eventTypesJson" | "scopesJson">, row: OutboxEvent): boolean {
  const types = parseList(webhook.eventTypesJson);
  return (types.length === 0 || types.includes(row.type)) && mayReceive(parseList(webhook.scopesJson), row);
}

/** The highest feed position so far (0 for an empty feed). */
export async function lastPosition(manager: EntityManager): Promise<number> {
  const raw = await manager
    .createQueryBuilder(OutboxEvent, "e")
    .select("MAX(e.position)", "max")
    .getRawOne<{ max: unknown }>();
  return toInt(raw?.max);
}

/**
 * The lowest feed position some active webhook still needs (its next unscheduled position, or a
 * delivery not yet finished), or null when no active webhook needs any: the relay may purge
 * outbox rows below it. DEAD deliveries do not hold the outbox back.
 */
export async function webhookRetentionFloor(ds: DataSource): Promise<number | null> {
  const cursor = await ds.manager
    .createQueryBuilder(WebhookEndpoint, "w")
    .select("MIN(w.scheduledThrough)", "min")
    .where("w.active = :active", { active: true })
    .getRawOne<{ min: unknown }>();
  if (cursor?.min === null || cursor?.min === undefined) return null;
  const unfinished = await ds.manager
    .createQueryBuilder(WebhookDelivery, "d")
    .innerJoin(WebhookEndpoint, "w", "w.id = d.webhookId")
    .select("MIN(d.position)", "min")
    .where("w.active = :active", { active: true })
    .andWhere("d.status IN (:...due)", { due: DUE_STATUSES })
    .getRawOne<{ min: unknown }>();
  const next = toInt(cursor.min) + 1;
  return unfinished?.min === null || unfinished?.min === undefined ? next : Math.min(next, toInt(unfinished.min));
}

/** The active webhooks, oldest first (a plain read: no transaction). */
export function activeWebhooks(ds: DataSource): Promise<WebhookEndpoint[]> {
  return ds.manager.find(WebhookEndpoint, { where: { active: true }, order: { id: "ASC" } });
}

/**
 * Which of these webhooks have a delivery due now — a plain read (no transaction), so an idle
 * dispatcher writes nothing. A delivery being tried is not due: its claim moved nextAttemptAt on.
 */
export async function webhooksWithDue(ds: DataSource, webhookIds: number[], now: Date): Promise<Set<number>> {
  if (webhookIds.length === 0) return new Set();
  const rows = await ds.manager
    .createQueryBuilder(WebhookDelivery, "d")
    .select("DISTINCT d.webhookId", "webhookId")
    .where("d.webhookId IN (:...ids)", { ids: webhookIds })
    .andWhere("d.status IN (:...due)", { due: DUE_STATUSES })
    .andWhere("d.nextAttemptAt <= :now", { now: now.toISOString() })
    .getRawMany<{ webhookId: unknown }>();
  return new Set(rows.map((r) => toInt(r.webhookId)));
}
