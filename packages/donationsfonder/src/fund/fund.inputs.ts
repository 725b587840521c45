import { Field, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { MoneyScalar, type Ore, MoneyRange } from "@arbetsliv/core/values";
import { Purpose } from "../shared/enums";
import { PURPOSES } from "../shared/list-limits";
import { MAX_CAPITAL } from "../input-limits";

@InputType("DonationFundInput", { description: "A fund and its statutes (ändamål) as rules." })
export class FundInput {
  @Field(() => String, { description: "Short stable code, A–Z, 0–9 and _." })
  @Matches(/^[A-Z0-9_]{2,32}$/, { message: "code must be 2–32 of A–Z, 0–9 and _" })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: "Ändamål in words." })
  @Length(1, 5000)
  statutes!: string;

  @Field(() => Int, { description: "Published order in which applications are matched to funds." })
  @Min(1)
  @Max(1000)
  publishedOrder!: number;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_CAPITAL)
  capital!: Ore;

  @Field(() => Boolean, { defaultValue: true })
  residentRequired!: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(130)
  minAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(130)
  maxAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1)
  @Max(20)
  minHouseholdSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Percent of prisbasbelopp for one person (250 = 2.5 × pbb); null = no income test.",
  })
  @IsOptional()
  @Min(1)
  @Max(10000)
  incomeLimitBasePercent?: number | null;

  @Field(() => Int, { defaultValue: 0, description: "Percent of prisbasbelopp added per further household member." })
  @Min(0)
  @Max(10000)
  incomeLimitPerExtraPercent!: number;

  @Field(() => [Purpose])
  @ArrayMinSize(1)
  @ArrayMaxSize(PURPOSES)
  @ArrayUnique()
  purposes!: Purpose[];

  @Field(() => Boolean, { defaultValue: true })
  active!: boolean;
}
