import { MAX_CASE_PAYOUTS } from "../list-limits";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, MaxLength, MinLength } from "class-validator";
import { PageArgs } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  Range,
  VERSION_RANGE,
  MoneyRange,
} from "@arbetsliv/core/values";
import { IncorrectPaymentStatus, RecoveryKind } from "../enums";
import { MAX_CASE_AMOUNT } from "../input-limits";

@InputType()
export class OpenIncorrectPaymentCaseInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => [ID], { description: "The payouts under investigation (the household's)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CASE_PAYOUTS)
  payoutIds!: string[];

  @Field(() => String)
  @MinLength(3)
  @MaxLength(4000)
  reason!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  openedOn?: LocalDate;
}

@InputType({ description: "Only the fields given change." })
export class UpdateIncorrectPaymentCaseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => IncorrectPaymentStatus, {
    nullable: true,
    description: "INVESTIGATING, NO_INCORRECT_PAYMENT, WRITTEN_OFF or CLOSED (RECLAIM_DECIDED via decideReclaim).",
  })
  status?: IncorrectPaymentStatus;

  @Field(() => MoneyScalar, { nullable: true })
  @MoneyRange(0, MAX_CASE_AMOUNT)
  amountWronglyPaid?: Ore;

  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  notes?: string;
}

@InputType()
export class DecideReclaimInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => MoneyScalar, { description: "Återkrävt belopp: more than 0, at most the amount wrongly paid." })
  @MoneyRange(0, MAX_CASE_AMOUNT)
  reclaimAmount!: Ore;

  @Field(() => LocalDateScalar, { nullable: true, description: "Default: today." })
  decidedOn?: LocalDate;

  @Field(() => String, { nullable: true, description: "Default: SoL 9 kap. 1 §." })
  @MaxLength(200)
  legalBasis?: string;
}

@InputType("RegisterAssistanceRecoveryInput")
export class RegisterRecoveryInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => RecoveryKind)
  kind!: RecoveryKind;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_CASE_AMOUNT)
  amount!: Ore;

  @Field(() => LocalDateScalar)
  receivedDate!: LocalDate;

  @Field(() => ID, { nullable: true })
  incorrectPaymentCaseId?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(300)
  note?: string;
}

@ArgsType()
export class IncorrectPaymentCaseListArgs extends PageArgs {
  @Field(() => IncorrectPaymentStatus, { nullable: true })
  status?: IncorrectPaymentStatus;
}
