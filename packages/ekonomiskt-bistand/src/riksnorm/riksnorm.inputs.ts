import { Field, InputType, Int } from "type-graphql";
import { ArrayMaxSize, ArrayMinSize, IsInt, Max, MaxLength, Min, MinLength } from "class-validator";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core";
import { CapBasis, ChildAgeGroup, CostType } from "../enums";

@InputType({ description: "Belopp för en åldersgrupp." })
export class RiksnormChildAmountInput {
  @Field(() => ChildAgeGroup)
  ageGroup!: ChildAgeGroup;

  @Field(() => MoneyScalar)
  amount!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "Ej lunch 5 dagar/vecka (under 7 only). Omit for every group in a year without the variant." })
  amountLunchAtPreschool?: Ore | null;
}

@InputType({ description: "A riksnorm year from the official SFS text. Every part is required; the year must not exist yet." })
export class AddRiksnormYearInput {
  @Field(() => Int)
  @IsInt()
  year!: number;

  @Field(() => MoneyScalar)
  adultSingle!: Ore;

  @Field(() => MoneyScalar)
  adultCohabitingPair!: Ore;

  @Field(() => [RiksnormChildAmountInput], { description: "One entry per age group (all eight)." })
  @ArrayMaxSize(16)
  children!: RiksnormChildAmountInput[];

  @Field(() => [MoneyScalar], { description: "Common household costs for 1…7 persons (exactly 7)." })
  @ArrayMaxSize(16)
  commonByHouseholdSize!: Ore[];

  @Field(() => MoneyScalar)
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
  amount!: Ore;

  @Field(() => MoneyScalar, { nullable: true, description: "Added per person/child above the threshold (default 0)." })
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

  @Field(() => [CostCapStepInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  steps!: CostCapStepInput[];
}
