import { MAX_CLAIM_LINES } from "../list-limits";
import { Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, Matches, MaxLength, MinLength, ValidateNested } from "class-validator";
import { IdempotencyKeyField } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  VERSION_RANGE,
} from "@arbetsliv/core/values";
import { ApplicationChannel, ApplicationStatus, CostType, DecisionOutcome, IncomeType } from "../enums";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType("AssistanceCostInput")
export class CostInput {
  @Field(() => CostType)
  type!: CostType;

  @Field(() => MoneyScalar, { description: "Claimed per month." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @MaxLength(300)
  note?: string;
}

@InputType("AssistanceIncomeInput")
export class IncomeInput {
  @Field(() => IncomeType)
  type!: IncomeType;

  @Field(() => MoneyScalar, { description: "For the month applied for." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => ID, {
    nullable: true,
    description: "The household member who has the income (required for employment income).",
  })
  memberId?: string;
}

@InputType("SubmitAssistanceApplicationInput", {
  description: "The type (new, renewal, supplementary) is chosen from the household's history.",
})
export class SubmitApplicationInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => String, { description: "Month applied for, YYYY-MM." })
  @Matches(MONTH, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => ApplicationChannel)
  channel!: ApplicationChannel;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  receivedDate?: LocalDate;

  @Field(() => [CostInput], { nullable: true })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  costs?: CostInput[];

  @Field(() => [IncomeInput], { nullable: true })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  incomes?: IncomeInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdateAssistanceClaimsInput", {
  description: "Replaces claimed costs and incomes (a supplement moves the application back to review).",
})
export class UpdateClaimsInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => [CostInput])
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  costs!: CostInput[];

  @Field(() => [IncomeInput])
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  incomes!: IncomeInput[];
}

@InputType("SetAssistanceApplicationStatusInput")
export class SetApplicationStatusInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => ApplicationStatus, { description: "UNDER_REVIEW, SUPPLEMENT_REQUESTED, WITHDRAWN or CLOSED." })
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description: "Required for SUPPLEMENT_REQUESTED (what is missing) and WITHDRAWN (why).",
  })
  @MaxLength(2000)
  note?: string;
}

@InputType("DecideAssistanceApplicationInput")
export class DecideInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => DecisionOutcome)
  outcome!: DecisionOutcome;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "GRANTED: the calculated amount (default). PARTLY_GRANTED: required, at most the calculated amount. REJECTED: 0.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount?: Ore;

  @Field(() => String, { nullable: true, description: "Motivering; required unless GRANTED." })
  @MaxLength(4000)
  reasons?: string;

  @Field(() => String, { nullable: true, description: "Default: SoL 4 kap. 1 §." })
  @MinLength(3)
  @MaxLength(200)
  legalBasis?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  decidedOn?: LocalDate;
}

@InputType("PayAssistanceDecisionInput")
export class PayInput {
  @Field(() => ID)
  decisionId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  paymentDate?: LocalDate;

  @Field(() => String, { nullable: true, description: "Default: the applicant." })
  @MaxLength(200)
  recipient?: string;
}

@InputType("CorrectAssistancePayoutInput")
export class CorrectPayoutInput {
  @Field(() => ID, { description: "The ORIGINAL payout corrected." })
  payoutId!: string;

  @Field(() => MoneyScalar, {
    description: "Signed: positive pays more, negative records an over-payment (not below zero for the month).",
  })
  @MoneyRange(-MAX_MONTHLY_AMOUNT, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => String)
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  paymentDate?: LocalDate;
}
