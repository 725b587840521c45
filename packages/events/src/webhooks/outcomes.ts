import { inTransaction } from "@arbetsliv/core/data";
import type { DataSource } from "typeorm";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";

/** One try's result, to be written (or a claim given back unsent: `release`). */
export type Outcome =
  | {
      kind: "tried";
      id: number;
      leaseUntil: string;
      status: DeliveryStatus;
      /** Tries so far, this one included. */
      attempts: number;
      statusCode: number | null;
      error: string | null;
      /** When it is due again (FAILED_RETRYING); ignored otherwise. */
      nextAttemptAt: string | null;
    }
  | { kind: "release"; id: number; leaseUntil: string };

/** Ids per UPDATE. */
const ID_CHUNK = 500;

/**
 * Writes a batch of outcomes in ONE transaction, one UPDATE per group of equal values (a batch of
 * successes is usually one statement). Each row is written only while it still carries the
 * claim's token (`nextAttemptAt = leaseUntil`): if the lease ran out and another dispatcher took
 * it, or a replay or retry reset it, this outcome is stale and changes nothing.
 */
export function recordOutcomes(ds: DataSource, outcomes: Outcome[], now: Date): Promise<void> {
  const at = now.toISOString();
  const groups = new Map<string, { set: Partial<WebhookDelivery>; leaseUntil: string; ids: number[] }>();
  for (const o of outcomes) {
    const set: Partial<WebhookDelivery> =
      o.kind === "release"
        ? { nextAttemptAt: at }
        : {
            status: o.status,
            attempts: o.attempts,
            lastStatusCode: o.statusCode,
            lastError: o.error ? o.error.slice(0, 200) : null,
            deliveredAt: o.status === DeliveryStatus.DELIVERED ? at : null,
            nextAttemptAt: o.status === DeliveryStatus.FAILED_RETRYING && o.nextAttemptAt ? o.nextAttemptAt : at,
          };
    const key = JSON.stringify([set, o.leaseUntil]);
    const group = groups.get(key) ?? { set, leaseUntil: o.leaseUntil, ids: [] };
    group.ids.push(o.id);
    groups.set(key, group);
  }
  if (groups.size === 0) return Promise.resolve();
  return inTransaction(ds, async (manager) => {
    for (const { set, leaseUntil, ids } of groups.values()) {
      for (let i = 0; i < ids.length; i += ID_CHUNK)
        await manager
          .createQueryBuilder()
          .update(WebhookDelivery)
          .set(set)
          .where("id IN (:...ids)", { ids: ids.slice(i, i + ID_CHUNK) })
          .andWhere("nextAttemptAt = :leaseUntil", { leaseUntil })
          .execute();
    }
  });
}
