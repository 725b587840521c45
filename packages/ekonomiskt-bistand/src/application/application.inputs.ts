import { MAX_CLAIM_LINES } from "../list-limits";
import { Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from "class-validator";
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

@InputType("AssistanceCostInput", {
  description: "A reasonable cost (skälig kostnad) the household claims for the month applied for.",
})
export class CostInput {
  @Field(() => CostType, { description: "What the cost is." })
  type!: CostType;

  @Field(() => MoneyScalar, {
    description: "Claimed for the month, in kronor, 0–1 000 000; the calculation caps it at the skälighetsnivå.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => String, {
    nullable: true,
    description: "What the cost is for (e.g. for OTHER), at most 300 characters.",
  })
  @MaxLength(300)
  note?: string;
}

@InputType("AssistanceIncomeInput", { description: "An income the household reports for the month applied for." })
export class IncomeInput {
  @Field(() => IncomeType, { description: "What the income is." })
  type!: IncomeType;

  @Field(() => MoneyScalar, { description: "The income for the month applied for, in kronor, 0–1 000 000." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => ID, {
    nullable: true,
    description:
      "The household member who has the income (AssistanceHouseholdMember.id): required for EMPLOYMENT, so the work-income disregard and children's earnings apply to the right person.",
  })
  memberId?: string;
}

@InputType("SubmitAssistanceApplicationInput", {
  description:
    "A new application (ansökan) for one calendar month, for submitAssistanceApplication. Its type (new, renewal, supplementary) is chosen from the household's history.",
})
export class SubmitApplicationInput {
  @Field(() => ID, { description: "The household that applies." })
  householdId!: string;

  @Field(() => String, {
    description:
      "The calendar month applied for, YYYY-MM. A household has one ordinary application per month; another one before the decision is a duplicate (CONFLICT).",
  })
  @Matches(MONTH, { message: "month must be YYYY-MM" })
  month!: string;

  @Field(() => ApplicationChannel, { description: "How the application came in." })
  channel!: ApplicationChannel;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the application came in; not in the future. Default: today.",
  })
  receivedDate?: LocalDate;

  @Field(() => [CostInput], { nullable: true, description: "Claimed costs, at most 50. Default: none." })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  costs?: CostInput[];

  @Field(() => [IncomeInput], { nullable: true, description: "Reported incomes, at most 50. Default: none." })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  incomes?: IncomeInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdateAssistanceClaimsInput", {
  description:
    "The whole new list of claimed costs and reported incomes, for updateAssistanceClaims (a supplement moves the application back to review).",
})
export class UpdateClaimsInput {
  @Field(() => ID, { description: "The application whose claims are replaced." })
  applicationId!: string;

  @Field(() => Int, {
    description: "The application's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => [CostInput], { description: "Every claimed cost, at most 50; replaces the earlier list." })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  costs!: CostInput[];

  @Field(() => [IncomeInput], { description: "Every reported income, at most 50; replaces the earlier list." })
  @ArrayMaxSize(MAX_CLAIM_LINES)
  @ValidateNested({ each: true })
  incomes!: IncomeInput[];
}

@InputType("SetAssistanceApplicationStatusInput", {
  description: "A status change of an application, for setAssistanceApplicationStatus.",
})
export class SetApplicationStatusInput {
  @Field(() => ID, { description: "The application to move." })
  applicationId!: string;

  @Field(() => Int, {
    description: "The application's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => ApplicationStatus, {
    description:
      "The new status: UNDER_REVIEW, SUPPLEMENT_REQUESTED, WITHDRAWN or CLOSED (DECIDED and PAID are set by deciding and paying).",
  })
  status!: ApplicationStatus;

  @Field(() => String, {
    nullable: true,
    description:
      "Required for SUPPLEMENT_REQUESTED (what is missing) and WITHDRAWN (why), at most 2 000 characters; shown as statusNote.",
  })
  @MaxLength(2000)
  note?: string;
}

@InputType("DecideAssistanceApplicationInput", {
  description: "A decision (beslut) on an application, for decideAssistanceApplication.",
})
export class DecideInput {
  @Field(() => ID, { description: "The application decided; it gets one decision." })
  applicationId!: string;

  @Field(() => Int, {
    description:
      "The application's version as last read — after calculating, AssistanceCalculation.application.version (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => DecisionOutcome, { description: "Granted, partly granted or rejected." })
  outcome!: DecisionOutcome;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Beviljat belopp in kronor. GRANTED: the calculated amount (default; another amount is refused). PARTLY_GRANTED: required, at most the calculated amount. REJECTED: 0.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount?: Ore;

  @Field(() => String, {
    nullable: true,
    description: "Motivering — the reasons given to the applicant, at most 4 000 characters; required unless GRANTED.",
  })
  @MaxLength(4000)
  reasons?: string;

  @Field(() => String, {
    nullable: true,
    description: "Lagrum — the legal basis, 3–200 characters. Default: SoL 4 kap. 1 §.",
  })
  @MinLength(3)
  @MaxLength(200)
  legalBasis?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The decision date; not in the future. Default: today.",
  })
  decidedOn?: LocalDate;
}

@InputType("CalculateAssistanceApplicationInput", {
  description: "Which application calculateAssistanceApplication calculates.",
})
export class CalculateApplicationInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The application calculated (required; moved from the mutation's applicationId argument). It must be received, under review or waiting for a supplement.",
  })
  @IsOptional()
  applicationId?: string | null;
}

@InputType("PayAssistanceDecisionInput", {
  description: "The payment (utbetalning) of a granted decision, for payAssistanceDecision.",
})
export class PayInput {
  @Field(() => ID, { description: "The decision paid: GRANTED or PARTLY_GRANTED with an amount above 0." })
  decisionId!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The payment date; not before the decision date. Default: today.",
  })
  paymentDate?: LocalDate;

  @Field(() => String, {
    nullable: true,
    description:
      "Mottagare — who is paid (e.g. the landlord for rent paid directly), at most 200 characters. Default: the applicant.",
  })
  @MaxLength(200)
  recipient?: string;
}

@InputType("CorrectAssistancePayoutInput", {
  description: "A correction (rättelse) of a payout, for correctAssistancePayout: a new entry, never an edit.",
})
export class CorrectPayoutInput {
  @Field(() => ID, { description: "The ORIGINAL payout corrected (not another correction)." })
  payoutId!: string;

  @Field(() => MoneyScalar, {
    description:
      "Signed kronor, not 0: positive pays more (at most the original amount, and the month at most 1 000 000), negative records an over-payment (the month's payouts not below zero; beyond that is a reclaim, FUT).",
  })
  @MoneyRange(-MAX_MONTHLY_AMOUNT, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => String, { description: "Why the payout is corrected, 3–2 000 characters." })
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The correction's payment date; not before the original payment. Default: today.",
  })
  paymentDate?: LocalDate;
}
