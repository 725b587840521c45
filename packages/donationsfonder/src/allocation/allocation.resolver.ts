import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { versionArg } from "@arbetsliv/core/values";
import { Round } from "../round/round.entity";
import { DonationScopes } from "../scopes";
import { Allocation } from "./allocation.entity";
import { AdjustAllocationInput } from "./allocation.inputs";
import { allocationService } from "./allocation.service";

@Resolver(() => Allocation)
export class AllocationResolver {
  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Round, {
    description:
      "Assess every application against the funds and allocate each fund's budget with the round's published policy. After the application period, before the decision; may be re-run until someone adjusts.",
  })
  allocateDonationRound(
    @Arg("roundId", () => ID) roundId: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return allocationService(ctx).allocateRound(roundId, expectedVersion);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Allocation, {
    description: "Adjust an allocation before the board decision; logged with who, when, from, to and why.",
  })
  adjustDonationAllocation(
    @Arg("input", () => AdjustAllocationInput) input: AdjustAllocationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return allocationService(ctx).adjust(input);
  }
}
