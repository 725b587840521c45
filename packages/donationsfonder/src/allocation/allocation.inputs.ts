import { Field, ID, InputType, Int } from "type-graphql";
import { Length } from "class-validator";
import { MoneyScalar, type Ore, MoneyRange, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { MAX_PER_APPLICATION } from "../input-limits";

@InputType("AdjustDonationAllocationInput", {
  description: "A caseworker's change of an allocation before the board decision.",
})
export class AdjustAllocationInput {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => MoneyScalar, {
    description: "New amount, whole kronor; at most what was asked and what the fund has left.",
  })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amount!: Ore;

  @Field(() => String, { description: "Why — kept in the adjustment log." })
  @Length(3, 500)
  reason!: string;

  @Field(() => Int)
  @Range(...VERSION_RANGE)
  expectedVersion!: number;
}
