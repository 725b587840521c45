import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

export enum DeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED_RETRYING = "FAILED_RETRYING",
  DEAD = "DEAD",
}

registerEnumType(DeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description:
    "PENDING: not tried yet; FAILED_RETRYING: waiting for the next try; DEAD: gave up after the limit (retry or replay it).",
  valuesConfig: {
    PENDING: { description: "Scheduled and not tried yet (also after a retry or a replay)." },
    DELIVERED: { description: "The receiver answered 2xx: done." },
    FAILED_RETRYING: {
      description: "A try failed (an error answer, a timeout or no connection); it is tried again after a back-off.",
    },
    DEAD: {
      description: "Every try failed, up to the limit: no more tries until retryDeadDelivery or replayWebhook.",
    },
  },
});

/**
 * One event to one endpoint. Unique per (webhook, event): an event is scheduled to an endpoint at
 * most once, and a replay makes the same row PENDING again (same `webhook-id` header = event id).
 */
@ObjectType("WebhookDelivery", { description: "One event's delivery to one webhook." })
@Entity({ name: "event_webhook_delivery" })
@Index(["webhookId", "eventId"], { unique: true })
@Index(["webhookId", "status", "nextAttemptAt"])
@Index(["status", "nextAttemptAt"])
export class WebhookDelivery {
  @Field(() => ID, { description: "The delivery's id: give it to retryDeadDelivery." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The webhook it is for (Webhook.id)." })
  @Column({ type: "int" })
  webhookId!: number;

  @Field(() => ID, { description: "The event's id (the CloudEvents id and the webhook-id header)." })
  @Column({ type: "int" })
  eventId!: number;

  @Field(() => String, {
    description: "The event's CloudEvents type, e.g. se.arbetsliv.synpunkter.feedback.received.v1.",
  })
  @Column({ type: "varchar", length: 128 })
  eventType!: string;

  @Field(() => Int, { description: "The event's feed position." })
  @Column({ type: "int" })
  position!: number;

  @Field(() => DeliveryStatus, { description: "Where the delivery stands." })
  @Column({ type: "varchar", length: 16 })
  status!: DeliveryStatus;

  @Field(() => Int, { description: "Tries so far (since it was scheduled, retried or replayed)." })
  @Column({ type: "int", default: 0 })
  attempts!: number;

  @Field(() => String, { description: "ISO 8601 UTC: when it is due (next try, or the end of a running try's lease)." })
  @Column({ type: "varchar", length: 24 })
  nextAttemptAt!: string;

  @Field(() => Int, { nullable: true, description: "HTTP status of the last try; null if no response came." })
  @Column({ type: "int", nullable: true, default: null })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: "Why the last try failed (never the payload)." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  lastError!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 8601 UTC: when the receiver accepted it; null until it is DELIVERED.",
  })
  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  deliveredAt!: string | null;

  @Field(() => String, { description: "ISO 8601 UTC: when the delivery was scheduled." })
  @Column({ type: "varchar", length: 24 })
  createdAt!: string;
}
