import { MAX_QUESTIONS } from "../shared/list-limits";
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range, VERSION_RANGE, YEAR_RANGE } from "@arbetsliv/core/values";
import { AnswerType, DeviationSeverity, YearlyReportKind } from "./follow-up.enums";
import { MAX_COUNT } from "../input-limits";

/** Deviations one follow-up can record at once. */
const MAX_DEVIATIONS_PER_EVALUATION = 50;

@InputType("IopQuestionInput", { description: "A question of a new evaluation template (utvärderingsmall)." })
export class QuestionInput {
  @Field(() => String, { description: "The question as asked, 1–500 characters." })
  @Length(1, 500)
  text!: string;

  @Field(() => AnswerType, { description: "How it is answered." })
  answerType!: AnswerType;

  @Field(() => Boolean, {
    defaultValue: true,
    description: "Whether every follow-up must answer it (default true).",
  })
  required!: boolean;
}

@InputType("IopEvaluationTemplateInput", {
  description:
    "Utvärderingsmall — an evaluation template that follow-ups (uppföljningar) answer, with its questions in order.",
})
export class EvaluationTemplateInput {
  @Field(() => String, { description: "The template's name, 1–200 characters; unique (a taken name is CONFLICT)." })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: "What the template is for (at most 4 000 characters)." })
  @IsOptional()
  @MaxLength(4000)
  description?: string;

  @Field(() => [QuestionInput], {
    description: `The questions in the order they are asked: 1 to ${MAX_QUESTIONS}.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  questions!: QuestionInput[];
}

@InputType("IopAnswerInput", {
  description:
    "The answer to one template question. Give the value that fits the question: text (TEXT), number (NUMBER, SCALE_1_5) or yes (YES_NO); a text may accompany any answer.",
})
export class AnswerInput {
  @Field(() => ID, { description: "The question answered (IopEvaluationQuestion.id); each once per follow-up." })
  questionId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Free-text answer: required for TEXT, a comment otherwise (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  text?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Whole number: 1–5 for SCALE_1_5, 0–${MAX_COUNT.toLocaleString("en")} for NUMBER.`,
  })
  @Range(0, MAX_COUNT)
  number?: number;

  @Field(() => Boolean, { nullable: true, description: "Yes (true) or no (false), for YES_NO." })
  yes?: boolean;
}

@InputType("IopDeviationInput", {
  description:
    "Avvikelse — a deviation from what the agreement and the board decided, found on a day (reportIopDeviation, or among a follow-up's deviations).",
})
export class DeviationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "reportIopDeviation: the agreement it concerns (required, here or in the deprecated top-level argument `agreementId`). In a follow-up's deviations leave it out: they belong to the follow-up's agreement (another is refused).",
  })
  agreementId?: string;

  @Field(() => LocalDateScalar, {
    description:
      "The day it was found; not before the agreement starts (in a follow-up: not before its period starts).",
  })
  detectedOn!: LocalDate;

  @Field(() => DeviationSeverity, { description: "How serious it is." })
  severity!: DeviationSeverity;

  @Field(() => String, { description: "What happened, 1–8 000 characters." })
  @Length(1, 8000)
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: "Åtgärd — what was done or planned about it so far (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  measures?: string;
}

@InputType("IopEvaluationInput", {
  description:
    "Uppföljning — a follow-up of an agreement for a period, with the template's answers and any deviations (avvikelser) found. One per agreement and period end.",
})
export class EvaluationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement followed up (not a draft). Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => ID, {
    nullable: true,
    description: "The evaluation template answered; defaults to the agreement's (required when it has none).",
  })
  templateId?: string;

  @Field(() => LocalDateScalar, {
    description: "First day of the period followed up; not before the agreement starts.",
  })
  periodStart!: LocalDate;
  @Field(() => LocalDateScalar, {
    description: "Last day of the period followed up; not before periodStart. Each period end once per agreement.",
  })
  periodEnd!: LocalDate;
  @Field(() => LocalDateScalar, { description: "The day the follow-up was made; not before periodStart." })
  conductedOn!: LocalDate;

  @Field(() => String, {
    description: "Who followed up: a unit or a role (e.g. Styrgruppen), 1–200 characters.",
  })
  @Length(1, 200)
  conductedBy!: string;

  @Field(() => String, { nullable: true, description: "Summary of the follow-up (at most 8 000 characters)." })
  @IsOptional()
  @MaxLength(8000)
  summary?: string;

  @Field(() => [AnswerInput], {
    description: `Answers to the template's questions: every required one, each once (at most ${MAX_QUESTIONS}).`,
  })
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  answers!: AnswerInput[];

  @Field(() => [DeviationInput], {
    defaultValue: [],
    description: `Deviations found in the period, recorded with the follow-up (at most ${MAX_DEVIATIONS_PER_EVALUATION}; default none).`,
  })
  @ArrayMaxSize(MAX_DEVIATIONS_PER_EVALUATION)
  @ValidateNested({ each: true })
  deviations!: DeviationInput[];

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}

@InputType("IopResolveDeviationInput", {
  description: "Closes an open deviation (avvikelse): when it was resolved and what was done.",
})
export class ResolveDeviationInput {
  @Field(() => ID, {
    nullable: true,
    description: "The deviation to resolve. Required, here or in the deprecated top-level argument `id`.",
  })
  id?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The deviation's version as you last read it (its `version` field): a stale version is refused with CONFLICT (optimistic locking). Required, here or in the deprecated top-level argument.",
  })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number;

  @Field(() => LocalDateScalar, { description: "The day it was resolved; not before it was detected." })
  resolvedOn!: LocalDate;

  @Field(() => String, {
    description: "Åtgärd — what was done; replaces the measures recorded so far (1–8 000 characters).",
  })
  @Length(1, 8000)
  measures!: string;
}

@InputType("IopYearlyReportInput", {
  description:
    "A yearly report received from the partner: verksamhetsberättelse (activity report), verksamhetsplan (activity plan) or kvalitetsbilaga (quality appendix). Once per agreement, year and kind.",
})
export class YearlyReportInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement reported under (in force some day of the year). Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => Int, { description: "The year the report covers (or plans); the agreement must be in force in it." })
  @Range(...YEAR_RANGE)
  year!: number;

  @Field(() => YearlyReportKind, { description: "Which report." })
  kind!: YearlyReportKind;

  @Field(() => LocalDateScalar, { description: "The day it was received." })
  receivedOn!: LocalDate;

  @Range(0, MAX_COUNT)
  @Field(() => Int, {
    nullable: true,
    description: "Antal individer — the number of individuals served in the year; required on an ACTIVITY_REPORT.",
  })
  @IsOptional()
  @Min(0)
  individualsServed?: number;

  @Field(() => String, { nullable: true, description: "Notes on the report (at most 8 000 characters)." })
  @IsOptional()
  @MaxLength(8000)
  notes?: string;

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}

@InputType("IopDeviationFilter", { description: "Narrows iopDeviations; the filters combine with AND." })
export class DeviationFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: "Only deviations detected on or after this day." })
  from?: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Only deviations detected on or before this day (not before from).",
  })
  to?: LocalDate;
  @Field(() => ID, { nullable: true, description: "Only this agreement's deviations." })
  agreementId?: string;
  @Field(() => Boolean, { nullable: true, description: "true: unresolved only; false: resolved only; omit for both." })
  open?: boolean;
}

@ArgsType()
export class DeviationListArgs extends PageArgs {
  @Field(() => DeviationFilter, { nullable: true, description: "Which deviations; omit for all." })
  @ValidateNested()
  filter?: DeviationFilter;
}
