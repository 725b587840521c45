import { Field, ID, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { MoneyScalar, type Ore, MoneyRange, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { Purpose } from "../shared/enums";
import { PURPOSES } from "../shared/list-limits";
import { MAX_CAPITAL } from "../input-limits";

@InputType("DonationFundInput", {
  description:
    "A donationsfond (a social donation fund, usually a foundation — stiftelse — the municipality manages) and its statutes: its ändamål (the purposes the statutes allow) and target group, as rules the allocation checks. createDonationFund takes the fund; updateDonationFund replaces every field of an existing one (omitted fields take their defaults).",
})
export class FundInput {
  @Field(() => String, { description: "Short stable code, 2–32 of A–Z, 0–9 and _, unique among the funds." })
  @Matches(/^[A-Z0-9_]{2,32}$/, { message: "code must be 2–32 of A–Z, 0–9 and _" })
  code!: string;

  @Field(() => String, {
    description: 'The fund\'s name as in its statutes, 1–200 characters, e.g. "Edvard Björnssons donation".',
  })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: "The statutes' purpose in words (ändamål), 1–5000 characters." })
  @Length(1, 5000)
  statutes!: string;

  @Field(() => Int, {
    description:
      "Position in the published order (1–1000): an application draws from the first fund in this order whose statutes it meets.",
  })
  @Min(1)
  @Max(1000)
  publishedOrder!: number;

  @Field(() => MoneyScalar, {
    description:
      "The fund's capital (Money: kronor as a decimal string), not negative; a round's budget for the fund may not exceed it.",
  })
  @MoneyRange(0, MAX_CAPITAL)
  capital!: Ore;

  @Field(() => Boolean, {
    defaultValue: true,
    description: "True: only applicants folkbokförda (registered as resident) in the municipality.",
  })
  residentRequired!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Youngest age (0–130) on the round's last application day; null or omitted = no lower limit.",
  })
  @IsOptional()
  @Min(0)
  @Max(130)
  minAge?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Oldest age (0–130) on the round's last application day, not below minAge; null or omitted = no upper limit.",
  })
  @IsOptional()
  @Min(0)
  @Max(130)
  maxAge?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Smallest household, the applicant included (1–20; e.g. 2 for families); null or omitted = any size.",
  })
  @IsOptional()
  @Min(1)
  @Max(20)
  minHouseholdSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Income limit for a one-person household, in percent of the year's prisbasbelopp (the price base amount the government fixes each year; 250 = 2.5 × prisbasbelopp), 1–10000; null = no income test.",
  })
  @IsOptional()
  @Min(1)
  @Max(10000)
  incomeLimitBasePercent?: number | null;

  @Field(() => Int, {
    defaultValue: 0,
    description:
      "Added to the income limit for each household member beyond the first, in percent of prisbasbelopp (0–10000).",
  })
  @Min(0)
  @Max(10000)
  incomeLimitPerExtraPercent!: number;

  @Field(() => [Purpose], { description: "Ändamål the fund may pay for: at least one, each once." })
  @ArrayMinSize(1)
  @ArrayMaxSize(PURPOSES)
  @ArrayUnique()
  purposes!: Purpose[];

  @Field(() => Boolean, {
    defaultValue: true,
    description: "False: the fund is left out of allocations run from now on (its earlier allocations stay).",
  })
  active!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      "updateDonationFund only: the fund to change (DonationFund.id). Replaces the deprecated argument updateDonationFund(id:); give one of the two. createDonationFund refuses it.",
  })
  @IsOptional()
  id?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "updateDonationFund only: the fund's version as you read it (DonationFund.version); if the fund has changed since, the mutation is refused with CONFLICT. Replaces the deprecated argument expectedVersion; give one of the two. createDonationFund refuses it.",
  })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number | null;
}
