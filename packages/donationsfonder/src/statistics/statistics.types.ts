import { Field, ID, Int, ObjectType } from "type-graphql";
import { MaxItems, StatisticsDisclosure, SuppressedFields } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { MAX_FUNDS, MAX_ROUNDS, REJECTION_REASONS } from "../shared/list-limits";
import { RejectionReason, RoundStatus, RoundTerm } from "../shared/enums";

@ObjectType("DonationReasonCount", { description: "Applications that got nothing, by reason." })
export class ReasonCount {
  @Field(() => RejectionReason)
  reason!: RejectionReason;

  @Field(() => Int, { nullable: true })
  count!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationFundReport", { description: "One fund in one round." })
export class FundReport {
  @Field(() => ID)
  fundId!: number;

  @Field(() => String)
  fundCode!: string;

  @Field(() => String)
  fundName!: string;

  @Field(() => MoneyScalar, { description: "What the fund had to distribute in the round." })
  amountAvailable!: Ore;

  @Field(() => Int, { nullable: true, description: "Eligible applications that draw from this fund." })
  applications!: number | null;

  @Field(() => Int, { nullable: true, description: "Of those, applications allocated more than 0 kr." })
  granted!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Sum of the current allocations (proposed or decided)." })
  amountAllocated!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Utdelat — allocations the board has decided (0 before the decision).",
  })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Of that, marked paid." })
  amountPaid!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Left in the fund: available − allocated." })
  amountRemaining!: Ore | null;

  @Field(() => Int, { nullable: true, description: "People who got money by the board's decision (0 before it)." })
  personsReached!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationRoundReport", { description: "One round: applications, outcomes and money, with a row per fund." })
export class RoundReport {
  @Field(() => ID)
  roundId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => RoundTerm)
  term!: RoundTerm;

  @Field(() => RoundStatus)
  status!: RoundStatus;

  @Field(() => LocalDateScalar)
  plannedPayoutDate!: LocalDate;

  @Field(() => Int, { nullable: true, description: "Every application registered, refused ones included." })
  applications!: number | null;

  @Field(() => Int, { nullable: true, description: "Refused on receipt (late, early, duplicate)." })
  refused!: number | null;

  @Field(() => Int, { nullable: true, description: "Not yet assessed." })
  awaitingAssessment!: number | null;

  @Field(() => Int, { nullable: true, description: "Assessed eligible for a fund." })
  eligible!: number | null;

  @Field(() => Int, { nullable: true, description: "Assessed and met no fund's statutes." })
  ineligible!: number | null;

  @Field(() => [ReasonCount], { description: "Refused and ineligible applications by reason." })
  @MaxItems(REJECTION_REASONS)
  rejectedByReason!: ReasonCount[];

  @Field(() => Int, { nullable: true, description: "Applications allocated more than 0 kr." })
  granted!: number | null;

  @Field(() => MoneyScalar)
  amountAvailable!: Ore;

  @Field(() => MoneyScalar, { nullable: true })
  amountAllocated!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Utdelat — decided by the board (0 before the decision)." })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true })
  amountPaid!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description: "Antal personer som fått medel — distinct people granted money by the decision.",
  })
  personsReached!: number | null;

  @Field(() => [FundReport], { description: "Per fund, in the published order." })
  @MaxItems(MAX_FUNDS)
  funds!: FundReport[];

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationReport", {
  description: "Utdelning av donationsfonder — the rounds paid out in a period, computed from the records.",
})
export class DonationReport {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  @Field(() => [RoundReport], { description: "Rounds whose planned payout date is in the period, oldest first." })
  @MaxItems(MAX_ROUNDS)
  rounds!: RoundReport[];

  @Field(() => Int, { nullable: true })
  applications!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Totalt utdelat — decided by the board in the period's rounds.",
  })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true })
  amountPaid!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Sum of the rounds' persons reached (someone granted in two rounds counts twice, as the annual figures do).",
  })
  personsReachedInRounds!: number | null;

  @Field(() => Int, { nullable: true, description: "Distinct people granted money in the period." })
  distinctPersonsReached!: number | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => StatisticsDisclosure)
  disclosure!: StatisticsDisclosure;
}
