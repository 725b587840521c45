import { inTransaction, isMysql, lockRow, OutboxEvent, toInt } from "@arbetsliv/core";
import { In, type DataSource, type EntityManager } from "typeorm";
import { mayReceive } from "../receivers";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";

/** Outbox rows one scheduling transaction looks at (per webhook). */
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
 * Turns the next batch of sequenced outbox rows after the webhook's cursor into PENDING deliveries
 * and advances the cursor, in one transaction with the webhook row locked (so two dispatchers
 * cannot schedule the same range; the unique (webhook, event) key backs it up). A row already
 * scheduled — the cursor was rewound by a replay — becomes PENDING again with fresh attempts.
 * Returns how many outbox rows it looked at (0 = caught up).
 */
export function scheduleNext(ds: DataSource, webhookId: number, now: Date): Promise<number> {
  return inTransaction(ds, async (manager) => {
    const webhook = await lockRow(manager, WebhookEndpoint, { id: webhookId });
    if (!webhook || !webhook.active) return 0;
    const rows = await manager
      .createQueryBuilder(OutboxEvent, "e")
      .where("e.position > :cursor", { cursor: webhook.scheduledThrough })
      .orderBy("e.position", "ASC")
      .limit(SCHEDULE_BATCH)
      .getMany();
    if (rows.length === 0) return 0;
    const at = now.toISOString();
    const deliveries = rows
      .filter((row) => wants(webhook, row))
      .map((row) => ({
        webhookId,
        eventId: row.id,
        eventType: row.type,
        position: row.position!,
        status: DeliveryStatus.PENDING,
        attempts: 0,
        nextAttemptAt: at,
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        createdAt: at,
      }));
    if (deliveries.length) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(WebhookDelivery)
        .values(deliveries)
        .orUpdate(
          ["status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "deliveredAt"],
          ["webhookId", "eventId"],
        )
        .execute();
    }
    await manager
      .createQueryBuilder()
      .update(WebhookEndpoint)
      .set({ scheduledThrough: rows[rows.length - 1].position! })
      .where("id = :id", { id: webhookId })
      .execute();
    return rows.length;
  });
}

/** Due deliveries per active webhook (one grouped query per dispatcher tick). */
export async function dueCounts(ds: DataSource, now: Date): Promise<Map<number, number>> {
  const rows = await ds.manager
    .createQueryBuilder(WebhookDelivery, "d")
    .select("d.webhookId", "webhookId")
    .addSelect("COUNT(*)", "due")
    .where("d.status IN (:...due)", { due: DUE_STATUSES })
    .andWhere("d.nextAttemptAt <= :now", { now: now.toISOString() })
    .groupBy("d.webhookId")
    .getRawMany<{ webhookId: unknown; due: unknown }>();
  return new Map(rows.map((r) => [toInt(r.webhookId), toInt(r.due)]));
}

export interface ClaimedDelivery {
  delivery: WebhookDelivery;
  /** Null when the event is gone from the outbox (retention). */
  event: OutboxEvent | null;
}

/**
 * Claims up to `limit` due deliveries of one webhook: on MariaDB `FOR UPDATE SKIP LOCKED`, so
 * replicas claim disjoint rows, and the claim moves `nextAttemptAt` forward by the lease, so no
 * one else sees them as due while this try runs (a crashed dispatcher's claim expires with it).
 */
export function claimDue(
  ds: DataSource,
  webhookId: number,
  limit: number,
  leaseMs: number,
  now: Date,
): Promise<ClaimedDelivery[]> {
  return inTransaction(ds, async (manager) => {
    const qb = manager
      .createQueryBuilder(WebhookDelivery, "d")
      .where("d.webhookId = :webhookId", { webhookId })
      .andWhere("d.status IN (:...due)", { due: DUE_STATUSES })
      .andWhere("d.nextAttemptAt <= :now", { now: now.toISOString() })
      .orderBy("d.nextAttemptAt", "ASC")
      .addOrderBy("d.id", "ASC")
      .limit(limit);
    if (isMysql(manager)) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
    const deliveries = await qb.getMany();
    if (deliveries.length === 0) return [];
    await manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs).toISOString() })
      .where({ id: In(deliveries.map((d) => d.id)) })
      .execute();
    const events = await manager.find(OutboxEvent, { where: { id: In(deliveries.map((d) => d.eventId)) } });
    const byId = new Map(events.map((e) => [e.id, e]));
    return deliveries.map((delivery) => ({ delivery, event: byId.get(delivery.eventId) ?? null }));
  });
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** Records one try: DELIVERED, or FAILED_RETRYING with the next time, or DEAD at the limit. Returns the status written. */
export function recordAttempt(
  ds: DataSource,
  delivery: Pick<WebhookDelivery, "id" | "attempts">,
  outcome: AttemptOutcome,
  retry: { maxAttempts: number; delayMs: (attempt: number) => number },
  now: Date,
): Promise<DeliveryStatus> {
  const attempts = delivery.attempts + 1;
  const status = outcome.ok
    ? DeliveryStatus.DELIVERED
    : attempts >= retry.maxAttempts
      ? DeliveryStatus.DEAD
      : DeliveryStatus.FAILED_RETRYING;
  return inTransaction(ds, async (manager) => {
    await manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({
        status,
        attempts,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error ? outcome.error.slice(0, 200) : null,
        deliveredAt: outcome.ok ? now.toISOString() : null,
        nextAttemptAt:
          status === DeliveryStatus.FAILED_RETRYING
            ? new Date(now.getTime() + retry.delayMs(attempts)).toISOString()
            : now.toISOString(),
      })
      .where("id = :id", { id: delivery.id })
      .execute();
    return status;
  });
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
