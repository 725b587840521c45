import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * The transactional outbox: one row per domain event, written in the same transaction as the
 * change it describes (so it exists iff the change committed). The relay gives each row its
 * `position` — the change feed's order, gap-free and in commit order — and marks it published
 * once JetStream has stored it.
 */
@Entity({ name: "event_outbox" })
@Index(["position"], { unique: true })
@Index(["publishedAt", "position"])
export class OutboxEvent {
  /** The CloudEvents `id` (as a decimal string). INT: sqlite's AUTOINCREMENT needs INTEGER. */
  @PrimaryGeneratedColumn()
  id!: number;

  /** CloudEvents `type`, e.g. se.arbetsliv.synpunkter.feedback.received.v1. */
  @Column({ type: "varchar", length: 128 })
  type!: string;

  /** The owning module, e.g. "synpunkter" (CloudEvents `source` is /arbetsliv/<domain>). */
  @Column({ type: "varchar", length: 64 })
  domain!: string;

  /** CloudEvents `subject`: the aggregate, e.g. FeedbackItem/42. */
  @Column({ type: "varchar", length: 128 })
  subject!: string;

  /** When the change happened: ISO 8601 UTC with milliseconds (sorts as text on both databases). */
  @Column({ type: "varchar", length: 24 })
  occurredAt!: string;

  /** The event's `data` as JSON: ids and non-personal facts only. */
  @Column({ type: "text" })
  data!: string;

  /** The scope a receiver needs (the event type's scope, or its protected scope). */
  @Column({ type: "varchar", length: 64 })
  requiredScope!: string;

  /** Feed position, set by the relay in commit order; null until then. */
  @Column({ type: "int", nullable: true, default: null })
  position!: number | null;

  /** When JetStream acknowledged the event (ISO 8601 UTC); null until then or without NATS. */
  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  publishedAt!: string | null;
}
