import { OutboxEvent } from "@arbetsliv/core";
import { inTransaction, isMysql } from "@arbetsliv/core/data";
import type { DataSource, EntityManager } from "typeorm";
import { SCHEDULE_BATCH, wants } from "./delivery-store";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { WebhookEndpoint } from "./webhook.entity";

/** Rows per INSERT statement (well under either database's limit on bound parameters). */
const INSERT_CHUNK = 400;

export interface ScheduleResult {
  /** Deliveries written (new, or made PENDING again by a replay). */
  scheduled: number;
  /** Some webhook is still behind after this pass (a full batch was read for it). */
  more: boolean;
  /** Webhooks that got new deliveries in this pass (they have something due now). */
  webhookIds: Set<number>;
  /** The feed rows read, by id: the claim that follows need not read them again. */
  events: Map<number, OutboxEvent>;
}

/** The next batch of feed rows after a cursor. */
function rowsAfter(manager: EntityManager, cursor: number): Promise<OutboxEvent[]> {
  return manager
    .createQueryBuilder(OutboxEvent, "e")
    .where("e.position > :cursor", { cursor })
    .orderBy("e.position", "ASC")
    .limit(SCHEDULE_BATCH)
    .getMany();
}

/**
 * One pass for every active webhook behind `last`, in ONE transaction: the feed rows after each
 * webhook's cursor (one read per distinct cursor — caught-up webhooks share one) become PENDING
 * deliveries and the cursors move on. On MariaDB the webhook rows are locked `FOR UPDATE SKIP
 * LOCKED`, so two dispatchers never schedule one range (and neither waits for the other); the
 * unique (webhook, event) key backs it up. A row already scheduled — a replay rewound the cursor —
 * becomes PENDING again with fresh attempts (which also voids a claim running on it).
 */
export function scheduleNewEvents(ds: DataSource, last: number, now: Date): Promise<ScheduleResult> {
  return inTransaction(ds, async (manager) => {
    const qb = manager
      .createQueryBuilder(WebhookEndpoint, "w")
      .where("w.active = :active", { active: true })
      .andWhere("w.scheduledThrough < :last", { last })
      .orderBy("w.id", "ASC");
    if (isMysql(manager)) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
    const webhooks = await qb.getMany();
    const batches = new Map<number, OutboxEvent[]>();
    const cursors = new Map<number, number[]>(); // new cursor → webhook ids
    const at = now.toISOString();
    const deliveries: Partial<WebhookDelivery>[] = [];
    let more = false;
    const webhookIds = new Set<number>();
    for (const webhook of webhooks) {
      let rows = batches.get(webhook.scheduledThrough);
      if (!rows) batches.set(webhook.scheduledThrough, (rows = await rowsAfter(manager, webhook.scheduledThrough)));
      if (rows.length === 0) continue;
      if (rows.length === SCHEDULE_BATCH) more = true;
      for (const row of rows) {
        if (!wants(webhook, row)) continue;
        webhookIds.add(webhook.id);
        deliveries.push({
          webhookId: webhook.id,
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
        });
      }
      const through = rows[rows.length - 1].position!;
      cursors.set(through, [...(cursors.get(through) ?? []), webhook.id]);
    }
    for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(WebhookDelivery)
        .values(deliveries.slice(i, i + INSERT_CHUNK))
        .orUpdate(
          ["status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "deliveredAt"],
          ["webhookId", "eventId"],
        )
        .execute();
    }
    for (const [through, ids] of cursors) {
      await manager
        .createQueryBuilder()
        .update(WebhookEndpoint)
        .set({ scheduledThrough: through })
        .where("id IN (:...ids)", { ids })
        .execute();
    }
    const events = new Map<number, OutboxEvent>();
    for (const rows of batches.values()) for (const row of rows) events.set(row.id, row);
    return { scheduled: deliveries.length, more, webhookIds, events };
  });
}
