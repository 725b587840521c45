import { OutboxEvent } from "@arbetsliv/core";
import { inTransaction, isMysql } from "@arbetsliv/core/data";
import { In, type DataSource, type EntityManager } from "typeorm";
import { DUE_STATUSES } from "./delivery-store";
import { WebhookDelivery } from "./webhook-delivery.entity";

/** Ids per IN (…) list. */
const ID_CHUNK = 500;

export interface ClaimedDelivery {
  delivery: WebhookDelivery;
  /** Null when the event is gone from the outbox (retention). */
  event: OutboxEvent | null;
  /**
   * The claim's token: the nextAttemptAt the claim wrote. Outcomes and releases apply only while
   * the row still carries it, so a claim that expired (or a replay that reset the row) wins.
   */
  leaseUntil: string;
}

function chunks<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function eventsById(
  manager: EntityManager,
  ids: number[],
  known: ReadonlyMap<number, OutboxEvent>,
): Promise<Map<number, OutboxEvent>> {
  const byId = new Map<number, OutboxEvent>();
  const missing = new Set<number>();
  for (const id of ids) {
    const event = known.get(id);
    if (event) byId.set(id, event);
    else missing.add(id);
  }
  for (const chunk of chunks([...missing]))
    for (const e of await manager.find(OutboxEvent, { where: { id: In(chunk) } })) byId.set(e.id, e);
  return byId;
}

/**
 * Claims due deliveries for several webhooks in ONE transaction: up to `limit` per webhook, on
 * MariaDB `FOR UPDATE SKIP LOCKED` so replicas claim disjoint rows, and every claimed row's
 * nextAttemptAt moves to the end of the lease, so no one else sees it due while this dispatcher
 * holds it (a crashed dispatcher's claims come due again when the lease ends).
 */
export function claimDue(
  ds: DataSource,
  wanted: { webhookId: number; limit: number }[],
  leaseMs: number,
  now: Date,
  /** Outbox rows already read (by the scheduling pass just before): not read again. */
  known: ReadonlyMap<number, OutboxEvent> = new Map(),
): Promise<Map<number, ClaimedDelivery[]>> {
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return inTransaction(ds, async (manager) => {
    const claimed: WebhookDelivery[] = [];
    for (const { webhookId, limit } of wanted) {
      if (limit <= 0) continue;
      const qb = manager
        .createQueryBuilder(WebhookDelivery, "d")
        .where("d.webhookId = :webhookId", { webhookId })
        .andWhere("d.status IN (:...due)", { due: DUE_STATUSES })
        .andWhere("d.nextAttemptAt <= :now", { now: now.toISOString() })
        .orderBy("d.nextAttemptAt", "ASC")
        .addOrderBy("d.id", "ASC")
        .limit(limit);
      if (isMysql(manager)) qb.setLock("pessimistic_write").setOnLocked("skip_locked");
      claimed.push(...(await qb.getMany()));
    }
    const result = new Map<number, ClaimedDelivery[]>();
    if (claimed.length === 0) return result;
    for (const ids of chunks(claimed.map((d) => d.id)))
      await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ nextAttemptAt: leaseUntil })
        .where({ id: In(ids) })
        .execute();
    const events = await eventsById(
      manager,
      claimed.map((d) => d.eventId),
      known,
    );
    for (const delivery of claimed) {
      const list = result.get(delivery.webhookId) ?? [];
      list.push({ delivery, event: events.get(delivery.eventId) ?? null, leaseUntil });
      result.set(delivery.webhookId, list);
    }
    return result;
  });
}
