import { Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length, Max, Min } from "class-validator";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore, MoneyRange } from "@arbetsliv/core/values";
import { AllocationPolicy, RemainderRule, RoundTerm } from "../shared/enums";
import { MAX_CAPITAL, MAX_PER_APPLICATION, MAX_PRICE_BASE_AMOUNT } from "../input-limits";

@InputType("DonationRoundScheduleInput", { description: "One round's yearly timetable (MM-DD), valid from a year." })
export class RoundScheduleInput {
  @Field(() => Int)
  @Min(2000)
  @Max(2200)
  fromYear!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(2000)
  @Max(2200)
  toYear?: number | null;

  @Field(() => RoundTerm)
  term!: RoundTerm;

  @Field(() => String)
  applicationOpens!: string;

  @Field(() => String)
  applicationCloses!: string;

  @Field(() => String)
  decision!: string;

  @Field(() => String)
  payout!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  source?: string | null;
}

@InputType("DonationRoundPolicyInput", { description: "The one published allocation policy of a round." })
export class RoundPolicyInput {
  @Field(() => AllocationPolicy)
  policy!: AllocationPolicy;

  @Field(() => RemainderRule, { defaultValue: RemainderRule.DISTRIBUTE_IN_ORDER })
  remainderRule!: RemainderRule;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Most one application may get, whole kronor; null = no cap.",
  })
  @MoneyRange(0, MAX_PER_APPLICATION)
  maxPerApplication?: Ore | null;
}

@InputType("OpenDonationRoundsInput", { description: "Creates the year's round(s) from the schedule." })
export class OpenRoundsInput extends RoundPolicyInput {
  @Field(() => Int)
  @Min(2000)
  @Max(2200)
  year!: number;

  @Field(() => MoneyScalar, { description: "The year's prisbasbelopp (48 300 kr in 2022)." })
  @MoneyRange(0, MAX_PRICE_BASE_AMOUNT)
  priceBaseAmount!: Ore;
}

@InputType("DonationFundBudgetInput", { description: "What a fund has to distribute in a round." })
export class FundBudgetInput {
  @Field(() => ID)
  roundId!: string;

  @Field(() => ID)
  fundId!: string;

  @Field(() => MoneyScalar, { description: "Whole kronor, at most the fund's capital." })
  @MoneyRange(0, MAX_CAPITAL)
  available!: Ore;
}

@InputType("DonationBoardDecisionInput", { description: "Nämndens beslut om utdelning." })
export class BoardDecisionInput {
  @Field(() => LocalDateScalar)
  decisionDate!: LocalDate;

  @Field(() => String, { description: 'E.g. "ALN 2022-05-19 § 61".' })
  @Length(1, 100)
  reference!: string;
}
