import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
import { versionArg } from "@arbetsliv/core/values";
import { readPage } from "@arbetsliv/core/read";
import { Round } from "../round/round.entity";
import { BoardDecisionInput } from "../round/round.inputs";
import { DonationScopes } from "../scopes";
import { Payout } from "./payout.entity";
import { payoutGraph } from "./payout.graph";
import { MarkPaidInput, PayoutListArgs } from "./payout.inputs";
import { payoutService } from "./payout.service";

const PayoutConnection = ConnectionType(Payout, "DonationPayout");

@Resolver(() => Payout)
export class PayoutResolver {
  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Round, {
    description:
      "Record the board's decision (nämndens beslut): allocations become final and the payout list is produced.",
  })
  recordDonationBoardDecision(
    @Arg("roundId", () => ID) roundId: string,
    @Arg("input", () => BoardDecisionInput) input: BoardDecisionInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return payoutService(ctx).decide(roundId, input, expectedVersion);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Payout, { description: "Mark a payout paid. Exactly once: a second attempt gets CONFLICT." })
  markDonationPayoutPaid(@Arg("input", () => MarkPaidInput) input: MarkPaidInput, @Ctx() ctx: RequestContext) {
    return payoutService(ctx).markPaid(input);
  }

  @Authorized(DonationScopes.READ)
  @Query(() => PayoutConnection, { description: "Utbetalningslistan — a decided round's payouts. Access-logged." })
  donationPayouts(
    @Args(() => PayoutListArgs) args: PayoutListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, payoutGraph, (columns) => payoutService(ctx).list(args, columns));
  }
}
