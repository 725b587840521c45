import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * An idempotency key a caller sent with a create (Stripe-style): written in the same transaction
 * as the record it created, so a retry finds either nothing (the first try rolled back) or the
 * finished answer. Kept IDEMPOTENCY_KEY_HOURS (default 48 h, at least 24 h), then purged.
 */
@Entity({ name: "idempotency_key" })
@Index(["actor", "operation", "idempotencyKey"], { unique: true })
@Index(["createdAt"])
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Token subject of the caller: keys are per caller, so two e-services cannot collide. */
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  /** The mutation, e.g. Mutation.registerFeedback. */
  @Column({ type: "varchar", length: 128 })
  operation!: string;

  @Column({ type: "varchar", length: 128 })
  idempotencyKey!: string;

  /** SHA-256 of the input without the key: the same key with another input is a CONFLICT. */
  @Column({ type: "varchar", length: 64 })
  requestHash!: string;

  /** The id of the record the first call created. */
  @Column({ type: "varchar", length: 64 })
  resultId!: string;

  /** ISO 8601 UTC. */
  @Column({ type: "varchar", length: 24 })
  createdAt!: string;
}
