import { Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length, Max, Min } from "class-validator";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  VERSION_RANGE,
  YEAR_RANGE,
} from "@arbetsliv/core/values";
import { AllocationPolicy, RemainderRule, RoundTerm } from "../shared/enums";
import { MAX_CAPITAL, MAX_PER_APPLICATION, MAX_PRICE_BASE_AMOUNT } from "../input-limits";

@InputType("DonationRoundScheduleInput", {
  description:
    "One timetable of the utdelningsschema (the yearly timetable of a round: when applications open and close, when the committee decides and when money is paid), as month-days valid from a year on.",
})
export class RoundScheduleInput {
  @Field(() => Int, { description: "The first year the timetable applies to (2000–2200)." })
  @Min(2000)
  @Max(2200)
  fromYear!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "The last year it applies to, not before fromYear (2000–2200); null or omitted = until further notice (end it later with endDonationRoundSchedule).",
  })
  @IsOptional()
  @Min(2000)
  @Max(2200)
  toYear?: number | null;

  @Field(() => RoundTerm, {
    description: "Which of the year's rounds it times; two timetables of the same term may not cover a common year.",
  })
  term!: RoundTerm;

  @Field(() => String, {
    description: "First day of the application period (ansökningstid), MM-DD; a day every year has (not 02-29).",
  })
  applicationOpens!: string;

  @Field(() => String, {
    description: "Last day an application may be received, MM-DD; not before applicationOpens, in the same year.",
  })
  applicationCloses!: string;

  @Field(() => String, {
    description: "Planned day of the committee's decision (nämndens beslut), MM-DD; after applicationCloses.",
  })
  decision!: string;

  @Field(() => String, { description: "Planned payout day, MM-DD; not before the decision." })
  payout!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the timetable comes from, e.g. the committee's decision that set it (1–300 characters); null = not recorded.",
  })
  @IsOptional()
  @Length(1, 300)
  source?: string | null;
}

/** Optimistic locking on a round: the same on every change of one. */
const ROUND_VERSION_DESCRIPTION =
  "The round's version as you read it (DonationRound.version); if the round has changed since, the mutation is refused with CONFLICT. Replaces the deprecated argument expectedVersion; give one of the two.";

/**
 * The version field of the inputs that change a round (recordDonationBoardDecision,
 * allocateDonationRound); DonationRoundPolicyInput repeats it, as it already extends the policy
 * fields. Only its subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("DonationRoundChangeFields")
export abstract class RoundChangeFields {
  @Field(() => Int, { nullable: true, description: ROUND_VERSION_DESCRIPTION })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}

/**
 * The policy's fields, shared by setting a round's policy and by opening the year's rounds. Only its
 * subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("DonationRoundPolicyFields")
export abstract class RoundPolicyFields {
  @Field(() => AllocationPolicy, {
    description: "Fördelningsprincip — how each fund's budget is divided among the applications eligible for it.",
  })
  policy!: AllocationPolicy;

  @Field(() => RemainderRule, {
    defaultValue: RemainderRule.DISTRIBUTE_IN_ORDER,
    description: "What happens to the whole kronor left when a fund's budget does not divide evenly.",
  })
  remainderRule!: RemainderRule;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The most one application may get, whole kronor (Money: kronor as a decimal string, no öre; at least 1 kr); null or omitted = no cap.",
  })
  @MoneyRange(0, MAX_PER_APPLICATION)
  maxPerApplication?: Ore | null;
}

@InputType("DonationRoundPolicyInput", {
  description:
    "The allocation policy an open round publishes before its allocation — fördelningsprincip, the one rule every applicant of the round is treated by — and the round it is for.",
})
export class RoundPolicyInput extends RoundPolicyFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The round whose policy changes (DonationRound.id). Replaces the deprecated argument setDonationRoundPolicy(roundId:); give one of the two.",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, { nullable: true, description: ROUND_VERSION_DESCRIPTION })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}

@InputType("OpenDonationRoundsInput", {
  description:
    "Opens the year's round(s): one per timetable of the utdelningsschema that covers the year, with the year's prisbasbelopp and the published allocation policy.",
})
export class OpenRoundsInput extends RoundPolicyFields {
  @Field(() => Int, { description: "The year whose rounds open (2000–2200); a timetable must cover it." })
  @Min(2000)
  @Max(2200)
  year!: number;

  @Field(() => MoneyScalar, {
    description:
      "The year's prisbasbelopp — the price base amount the government fixes each year (socialförsäkringsbalken 2 kap. 6 §), e.g. 48 300 kr in 2022; whole kronor. The funds' income limits are percentages of it.",
  })
  @MoneyRange(0, MAX_PRICE_BASE_AMOUNT)
  priceBaseAmount!: Ore;
}

@InputType("DonationFundBudgetInput", {
  description:
    "Utdelningsbart belopp — what one fund has to distribute in one round (typically its yield). One per fund and round: setting it again replaces the amount.",
})
export class FundBudgetInput {
  @Field(() => ID, { description: "The round (DonationRound.id); it must still be OPEN." })
  roundId!: string;

  @Field(() => ID, { description: "The fund (DonationFund.id)." })
  fundId!: string;

  @Field(() => MoneyScalar, {
    description: "The amount, whole kronor (Money: kronor as a decimal string), at most the fund's capital.",
  })
  @MoneyRange(0, MAX_CAPITAL)
  available!: Ore;
}

@InputType("DonationBoardDecisionInput", {
  description:
    "Nämndens beslut — the decision of the municipal committee (nämnd) on a round's allocation, which makes it final — and the round it is for.",
})
export class BoardDecisionInput extends RoundChangeFields {
  @Field(() => LocalDateScalar, {
    description: "The day the committee decided; after the round's application period and not in the future.",
  })
  decisionDate!: LocalDate;

  @Field(() => String, {
    description: "The decision's reference in the committee's minutes, 1–100 characters, e.g. \"ALN 2022-05-19 § 61\".",
  })
  @Length(1, 100)
  reference!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The round decided on (DonationRound.id). Replaces the deprecated argument recordDonationBoardDecision(roundId:); give one of the two.",
  })
  @IsOptional()
  id?: string | null;
}

@InputType("EndDonationRoundScheduleInput", {
  description: "Gives a timetable of the utdelningsschema its last year (e.g. the two rounds a year ended with 2021).",
})
export class EndRoundScheduleInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The timetable (DonationRoundSchedule.id). Replaces the deprecated argument endDonationRoundSchedule(id:); give one of the two.",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `The last year the timetable applies to, not before its fromYear (${YEAR_RANGE[0]}–${YEAR_RANGE[1]}). Replaces the deprecated argument endDonationRoundSchedule(toYear:); give one of the two.`,
  })
  @IsOptional()
  @Range(...YEAR_RANGE)
  toYear?: number | null;
}
