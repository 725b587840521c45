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

@InputType({ description: "A new FUT case (felaktiga utbetalningar), for openIncorrectPaymentCase." })
export class OpenIncorrectPaymentCaseInput {
  @Field(() => ID, { description: "The household whose payouts are investigated." })
  householdId!: string;

  @Field(() => [ID], { description: "The payouts under investigation, 1–100, all to this household." })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CASE_PAYOUTS)
  payoutIds!: string[];

  @Field(() => String, { description: "Why the case is opened (e.g. undeclared income), 3–4 000 characters." })
  @MinLength(3)
  @MaxLength(4000)
  reason!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the case is opened; not in the future. Default: today.",
  })
  openedOn?: LocalDate;
}

@InputType({
  description:
    "Findings or a status change in a FUT case, for updateIncorrectPaymentCase. Only the fields given change.",
})
export class UpdateIncorrectPaymentCaseInput {
  @Field(() => ID, { description: "The case to change." })
  id!: string;

  @Field(() => Int, {
    description: "The case's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => IncorrectPaymentStatus, {
    nullable: true,
    description: "INVESTIGATING, NO_INCORRECT_PAYMENT, WRITTEN_OFF or CLOSED (RECLAIM_DECIDED via decideReclaim).",
  })
  status?: IncorrectPaymentStatus;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Felaktigt utbetalt belopp — the amount found wrongly paid, in kronor; at most the linked payouts' total.",
  })
  @MoneyRange(0, MAX_CASE_AMOUNT)
  amountWronglyPaid?: Ore;

  @Field(() => String, {
    nullable: true,
    description: "The findings, at most 4 000 characters; replaces the earlier notes.",
  })
  @MaxLength(4000)
  notes?: string;
}

@InputType({ description: "A reclaim decision (återkrav) in a FUT case, for decideReclaim." })
export class DecideReclaimInput {
  @Field(() => ID, { description: "The case decided; its amount wrongly paid must be established first." })
  id!: string;

  @Field(() => Int, {
    description: "The case's version as last read (optimistic locking): another version → CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;

  @Field(() => MoneyScalar, {
    description: "Återkrävt belopp — the amount reclaimed, in kronor: more than 0, at most the amount wrongly paid.",
  })
  @MoneyRange(0, MAX_CASE_AMOUNT)
  reclaimAmount!: Ore;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The decision date; not before the case was opened. Default: today.",
  })
  decidedOn?: LocalDate;

  @Field(() => String, { nullable: true, description: "Lagrum, at most 200 characters. Default: SoL 9 kap. 1 §." })
  @MaxLength(200)
  legalBasis?: string;
}

@InputType("RegisterAssistanceRecoveryInput", {
  description: "Money that came back (återbetalning), for registerAssistanceRecovery.",
})
export class RegisterRecoveryInput {
  @Field(() => ID, { description: "The household the money came from or concerns." })
  householdId!: string;

  @Field(() => RecoveryKind, { description: "Why the money came back." })
  kind!: RecoveryKind;

  @Field(() => MoneyScalar, { description: "The amount received, in kronor: more than 0, at most 10 000 000." })
  @MoneyRange(0, MAX_CASE_AMOUNT)
  amount!: Ore;

  @Field(() => LocalDateScalar, { description: "The day the money was received; not in the future." })
  receivedDate!: LocalDate;

  @Field(() => ID, {
    nullable: true,
    description: "The FUT case it repays, a case of the same household; omitted: none.",
  })
  incorrectPaymentCaseId?: string;

  @Field(() => String, { nullable: true, description: "A note, at most 300 characters." })
  @MaxLength(300)
  note?: string;
}

@ArgsType()
export class IncorrectPaymentCaseListArgs extends PageArgs {
  @Field(() => IncorrectPaymentStatus, { nullable: true, description: "Only cases in this status; omitted: all." })
  status?: IncorrectPaymentStatus;
}
