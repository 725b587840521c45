import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { FirstArgs, takeFirst, type RequestContext, versionArg } from "@arbetsliv/core";
import { Fund } from "../fund/fund.entity";
import { Round } from "../round/round.entity";
import { DonationScopes } from "../scopes";
import { loaders } from "../shared/loaders";
import { AllocationAdjustment } from "./allocation-adjustment.entity";
import { Allocation } from "./allocation.entity";
import { AdjustAllocationInput } from "./allocation.inputs";
import { AllocationService } from "./allocation.service";

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
    return new AllocationService(ctx).allocateRound(roundId, expectedVersion);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Allocation, { description: "Adjust an allocation before the board decision; logged with who, when, from, to and why." })
  adjustDonationAllocation(@Arg("input", () => AdjustAllocationInput) input: AdjustAllocationInput, @Ctx() ctx: RequestContext) {
    return new AllocationService(ctx).adjust(input);
  }

  @FieldResolver(() => Fund)
  fund(@Root() allocation: Allocation, @Ctx() ctx: RequestContext) {
    return loaders.fund(ctx).load(allocation.fundId);
  }

  @FieldResolver(() => [AllocationAdjustment], { description: "Adjustments, oldest first: the first `first` (default 25, at most 100)." })
  adjustments(@Root() allocation: Allocation, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(loaders.adjustmentsByAllocation(ctx).load(allocation.id), first);
  }
}
