import { Field, ID, Int, ObjectType } from "type-graphql";
import { MaxItems, StatisticsDisclosure, SuppressedFields } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { MAX_FUNDS, MAX_ROUNDS, REJECTION_REASONS } from "../shared/list-limits";
import { RejectionReason, RoundStatus, RoundTerm } from "../shared/enums";

@ObjectType("DonationReasonCount", {
  description: "How many of a round's applications got nothing for one reason (refused or ineligible).",
})
export class ReasonCount {
  @Field(() => RejectionReason, { description: "The reason." })
  reason!: RejectionReason;

  @Field(() => Int, {
    nullable: true,
    description: "Applications with this reason; null when suppressed by disclosure control (named in `suppressed`).",
  })
  count!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationFundReport", {
  description:
    "One fund in one round of the donation report: its budget, applications, allocations and payouts. Amounts are kronor as decimal strings.",
})
export class FundReport {
  @Field(() => ID, { description: "The fund (DonationFund.id)." })
  fundId!: number;

  @Field(() => String, { description: "The fund's code." })
  fundCode!: string;

  @Field(() => String, { description: "The fund's name." })
  fundName!: string;

  @Field(() => MoneyScalar, { description: "What the fund had to distribute in the round (0 without a budget)." })
  amountAvailable!: Ore;

  @Field(() => Int, {
    nullable: true,
    description:
      "Eligible applications that draw from this fund; null when suppressed by disclosure control (named in `suppressed`).",
  })
  applications!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Of those, applications allocated more than 0 kr; null when suppressed by disclosure control (named in `suppressed`).",
  })
  granted!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Sum of the current allocations (proposed or decided); null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountAllocated!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Utdelat — allocations the committee has decided (0 before the decision); null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Of that, marked paid; null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountPaid!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Left in the fund: amountAvailable − amountAllocated; null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountRemaining!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "People granted money from the fund by the committee's decision (0 before it); null when suppressed by disclosure control (named in `suppressed`).",
  })
  personsReached!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationRoundReport", {
  description:
    "One round of the donation report: applications, outcomes and money, with a row per fund. Amounts are kronor as decimal strings.",
})
export class RoundReport {
  @Field(() => ID, { description: "The round (DonationRound.id)." })
  roundId!: number;

  @Field(() => String, { description: 'The round\'s name, e.g. "Utdelning 2021 vår".' })
  name!: string;

  @Field(() => Int, { description: "The round's year." })
  year!: number;

  @Field(() => RoundTerm, { description: "Which of the year's rounds." })
  term!: RoundTerm;

  @Field(() => RoundStatus, { description: "The round's status when the report was made." })
  status!: RoundStatus;

  @Field(() => LocalDateScalar, { description: "The planned payout day, which places the round in the period." })
  plannedPayoutDate!: LocalDate;

  @Field(() => Int, {
    nullable: true,
    description:
      "Every application registered, refused ones included; null when suppressed by disclosure control (named in `suppressed`).",
  })
  applications!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Refused on receipt (late, early, duplicate); null when suppressed by disclosure control (named in `suppressed`).",
  })
  refused!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Received and not yet assessed; null when suppressed by disclosure control (named in `suppressed`).",
  })
  awaitingAssessment!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Assessed eligible for a fund; null when suppressed by disclosure control (named in `suppressed`).",
  })
  eligible!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Assessed and met no fund's statutes; null when suppressed by disclosure control (named in `suppressed`).",
  })
  ineligible!: number | null;

  @Field(() => [ReasonCount], { description: "Refused and ineligible applications by reason, in the reasons' order." })
  @MaxItems(REJECTION_REASONS)
  rejectedByReason!: ReasonCount[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Applications allocated more than 0 kr; null when suppressed by disclosure control (named in `suppressed`).",
  })
  granted!: number | null;

  @Field(() => MoneyScalar, { description: "What the round's funds had to distribute, together." })
  amountAvailable!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Sum of the current allocations (proposed or decided); null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountAllocated!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Utdelat — allocations the committee has decided (0 before the decision); null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Of that, marked paid; null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountPaid!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Antal personer som fått medel — distinct people granted money by the committee's decision (0 before it); null when suppressed by disclosure control (named in `suppressed`).",
  })
  personsReached!: number | null;

  @Field(() => [FundReport], { description: "Per fund, in the published order." })
  @MaxItems(MAX_FUNDS)
  funds!: FundReport[];

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType("DonationReport", {
  description:
    "Utdelning av donationsfonder — what the social donation funds distributed: the rounds whose planned payout date is in a period, computed from the records. No person data; small counts are suppressed unless the caller holds donationsfonder:stats:exact. Amounts are kronor as decimal strings.",
})
export class DonationReport {
  @Field(() => LocalDateScalar, { description: "First day of the period (inclusive), as asked." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Last day of the period (inclusive), as asked." })
  to!: LocalDate;

  @Field(() => [RoundReport], { description: "Rounds whose planned payout date is in the period, oldest first." })
  @MaxItems(MAX_ROUNDS)
  rounds!: RoundReport[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Every application registered in the period's rounds, refused ones included; null when suppressed by disclosure control (named in `suppressed`).",
  })
  applications!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Totalt utdelat — decided by the committee in the period's rounds; null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountDistributed!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Of that, marked paid; null when suppressed by disclosure control (named in `suppressed`).",
  })
  amountPaid!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Sum of the rounds' persons reached (someone granted in two rounds counts twice, as the annual figures do); null when suppressed by disclosure control (named in `suppressed`).",
  })
  personsReachedInRounds!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct people granted money in the period's rounds; null when suppressed by disclosure control (named in `suppressed`).",
  })
  distinctPersonsReached!: number | null;

  @SuppressedFields()
  suppressed!: string[];

  @Field(() => StatisticsDisclosure, {
    description: "How the figures were protected: exact, or small counts suppressed and from which size.",
  })
  disclosure!: StatisticsDisclosure;
}
