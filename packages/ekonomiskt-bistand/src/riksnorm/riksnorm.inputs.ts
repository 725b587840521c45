import { MAX_CAP_STEPS } from "../list-limits";
import { Field, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, IsInt, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import {
  LocalDateScalar,
  MoneyScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
  Range,
  YEAR_RANGE,
} from "@arbetsliv/core/values";
import { CapBasis, ChildAgeGroup, CostType } from "../enums";
import { MAX_MONTHLY_AMOUNT } from "../input-limits";

@InputType({ description: "Belopp för en åldersgrupp." })
export class RiksnormChildAmountInput {
  @Field(() => ChildAgeGroup)
  ageGroup!: ChildAgeGroup;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Ej lunch 5 dagar/vecka (under 7 only). Omit for every group in a year without the variant.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amountLunchAtPreschool?: Ore | null;
}

@InputType({
  description: "A riksnorm year from the official SFS text. Every part is required; the year must not exist yet.",
})
export class AddRiksnormYearInput {
  @Range(...YEAR_RANGE)
  @Field(() => Int)
  @IsInt()
  year!: number;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  adultSingle!: Ore;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  adultCohabitingPair!: Ore;

  @ValidateNested({ each: true })
  @Field(() => [RiksnormChildAmountInput], { description: "One entry per age group (all eight)." })
  @ArrayMaxSize(16)
  children!: RiksnormChildAmountInput[];

  @MoneyRange(0, MAX_MONTHLY_AMOUNT, { each: true })
  @Field(() => [MoneyScalar], { description: "Common household costs for 1…7 persons (exactly 7)." })
  @ArrayMaxSize(16)
  commonByHouseholdSize!: Ore[];

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  prisbasbelopp!: Ore;

  @Field(() => String, { description: "SFS number or publication the amounts come from." })
  @MinLength(3)
  @MaxLength(500)
  source!: string;
}

@InputType()
export class CostCapStepInput {
  @Field(() => Int, { description: "From this many persons (or children)." })
  @IsInt()
  @Min(0)
  @Max(30)
  threshold!: number;

  @Field(() => MoneyScalar)
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "Added per person/child above the threshold (default 0)." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  perAdditional?: Ore | null;
}

@InputType({ description: "Replaces the caps of one cost type from a date." })
export class SetCostCapsInput {
  @Field(() => CostType)
  costType!: CostType;

  @Field(() => LocalDateScalar)
  validFrom!: LocalDate;

  @Field(() => CapBasis)
  basis!: CapBasis;

  @ValidateNested({ each: true })
  @Field(() => [CostCapStepInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAP_STEPS)
  steps!: CostCapStepInput[];
}
