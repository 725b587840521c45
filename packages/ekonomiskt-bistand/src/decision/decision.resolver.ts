import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { RequestContext } from "@arbetsliv/core";
import { CorrectPayoutInput, PayInput } from "../application/application.inputs";
import { EkonomisktBistandScopes as S } from "../scopes";
import { Decision } from "./decision.entity";
import { Payout } from "./payout.entity";
import { payoutService } from "./payout.service";

@ObjectType("AssistancePayoutReceipt", {
  description: "The answer of payAssistanceDecision: the decision's one payout, and whether this request made it.",
})
export class PayoutReceipt {
  @Field(() => Payout, { description: "The decision's ORIGINAL payout (new, or the one made before)." })
  payout!: Payout;

  @Field(() => Boolean, {
    description:
      "True when this request paid; false when the decision had already been paid (a retry or a concurrent request).",
  })
  created!: boolean;
}

@Resolver(() => Decision)
export class DecisionResolver {
  @Authorized(S.WRITE)
  @Mutation(() => PayoutReceipt, {
    description:
      "Pay a granted decision — exactly once, whatever the retries: a repeat returns the first payout with created false. The application becomes PAID.",
  })
  payAssistanceDecision(
    @Arg("input", () => PayInput, { description: "The decision and how to pay it." }) input: PayInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payoutService(ctx).pay(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Payout, {
    description:
      "Record a correction: a new payout entry referencing the original, which never changes. Returns the correction.",
  })
  correctAssistancePayout(
    @Arg("input", () => CorrectPayoutInput, { description: "The original payout and the signed correction." })
    input: CorrectPayoutInput,
    @Ctx() ctx: RequestContext,
  ) {
    return payoutService(ctx).correct(input);
  }
}
