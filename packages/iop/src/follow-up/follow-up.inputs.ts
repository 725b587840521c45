import { MAX_QUESTIONS } from "../shared/list-limits";
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, Range, YEAR_RANGE } from "@arbetsliv/core/values";
import { AnswerType, DeviationSeverity, YearlyReportKind } from "./follow-up.enums";
import { MAX_COUNT } from "../input-limits";

@InputType("IopQuestionInput")
export class QuestionInput {
  @Field(() => String)
  @Length(1, 500)
  text!: string;

  @Field(() => AnswerType)
  answerType!: AnswerType;

  @Field(() => Boolean, { defaultValue: true })
  required!: boolean;
}

@InputType("IopEvaluationTemplateInput", { description: "Utvärderingsmall with its questions in order." })
export class EvaluationTemplateInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string;

  @Field(() => [QuestionInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  questions!: QuestionInput[];
}

@InputType("IopAnswerInput", {
  description: "Give the value that fits the question: text, number (NUMBER, SCALE_1_5) or yes (YES_NO).",
})
export class AnswerInput {
  @Field(() => ID)
  questionId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  text?: string;

  @Field(() => Int, { nullable: true })
  @Range(0, MAX_COUNT)
  number?: number;

  @Field(() => Boolean, { nullable: true })
  yes?: boolean;
}

@InputType("IopDeviationInput", { description: "Avvikelse." })
export class DeviationInput {
  @Field(() => LocalDateScalar)
  detectedOn!: LocalDate;

  @Field(() => DeviationSeverity)
  severity!: DeviationSeverity;

  @Field(() => String)
  @Length(1, 8000)
  description!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  measures?: string;
}

@InputType("IopEvaluationInput", {
  description: "A follow-up of a period with the template's answers and any deviations found.",
})
export class EvaluationInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the agreement's template." })
  templateId?: string;

  @Field(() => LocalDateScalar) periodStart!: LocalDate;
  @Field(() => LocalDateScalar) periodEnd!: LocalDate;
  @Field(() => LocalDateScalar) conductedOn!: LocalDate;

  @Field(() => String)
  @Length(1, 200)
  conductedBy!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  summary?: string;

  @Field(() => [AnswerInput])
  @ArrayMaxSize(MAX_QUESTIONS)
  @ValidateNested({ each: true })
  answers!: AnswerInput[];

  @Field(() => [DeviationInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  deviations!: DeviationInput[];

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}

@InputType("IopResolveDeviationInput")
export class ResolveDeviationInput {
  @Field(() => LocalDateScalar)
  resolvedOn!: LocalDate;

  @Field(() => String)
  @Length(1, 8000)
  measures!: string;
}

@InputType("IopYearlyReportInput", {
  description: "Verksamhetsberättelse / verksamhetsplan / kvalitetsbilaga received.",
})
export class YearlyReportInput {
  @Field(() => Int)
  @Range(...YEAR_RANGE)
  year!: number;

  @Field(() => YearlyReportKind)
  kind!: YearlyReportKind;

  @Field(() => LocalDateScalar)
  receivedOn!: LocalDate;

  @Range(0, MAX_COUNT)
  @Field(() => Int, { nullable: true, description: "Required on an activity report." })
  @IsOptional()
  @Min(0)
  individualsServed?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  notes?: string;

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}

@InputType("IopDeviationFilter", { description: "Filters combine with AND; the period is on detectedOn." })
export class DeviationFilter {
  @Field(() => LocalDateScalar, { nullable: true }) from?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true }) to?: LocalDate;
  @Field(() => ID, { nullable: true }) agreementId?: string;
  @Field(() => Boolean, { nullable: true, description: "true: unresolved only; false: resolved only." }) open?: boolean;
}

@ArgsType()
export class DeviationListArgs extends PageArgs {
  @Field(() => DeviationFilter, { nullable: true })
  @ValidateNested()
  filter?: DeviationFilter;
}
