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

@InputType({ description: "The riksnorm's monthly personal costs of a child in one age group, for addRiksnormYear." })
export class RiksnormChildAmountInput {
  @Field(() => ChildAgeGroup, { description: "The age group; each of the eight exactly once." })
  ageGroup!: ChildAgeGroup;

  @Field(() => MoneyScalar, { description: "The amount per month, in kronor, as in the SFS text." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'The lower amount for a child who eats lunch at preschool 5 days a week (the SFS text\'s "ej lunch" column), in kronor; groups under 7 only, all four or none. Omit for every group in a year without the variant.',
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amountLunchAtPreschool?: Ore | null;
}

@InputType({
  description:
    "A riksnorm year (the national standard amount for everyday costs, socialtjänstförordningen 2 kap. 1 §) from the official SFS text, for addRiksnormYear. Every part is required; the year must not exist yet. Amounts are kronor per month.",
})
export class AddRiksnormYearInput {
  @Range(...YEAR_RANGE)
  @Field(() => Int, { description: "The calendar year the amounts apply to." })
  @IsInt()
  year!: number;

  @Field(() => MoneyScalar, { description: "Personal costs of a single adult per month, in kronor." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  adultSingle!: Ore;

  @Field(() => MoneyScalar, {
    description: "Personal costs of a cohabiting couple (sambor) together per month, in kronor.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  adultCohabitingPair!: Ore;

  @ValidateNested({ each: true })
  @Field(() => [RiksnormChildAmountInput], { description: "One entry per age group, all eight." })
  @ArrayMaxSize(16)
  children!: RiksnormChildAmountInput[];

  @MoneyRange(0, MAX_MONTHLY_AMOUNT, { each: true })
  @Field(() => [MoneyScalar], {
    description:
      "Gemensamma hushållskostnader — common household costs per month for 1…7 persons, exactly 7, in kronor.",
  })
  @ArrayMaxSize(16)
  commonByHouseholdSize!: Ore[];

  @Field(() => MoneyScalar, {
    description: "Prisbasbelopp for the year, in kronor: the yearly limit of children's earnings that are not counted.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  prisbasbelopp!: Ore;

  @Field(() => String, { description: "The SFS number or publication the amounts come from, 3–500 characters." })
  @MinLength(3)
  @MaxLength(500)
  source!: string;
}

@InputType({ description: "One step of a cost cap (skälighetsnivå), for setCostCaps." })
export class CostCapStepInput {
  @Field(() => Int, {
    description: "The step applies from this many persons (or children), 0–30; unique within the set.",
  })
  @IsInt()
  @Min(0)
  @Max(30)
  threshold!: number;

  @Field(() => MoneyScalar, { description: "The cap per month at the threshold, in kronor; more than 0." })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  amount!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Added to the cap per person (or child) above the threshold, in kronor. Default 0.",
  })
  @MoneyRange(0, MAX_MONTHLY_AMOUNT)
  perAdditional?: Ore | null;
}

@InputType({
  description:
    "The caps (skälighetsnivåer) of one cost type from a date, for setCostCaps; they replace that date's steps.",
})
export class SetCostCapsInput {
  @Field(() => CostType, { description: "The reasonable cost type capped." })
  costType!: CostType;

  @Field(() => LocalDateScalar, {
    description: "The first day the caps apply; they apply until a set with a later validFrom for the type.",
  })
  validFrom!: LocalDate;

  @Field(() => CapBasis, { description: "What the steps' thresholds count: persons or children." })
  basis!: CapBasis;

  @ValidateNested({ each: true })
  @Field(() => [CostCapStepInput], { description: "The steps, 1–20, each with its own threshold." })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAP_STEPS)
  steps!: CostCapStepInput[];
}
