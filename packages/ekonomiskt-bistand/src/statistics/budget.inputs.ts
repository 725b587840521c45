import { Field, InputType, Int } from "type-graphql";
import { IsOptional } from "class-validator";
import { MoneyScalar, MoneyRange, Range, YEAR_RANGE, type Ore } from "@arbetsliv/core/values";
import { MAX_BUDGET } from "../input-limits";

/**
 * setAssistanceBudget's one input. Both fields are optional in the schema only because they moved
 * from top-level arguments that still work (deprecated); the resolver requires each from one place.
 */
@InputType("SetAssistanceBudgetInput", {
  description: "A year's net-cost budget for försörjningsstöd as the board decided it, for setAssistanceBudget.",
})
export class SetAssistanceBudgetInput {
  @Field(() => Int, {
    nullable: true,
    description: "The calendar year budgeted, 2000–2100 (required; moved from the mutation's year argument).",
  })
  @IsOptional()
  @Range(...YEAR_RANGE)
  year?: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The budgeted net cost (gross paid − recovered) for the whole year, in kronor, 0–10 000 000 000 (required; moved from the mutation's netCostBudget argument). Replaces an earlier budget for the year.",
  })
  @IsOptional()
  @MoneyRange(0, MAX_BUDGET)
  netCostBudget?: Ore | null;
}
