import { Field, ID, InputType, Int } from "type-graphql";
import { IsOptional, Length } from "class-validator";
import { MoneyScalar, type Ore, MoneyRange, Range, VERSION_RANGE } from "@arbetsliv/core/values";
import { MAX_PER_APPLICATION } from "../input-limits";
import { RoundChangeFields } from "../round/round.inputs";

@InputType("AdjustDonationAllocationInput", {
  description:
    "A caseworker's change of an allocation (fördelning — what an eligible application gets from its fund) after the allocation and before the committee's decision.",
})
export class AdjustAllocationInput {
  @Field(() => ID, { description: "The allocation to change (DonationAllocation.id)." })
  allocationId!: string;

  @Field(() => MoneyScalar, {
    description:
      "The new amount, whole kronor (Money: kronor as a decimal string); at most the amount asked, the round's maximum per application and what the fund has left.",
  })
  @MoneyRange(0, MAX_PER_APPLICATION)
  amount!: Ore;

  @Field(() => String, { description: "Why, 3–500 characters; kept in the adjustment log with who and when." })
  @Length(3, 500)
  reason!: string;

  @Field(() => Int, {
    description:
      "The allocation's version as you read it (DonationAllocation.version); if it has changed since, the mutation is refused with CONFLICT.",
  })
  @Range(...VERSION_RANGE)
  expectedVersion!: number;
}

@InputType("AllocateDonationRoundInput", {
  description: "The round to assess and allocate (utdelningsomgång — an application round), at the version you read.",
})
export class AllocateRoundInput extends RoundChangeFields {
  @Field(() => ID, {
    nullable: true,
    description:
      "The round (DonationRound.id). Replaces the deprecated argument allocateDonationRound(roundId:); give one of the two.",
  })
  @IsOptional()
  id?: string | null;
}
