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

@InputType()
export class RegisterWageSubsidyEmploymentInput {
  @Field(() => PersonnummerScalar)
  personnummer!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => ID, { nullable: true, description: "The household that received försörjningsstöd before." })
  householdId?: string;

  @Field(() => EmploymentType)
  employmentType!: EmploymentType;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  employer?: string;

  @Field(() => LocalDateScalar)
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate?: LocalDate;

  @Field(() => MoneyScalar, { description: "Försörjningsstöd per month no longer paid." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  monthlyAssistanceBefore!: Ore;
}

@InputType()
export class RecordWageSubsidyMonthInput {
  @Field(() => ID)
  employmentId!: string;

  @Field(() => String, { description: "YYYY-MM, within the employment." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => MoneyScalar, { description: "Personalkostnad." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  personnelCost!: Ore;

  @Field(() => MoneyScalar, { description: "Arbetsmarknadsstöd received." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  subsidy!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Assistance not paid this month (default: the employment's monthly amount).",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  assistanceNotPaid?: Ore;
}

@InputType()
export class EndWageSubsidyEmploymentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => LocalDateScalar)
  endDate!: LocalDate;
}

@ArgsType()
export class WageSubsidyListArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: "Employments running on this date." })
  activeOn?: LocalDate;
}
