import { Field, ID, InputType, Int } from "type-graphql";
import { Length } from "class-validator";
import { MoneyScalar, type Ore } from "@arbetsliv/core";

@InputType("AdjustDonationAllocationInput", { description: "A caseworker's change of an allocation before the board decision." })
export class AdjustAllocationInput {
  @Field(() => ID)
  allocationId!: string;

  @Field(() => MoneyScalar, { description: "New amount, whole kronor; at most what was asked and what the fund has left." })
  amount!: Ore;

  @Field(() => String, { description: "Why — kept in the adjustment log." })
  @Length(3, 500)
  reason!: string;

  @Field(() => Int)
  expectedVersion!: number;
}
