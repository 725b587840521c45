import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { Matches, MaxLength, MinLength } from "class-validator";
import { PageArgs } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  PersonnummerScalar,
  type LocalDate,
  type Ore,
  Range,
  VERSION_RANGE,
  MoneyRange,
} from "@arbetsliv/core/values";
import { EmploymentType } from "../enums";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";

@InputType({
  description:
    "A person leaving försörjningsstöd for a subsidised job (växla bidrag mot lön), for registerWageSubsidyEmployment.",
})
export class RegisterWageSubsidyEmploymentInput {
  @Field(() => PersonnummerScalar, { description: "The employee's personnummer or samordningsnummer." })
  personnummer!: string;

  @Field(() => String, { description: "The employee's full name, 1–200 characters." })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The household that received försörjningsstöd before; omitted when it is not registered here.",
  })
  householdId?: string;

  @Field(() => EmploymentType, { description: "The kind of subsidised employment." })
  employmentType!: EmploymentType;

  @Field(() => String, {
    nullable: true,
    description: "The employer (e.g. the municipality's department), at most 200 characters.",
  })
  @MaxLength(200)
  employer?: string;

  @Field(() => LocalDateScalar, { description: "The first day of the employment." })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last day, when known; not before startDate. Omitted: running until ended.",
  })
  endDate?: LocalDate;

  @Field(() => MoneyScalar, {
    description: "Försörjningsstöd per month no longer paid (the household's assistance before the job), in kronor.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyAssistanceBefore!: Ore;
}

@InputType({ description: "One month's figures of an employment, for recordWageSubsidyMonth." })
export class RecordWageSubsidyMonthInput {
  @Field(() => ID, { description: "The employment the month belongs to." })
  employmentId!: string;

  @Field(() => String, { description: "The month, YYYY-MM, within the employment; each month is recorded once." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => MoneyScalar, {
    description: "Personalkostnad — the employer's personnel cost for the month, in kronor.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  personnelCost!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Arbetsmarknadsstöd — the employment subsidy received for the month (from Arbetsförmedlingen), in kronor.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  subsidy!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Ekonomiskt bistånd not paid this month, in kronor. Default: the employment's monthlyAssistanceBefore.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  assistanceNotPaid?: Ore;
}

@InputType({ description: "The end of an employment, for endWageSubsidyEmployment." })
export class EndWageSubsidyEmploymentInput {
  @Field(() => ID, { description: "The employment ended." })
  id!: string;

  @Field(() => Int, {
    description: "The employment's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => LocalDateScalar, { description: "The last day of the employment; not before its start." })
  endDate!: LocalDate;
}

@ArgsType()
export class WageSubsidyListArgs extends PageArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Only employments running on this date (started on or before it, not ended before it); omitted: all.",
  })
  activeOn?: LocalDate;
}
