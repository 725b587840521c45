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

  @Field(() => String, { defaultValue: "" })
  @Length(0, MAX_DESCRIPTION_LENGTH)
  description!: string;
}

@InputType({ description: "Changes to a webhook; omitted fields stay as they are." })
export class UpdateWebhookInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: "Where to replay from: give exactly one of fromTime and fromEventId." })
export class ReplayWebhookInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "ISO 8601 date-time: events that happened at or after it." })
  @IsOptional()
  @Length(1, 40)
  fromTime?: string | null;

  @Field(() => ID, { nullable: true, description: "This event and every later one in the feed." })
  @IsOptional()
  fromEventId?: string | null;
}
