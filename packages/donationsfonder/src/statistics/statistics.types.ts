import { Field, ID, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core";
import { RejectionReason, RoundStatus, RoundTerm } from "../shared/enums";

@ObjectType("DonationReasonCount", { description: "Applications that got nothing, by reason." })
export class ReasonCount {
  @Field(() => RejectionReason)
  reason!: RejectionReason;

  @Field(() => Int)
  count!: number;
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

  @Field(() => Int, { description: "Eligible applications that draw from this fund." })
  applications!: number;

  @Field(() => Int, { description: "Of those, applications allocated more than 0 kr." })
  granted!: number;

  @Field(() => MoneyScalar, { description: "Sum of the current allocations (proposed or decided)." })
  amountAllocated!: Ore;

  @Field(() => MoneyScalar, { description: "Utdelat — allocations the board has decided (0 before the decision)." })
  amountDistributed!: Ore;

  @Field(() => MoneyScalar, { description: "Of that, marked paid." })
  amountPaid!: Ore;

  @Field(() => MoneyScalar, { description: "Left in the fund: available − allocated." })
  amountRemaining!: Ore;

  @Field(() => Int, { description: "People who got money by the board's decision (0 before it)." })
  personsReached!: number;
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

  @Field(() => Int, { description: "Every application registered, refused ones included." })
  applications!: number;

  @Field(() => Int, { description: "Refused on receipt (late, early, duplicate)." })
  refused!: number;

  @Field(() => Int, { description: "Not yet assessed." })
  awaitingAssessment!: number;

  @Field(() => Int, { description: "Assessed eligible for a fund." })
  eligible!: number;

  @Field(() => Int, { description: "Assessed and met no fund's statutes." })
  ineligible!: number;

  @Field(() => [ReasonCount], { description: "Refused and ineligible applications by reason." })
  rejectedByReason!: ReasonCount[];

  @Field(() => Int, { description: "Applications allocated more than 0 kr." })
  granted!: number;

  @Field(() => MoneyScalar)
  amountAvailable!: Ore;

  @Field(() => MoneyScalar)
  amountAllocated!: Ore;

  @Field(() => MoneyScalar, { description: "Utdelat — decided by the board (0 before the decision)." })
  amountDistributed!: Ore;

  @Field(() => MoneyScalar)
  amountPaid!: Ore;

  @Field(() => Int, { description: "Antal personer som fått medel — distinct people granted money by the decision." })
  personsReached!: number;

  @Field(() => [FundReport], { description: "Per fund, in the published order." })
  funds!: FundReport[];
}

@ObjectType("DonationReport", { description: "Utdelning av donationsfonder — the rounds paid out in a period, computed from the records." })
export class DonationReport {
  @Field(() => LocalDateScalar)
  from!: LocalDate;

  @Field(() => LocalDateScalar)
  to!: LocalDate;

  @Field(() => [RoundReport], { description: "Rounds whose planned payout date is in the period, oldest first." })
  rounds!: RoundReport[];

  @Field(() => Int)
  applications!: number;

  @Field(() => MoneyScalar, { description: "Totalt utdelat — decided by the board in the period's rounds." })
  amountDistributed!: Ore;

  @Field(() => MoneyScalar)
  amountPaid!: Ore;

  @Field(() => Int, { description: "Sum of the rounds' persons reached (someone granted in two rounds counts twice, as the annual figures do)." })
  personsReachedInRounds!: number;

  @Field(() => Int, { description: "Distinct people granted money in the period." })
  distinctPersonsReached!: number;
}
