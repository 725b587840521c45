import { IsEmail, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { FeedbackChannel, FeedbackCriterion, FeedbackKind, FeedbackStatus, ImprovementKind } from "./feedback.enums";
import { MAX_HANDLING_DAYS } from "../input-limits";

/** The date argument every handling step takes: back-registering a past case keeps its history in order. */
export const STEP_DATE_DESCRIPTION =
  "The day the step was taken, for registering a past case; defaults to today (Europe/Stockholm). " +
  "Must not be in the future (rule not-in-future) nor before the item's previous step, its latest history date (rule not-before).";

/** The item a handling step changes: `input.id` (required; the top-level `id` argument is deprecated). */
export const ITEM_ID_DESCRIPTION =
  "The feedback item to change (FeedbackItem.id). Required: give it here (the top-level id argument is deprecated).";

/** Optimistic locking, the same on every handling step. */
export const EXPECTED_VERSION_DESCRIPTION =
  "The item's version you read (FeedbackItem.version); a stale one gives CONFLICT. Required: give it here (the top-level expectedVersion argument is deprecated).";

/**
 * The item a handling step changes and the version read: the same two fields on every step's input.
 * Only its subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("FeedbackChangeFields")
export abstract class FeedbackChangeFields {
  @Field(() => ID, { nullable: true, description: ITEM_ID_DESCRIPTION })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION_DESCRIPTION })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}

@InputType({
  description:
    "A new feedback item (synpunkt). Leave the submitter fields empty for anonymous feedback; an anonymous submitter cannot want a reply.",
})
export class RegisterFeedbackInput {
  @Field(() => FeedbackKind, { description: "What kind of feedback it is (beröm, fråga, förslag, klagomål)." })
  kind!: FeedbackKind;

  @Field(() => FeedbackCriterion, { description: "The city-wide criterion (kommungemensamt kriterium) it concerns." })
  criterion!: FeedbackCriterion;

  @Field(() => ID, {
    description:
      "The business area it is about (BusinessArea.id); must be active. Its handling time sets the due date.",
  })
  businessAreaId!: string;

  @Field(() => FeedbackChannel, { description: "How the feedback reached the administration." })
  channel!: FeedbackChannel;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the feedback was received; defaults to today (Europe/Stockholm) and must not be in the future (rule not-in-future). Starts the handling time.",
  })
  receivedDate?: LocalDate;

  @Field(() => String, {
    description: "The feedback in the submitter's words, 1–4000 characters. May hold personal details.",
  })
  @Length(1, 4000)
  description!: string;

  @Field(() => String, { nullable: true, description: "The submitter's name, 1–200 characters; null when anonymous." })
  @IsOptional()
  @Length(1, 200)
  submitterName?: string;

  @Field(() => String, {
    nullable: true,
    description: "The submitter's e-mail address (at most 200 characters), for the reply; null when not given.",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  submitterEmail?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The submitter's phone number (5–40 digits, spaces, +, parentheses or hyphens), for the reply; null when not given.",
  })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: "submitterPhone must be a phone number" })
  submitterPhone?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Önskar återkoppling — the submitter wants a reply; needs an e-mail address or phone number (rule reply-needs-contact). The item cannot be closed before a reply is recorded.",
  })
  wantsReply!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: "Assigning a feedback item to a handler (handläggare)." })
export class AssignFeedbackInput extends FeedbackChangeFields {
  @Field(() => String, {
    nullable: true,
    description:
      "The handler's id (a caseworker's user id), 1–128 characters. Required: give it here (the top-level handler argument is deprecated).",
  })
  @IsOptional()
  @Length(1, 128)
  handler?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  @IsOptional()
  assignedDate?: LocalDate | null;
}

@InputType({ description: "Återkoppling — the reply sent to the submitter, recorded on the item." })
export class ReplyInput extends FeedbackChangeFields {
  @Field(() => String, { description: "The reply's text as sent, 1–8000 characters." })
  @Length(1, 8000)
  text!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  repliedDate?: LocalDate;
}

@InputType({ description: "Closing a feedback item (avslut): the day it counts as handled." })
export class CloseFeedbackInput extends FeedbackChangeFields {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: `${STEP_DATE_DESCRIPTION} Handled in time when on or before the due date.`,
  })
  @IsOptional()
  closedDate?: LocalDate | null;
}

@InputType({ description: "Reopening a closed feedback item for completion (komplettering)." })
export class ReopenFeedbackInput extends FeedbackChangeFields {
  @Field(() => String, {
    nullable: true,
    description:
      "Why it is reopened, 1–4000 characters; kept as the history step's note. Required: give it here (the top-level reason argument is deprecated).",
  })
  @IsOptional()
  @Length(1, 4000)
  reason?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  @IsOptional()
  reopenedDate?: LocalDate | null;
}

@InputType({ description: "Marking a feedback item as a duplicate of another (the same feedback sent twice)." })
export class MarkFeedbackDuplicateInput extends FeedbackChangeFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The original (FeedbackItem.id): another item, itself no duplicate. Required: give it here (the top-level duplicateOfId argument is deprecated).",
  })
  @IsOptional()
  duplicateOfId?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: `${STEP_DATE_DESCRIPTION} Also the closing date, unless the item is already closed.`,
  })
  @IsOptional()
  markedDate?: LocalDate | null;
}

@InputType({ description: "Recording that a feedback item was forwarded to an external organisation." })
export class ForwardFeedbackInput extends FeedbackChangeFields {
  @Field(() => String, {
    nullable: true,
    description:
      "The organisation, association or company it was forwarded to, 1–200 characters. Required: give it here (the top-level organisation argument is deprecated).",
  })
  @IsOptional()
  @Length(1, 200)
  organisation?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  @IsOptional()
  forwardedDate?: LocalDate | null;
}

@InputType({
  description:
    "Filters of the feedback list; they combine with AND. The period is on the received date, both ends included.",
})
export class FeedbackFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: "Received on or after this day." })
  receivedFrom?: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Received on or before this day; not before receivedFrom (rule order).",
  })
  receivedTo?: LocalDate;

  @Field(() => ID, { nullable: true, description: "Only items about this business area (BusinessArea.id)." })
  businessAreaId?: string;

  @Field(() => FeedbackKind, { nullable: true, description: "Only items of this kind." })
  kind?: FeedbackKind;

  @Field(() => FeedbackCriterion, { nullable: true, description: "Only items of this criterion." })
  criterion?: FeedbackCriterion;

  @Field(() => FeedbackStatus, { nullable: true, description: "Only items in this status." })
  status?: FeedbackStatus;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only open items past their due date (true) or all others (false); past means the due date is before today in Europe/Stockholm.",
  })
  overdue?: boolean;
}

@ArgsType()
export class FeedbackListArgs extends PageArgs {
  @Field(() => FeedbackFilter, { nullable: true, description: "Which items; none lists every item." })
  @ValidateNested()
  filter?: FeedbackFilter;
}

@InputType({ description: "A business area (verksamhetsområde) to add or change." })
export class BusinessAreaInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The area to change (BusinessArea.id); leave out to add a new area. Give it here (the top-level id argument is deprecated).",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => String, { description: "The area's name, 1–120 characters, unique (rule unique)." })
  @Length(1, 120)
  name!: string;

  @Field(() => Int, {
    description: `Handling time in calendar days, 1–${MAX_HANDLING_DAYS}: the due date of feedback received from now on. Items already registered keep theirs.`,
  })
  @Range(1, MAX_HANDLING_DAYS)
  handlingDays!: number;
}

@InputType({ description: "Ständig förbättring — the improvement a feedback item led to." })
export class ImprovementInput extends FeedbackChangeFields {
  @Field(() => ImprovementKind, { description: "What kind of improvement it was." })
  kind!: ImprovementKind;

  @Field(() => String, { description: "What was improved, 1–4000 characters." })
  @Length(1, 4000)
  description!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  recordedDate?: LocalDate;
}

export { ImprovementKind };
