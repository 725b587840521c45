import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, type RequestContext, versionArg } from "@arbetsliv/core";
import { Fund } from "../fund/fund.entity";
import { Round } from "../round/round.entity";
import { BoardDecisionInput } from "../round/round.inputs";
import { DonationScopes } from "../scopes";
import { loaders } from "../shared/loaders";
import { PayoutPayment } from "./payout-payment.entity";
import { Payout } from "./payout.entity";
import { MarkPaidInput, PayoutListArgs } from "./payout.inputs";
import { PayoutService } from "./payout.service";

const PayoutConnection = ConnectionType(Payout, "DonationPayout");

@Resolver(() => Payout)
export class PayoutResolver {
  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Round, { description: "Record the board's decision (nämndens beslut): allocations become final and the payout list is produced." })
  recordDonationBoardDecision(
    @Arg("roundId", () => ID) roundId: string,
    @Arg("input", () => BoardDecisionInput) input: BoardDecisionInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return new PayoutService(ctx).decide(roundId, input, expectedVersion);
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Payout, { description: "Mark a payout paid. Exactly once: a second attempt gets CONFLICT." })
  markDonationPayoutPaid(@Arg("input", () => MarkPaidInput) input: MarkPaidInput, @Ctx() ctx: RequestContext) {
    return new PayoutService(ctx).markPaid(input);
  }

  @Authorized(DonationScopes.READ)
  @Query(() => PayoutConnection, { description: "Utbetalningslistan — a decided round's payouts. Access-logged." })
  donationPayouts(@Args(() => PayoutListArgs) args: PayoutListArgs, @Ctx() ctx: RequestContext) {
    return new PayoutService(ctx).list(args);
  }

  @FieldResolver(() => PayoutPayment, { nullable: true, description: "When it was paid; null while unpaid." })
  payment(@Root() payout: Payout, @Ctx() ctx: RequestContext) {
    return loaders.paymentByPayout(ctx).load(payout.id);
  }

  @FieldResolver(() => Boolean)
  async paid(@Root() payout: Payout, @Ctx() ctx: RequestContext) {
    return (await loaders.paymentByPayout(ctx).load(payout.id)) !== null;
  }

  @FieldResolver(() => Fund)
  fund(@Root() payout: Payout, @Ctx() ctx: RequestContext) {
    return loaders.fund(ctx).load(payout.fundId);
  }
}
