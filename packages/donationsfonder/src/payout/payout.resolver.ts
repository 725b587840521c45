import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  ConnectionType,
  movedArgOptions,
  movedVersionArgOptions,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { toId } from "@arbetsliv/core/data";
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
      "Record nämndens beslut (the municipal committee's decision) on an ALLOCATED round: the allocations become final, the round becomes DECIDED and is returned with its new version, and the payout list is produced (one payout per allocation above 0 kr). Needs donationsfonder:write; access-logged.",
  })
  recordDonationBoardDecision(
    @Arg("roundId", () => ID, movedArgOptions("id", "The round (DonationRound.id)."))
    roundId: string | null | undefined,
    @Arg("input", () => BoardDecisionInput, { description: "The round, its version and the decision." })
    input: BoardDecisionInput,
    @Arg("expectedVersion", () => Int, movedVersionArgOptions("The round's version as you read it."))
    expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const round = requiredMoved("id", input.id, roundId, "roundId");
    return payoutService(ctx).decide(
      toId(round.field, round.value),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(DonationScopes.WRITE)
  @Mutation(() => Payout, {
    description:
      "Mark a payout paid. Exactly once: a second attempt gets CONFLICT, except a retry with the same input.idempotencyKey and input, which gets the first answer. Needs donationsfonder:write; access-logged.",
  })
  markDonationPayoutPaid(
    @Arg("input", () => MarkPaidInput, { description: "The payout, the day it was paid and the payment reference." })
    input: MarkPaidInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payoutService(ctx).markPaid(input);
  }

  @Authorized(DonationScopes.READ)
  @Query(() => PayoutConnection, {
    description:
      "Utbetalningslistan — the payout list of a decided round, by payout id, paged. Person-level: needs donationsfonder:read; every page read is access-logged with the payouts and their recipients.",
  })
  donationPayouts(
    @Args(() => PayoutListArgs) args: PayoutListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, payoutGraph, (columns) => payoutService(ctx).list(args, columns));
  }
}
