import { IsEmail, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range } from "@arbetsliv/core/values";
import { FeedbackChannel, FeedbackCriterion, FeedbackKind, FeedbackStatus, ImprovementKind } from "./feedback.enums";
import { MAX_HANDLING_DAYS } from "../input-limits";

/** The date argument every handling step takes: back-registering a past case keeps its history in order. */
export const STEP_DATE_DESCRIPTION =
  "The day the step was taken, for registering a past case; defaults to today (Europe/Stockholm). " +
  "Must not be in the future (rule not-in-future) nor before the item's previous step, its latest history date (rule not-before).";

@InputType({ description: "A new feedback item. Leave the submitter fields empty for anonymous feedback." })
export class RegisterFeedbackInput {
  @Field(() => FeedbackKind)
  kind!: FeedbackKind;

  @Field(() => FeedbackCriterion)
  criterion!: FeedbackCriterion;

  @Field(() => ID)
  businessAreaId!: string;

  @Field(() => FeedbackChannel)
  channel!: FeedbackChannel;

  @Field(() => LocalDateScalar, { nullable: true, description: "Defaults to today." })
  receivedDate?: LocalDate;

  @Field(() => String)
  @Length(1, 4000)
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  submitterName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  submitterEmail?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: "submitterPhone must be a phone number" })
  submitterPhone?: string;

  @Field(() => Boolean, { defaultValue: false })
  wantsReply!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType()
export class ReplyInput {
  @Field(() => String)
  @Length(1, 8000)
  text!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  repliedDate?: LocalDate;
}

@InputType({ description: "Filters combine with AND; the period is on the received date." })
export class FeedbackFilter {
  @Field(() => LocalDateScalar, { nullable: true })
  receivedFrom?: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  receivedTo?: LocalDate;

  @Field(() => ID, { nullable: true })
  businessAreaId?: string;

  @Field(() => FeedbackKind, { nullable: true })
  kind?: FeedbackKind;

  @Field(() => FeedbackCriterion, { nullable: true })
  criterion?: FeedbackCriterion;

  @Field(() => FeedbackStatus, { nullable: true })
  status?: FeedbackStatus;

  @Field(() => Boolean, { nullable: true, description: "Only open items past their due date (true) or not (false)." })
  overdue?: boolean;
}

@ArgsType()
export class FeedbackListArgs extends PageArgs {
  @Field(() => FeedbackFilter, { nullable: true })
  @ValidateNested()
  filter?: FeedbackFilter;
}

@InputType()
export class BusinessAreaInput {
  @Field(() => String)
  @Length(1, 120)
  name!: string;

  @Field(() => Int, { description: "Handling time in calendar days, 1–365." })
  @Range(1, MAX_HANDLING_DAYS)
  handlingDays!: number;
}

@InputType()
export class ImprovementInput {
  @Field(() => ImprovementKind)
  kind!: ImprovementKind;

  @Field(() => String)
  @Length(1, 4000)
  description!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: STEP_DATE_DESCRIPTION })
  recordedDate?: LocalDate;
}

export { ImprovementKind };
