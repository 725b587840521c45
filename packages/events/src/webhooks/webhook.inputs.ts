import { ArrayMaxSize, ArrayUnique, IsOptional, Length } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { MAX_URL_LENGTH } from "./url-guard";

/** Event types one webhook may name (the catalogue holds fewer; a bound for the schema). */
export const MAX_WEBHOOK_EVENT_TYPES = 100;
/** The longest CloudEvents type (the outbox's column). */
export const MAX_EVENT_TYPE_LENGTH = 128;
export const MAX_DESCRIPTION_LENGTH = 500;

@InputType({ description: "A new webhook endpoint." })
export class RegisterWebhookInput {
  @Field(() => String, { description: "https URL the deliveries are POSTed to (http only in development)." })
  @Length(1, MAX_URL_LENGTH)
  url!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: "CloudEvents types to receive (see the event catalogue); empty = every type your scopes may receive.",
  })
  @ArrayMaxSize(MAX_WEBHOOK_EVENT_TYPES)
  @ArrayUnique()
  @Length(1, MAX_EVENT_TYPE_LENGTH, { each: true })
  eventTypes!: string[];

  @Field(() => String, {
    defaultValue: "",
    description: `Your own note on what the endpoint is for (at most ${MAX_DESCRIPTION_LENGTH} characters); shown only to webhook administrators.`,
  })
  @Length(0, MAX_DESCRIPTION_LENGTH)
  description!: string;
}

@InputType({ description: "Changes to a webhook; omitted fields stay as they are." })
export class UpdateWebhookInput {
  @Field(() => ID, { description: "The webhook to change (Webhook.id)." })
  id!: string;

  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: "New https URL for the deliveries, checked as at registration; null keeps the current one.",
  })
  @IsOptional()
  @Length(1, MAX_URL_LENGTH)
  url?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "New event types (empty = all your scopes may receive). Re-grants your event-receiving scopes.",
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WEBHOOK_EVENT_TYPES)
  @ArrayUnique()
  @Length(1, MAX_EVENT_TYPE_LENGTH, { each: true })
  eventTypes?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: `New note on the endpoint (at most ${MAX_DESCRIPTION_LENGTH} characters; "" clears it); null keeps the current one.`,
  })
  @IsOptional()
  @Length(0, MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "false pauses the webhook (nothing is scheduled or sent while it is inactive); true resumes it from where it stopped, skipping events the outbox no longer holds (EVENT_RETENTION_DAYS); null keeps it as it is.",
  })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: "Where to replay from: give exactly one of fromTime and fromEventId." })
export class ReplayWebhookInput {
  @Field(() => ID, { description: "The webhook to deliver again to (Webhook.id)." })
  id!: string;

  @Field(() => String, { nullable: true, description: "ISO 8601 date-time: events that happened at or after it." })
  @IsOptional()
  @Length(1, 40)
  fromTime?: string | null;

  @Field(() => ID, { nullable: true, description: "This event and every later one in the feed." })
  @IsOptional()
  fromEventId?: string | null;
}

/** `expectedVersion` of a change that may also go ahead unlocked: what is refused, and the verb. */
const optionalVersionDescription = (change: string, verb: string) =>
  `The version you read (optimistic locking): if given and the webhook has changed since, the ${change} is refused with CONFLICT. Omit to ${verb} whatever the version.`;

/**
 * The webhook a rotation or deletion acts on (`input.id`; the top-level `id` argument is deprecated).
 * Only its subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("WebhookRefFields")
export abstract class WebhookRefFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The webhook (Webhook.id). Required; optional in the schema only while the deprecated id argument lives.",
  })
  @IsOptional()
  id?: string | null;
}

@InputType({ description: "Which webhook gets a new signing secret." })
export class RotateWebhookSecretInput extends WebhookRefFields {
  @Field(() => Int, { nullable: true, description: optionalVersionDescription("rotation", "rotate") })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}

@InputType({ description: "Which webhook to delete, with its delivery history." })
export class DeleteWebhookInput extends WebhookRefFields {
  @Field(() => Int, { nullable: true, description: optionalVersionDescription("deletion", "delete") })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}

@InputType({ description: "Which DEAD delivery to try again." })
export class RetryDeadDeliveryInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The delivery (WebhookDelivery.id), which must be DEAD. Required; optional in the schema only while the deprecated id argument lives.",
  })
  @IsOptional()
  id?: string | null;
}
