import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { RequestContext } from "@arbetsliv/core";
import { CorrectPayoutInput, PayInput } from "../application/application.inputs";
import { EkonomisktBistandScopes as S } from "../scopes";
import { Decision } from "./decision.entity";
import { Payout } from "./payout.entity";
import { payoutService } from "./payout.service";

@ObjectType("AssistancePayoutReceipt", {
  description:
    "The payout of a decision; created is false when it had already been paid (retry or concurrent request).",
})
export class PayoutReceipt {
  @Field(() => Payout)
  payout!: Payout;

  @Field(() => Boolean)
  created!: boolean;
}

@Resolver(() => Decision)
export class DecisionResolver {
  @Authorized(S.WRITE)
  @Mutation(() => PayoutReceipt, { description: "Pay a granted decision — exactly once, whatever the retries." })
  payAssistanceDecision(@Arg("input", () => PayInput) input: PayInput, @Ctx() ctx: RequestContext) {
    return payoutService(ctx).pay(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Payout, { description: "Record a correction (a new entry referencing the original payout)." })
  correctAssistancePayout(
    @Arg("input", () => CorrectPayoutInput) input: CorrectPayoutInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payoutService(ctx).correct(input);
  }
}
