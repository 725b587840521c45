import type { DataSource, EntityManager } from "typeorm";
import { OutboxEvent } from "@arbetsliv/core";

export interface FeedQuery {
  /** Rows after this position; null for the feed's beginning. */
  after: number | null;
  /** The caller's scopes: only rows whose requiredScope is one of them (the rule of `mayReceive`); null = every row (the live reader, which filters per subscriber). */
  scopes: readonly string[] | null;
  /** Only these event types; null for all. */
  types: readonly string[] | null;
  limit: number;
}

/**
 * Sequenced outbox rows in position order, filtered in SQL by the receiver rule and the types.
 * Positions are assigned by the relay in commit order and never change, so reading
 * `position > cursor` page by page yields every row once, with no gaps, while writes go on.
 */
export async function readFeed(db: DataSource | EntityManager, q: FeedQuery): Promise<OutboxEvent[]> {
  if (q.scopes?.length === 0 || q.types?.length === 0) return [];
  const qb = db
    .getRepository(OutboxEvent)
    .createQueryBuilder("e")
    .where(q.after === null ? "e.position IS NOT NULL" : "e.position > :after", { after: q.after });
  if (q.scopes) qb.andWhere("e.requiredScope IN (:...scopes)", { scopes: [...q.scopes] });
  if (q.types) qb.andWhere("e.type IN (:...types)", { types: [...q.types] });
  return qb.orderBy("e.position", "ASC").limit(q.limit).getMany();
}

/** The highest position assigned so far (0 when none): where a live reader starts ("new" events only). */
export async function lastPosition(db: DataSource | EntityManager): Promise<number> {
  const row = await db
    .getRepository(OutboxEvent)
    .createQueryBuilder("e")
    .select("MAX(e.position)", "last")
    .getRawOne<{ last: number | string | null }>();
  return Number(row?.last ?? 0);
}
