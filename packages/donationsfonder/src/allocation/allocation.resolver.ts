import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import {
  movedArgOptions,
  movedVersionArgOptions,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { toId } from "@arbetsliv/core/data";
import { Round } from "../round/round.entity";
import { DonationScopes } from "../scopes";
import { Allocation } from "./allocation.entity";
import { AdjustAllocationInput, AllocateRoundInput } from "./allocation.inputs";
import { allocationService } from "./allocation.service";

@Resolver(() => Allocation)
export class AllocationResolver {
  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Round, {
    description:
      "Assess every application taken into the round against the funds' statutes and allocate each fund's budget with the round's published policy; the round becomes ALLOCATED and is returned with its new version. After the application period, before the committee's decision; may be re-run until someone adjusts an allocation. Needs donationsfonder:write; access-logged.",
  })
  allocateDonationRound(
    @Arg("input", () => AllocateRoundInput, {
      nullable: true,
      description: "The round and its version (takes the place of the arguments roundId and expectedVersion).",
    })
    input: AllocateRoundInput | null | undefined,
    @Arg("roundId", () => ID, movedArgOptions("id", "The round (DonationRound.id)."))
    roundId: string | null | undefined,
    @Arg("expectedVersion", () => Int, movedVersionArgOptions("The round's version as you read it."))
    expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const round = requiredMoved("id", input?.id, roundId, "roundId");
    return allocationService(ctx).allocateRound(
      toId(round.field, round.value),
      requiredMovedArgument("expectedVersion", input?.expectedVersion, expectedVersion),
    );
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Allocation, {
    description:
      "Adjust an allocation of an ALLOCATED round before the committee's decision; logged with who, when, from, to and why. Returns the allocation with its new version. After an adjustment the round cannot be allocated again. Needs donationsfonder:write; access-logged.",
  })
  adjustDonationAllocation(
    @Arg("input", () => AdjustAllocationInput, { description: "The allocation, its version, the amount and why." })
    input: AdjustAllocationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return allocationService(ctx).adjust(input);
  }
}
