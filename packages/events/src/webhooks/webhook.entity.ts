import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A registered webhook endpoint. `secret` signs every delivery (Standard Webhooks) and is shown
 * only in the answer that created or rotated it; it is kept in clear because the platform must
 * sign with it (the database is trusted, the API and the logs never show it).
 */
@ObjectType("Webhook", {
  description: "A webhook endpoint an integrator registered: signed deliveries of the event types it asked for.",
})
@Entity({ name: "event_webhook" })
@Index(["active"])
export class WebhookEndpoint {
  @Field(() => ID, { description: "The webhook's id: give it to updateWebhook, replayWebhook and the others." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Where deliveries are POSTed." })
  @Column({ type: "varchar", length: 2048 })
  url!: string;

  @Field(() => String, { description: 'The registrant\'s note on what the endpoint is for ("" when none).' })
  @Column({ type: "varchar", length: 500, default: "" })
  description!: string;

  /** JSON array of CloudEvents types; empty = every type the granted scopes may receive. */
  @Column({ type: "text" })
  eventTypesJson!: string;

  /** JSON array: the registrant's event-receiving scopes when it registered (or last changed the types). */
  @Column({ type: "text" })
  scopesJson!: string;

  /** whsec_<base64>. Never a GraphQL field, never logged. */
  @Column({ type: "varchar", length: 128 })
  secret!: string;

  /** The secret before the last rotation: deliveries carry both signatures until previousSecretUntil. */
  @Column({ type: "varchar", length: 128, nullable: true, default: null })
  previousSecret!: string | null;

  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  previousSecretUntil!: string | null;

  @Field(() => Boolean, { description: "An inactive webhook gets no new deliveries and sends none." })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  /** Optimistic locking, bumped by changes an administrator makes (not by the dispatcher's cursor). */
  @Field(() => Int, {
    description:
      "Optimistic-locking version, 1 when registered: raised by updateWebhook and rotateWebhookSecret, not by replays or deliveries. Give it as input.expectedVersion.",
  })
  @Column({ type: "int", default: 1 })
  version!: number;

  @Field(() => String, { description: "ISO 8601 UTC." })
  @Column({ type: "varchar", length: 24 })
  createdAt!: string;

  @Field(() => String, { description: "Token subject of the registrant." })
  @Column({ type: "varchar", length: 128 })
  createdBy!: string;

  /** Delivery cursor: every feed position up to this one has been considered for this webhook. */
  @Field(() => Int, { description: "Feed position up to which events have been scheduled for delivery." })
  @Column({ type: "int", default: 0 })
  scheduledThrough!: number;
}
