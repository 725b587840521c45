import { In } from "typeorm";
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { FirstArgs, takeFirst, groupByKeys, indexByKeys, type RequestContext } from "@arbetsliv/core";
import { CorrectPayoutInput, PayInput } from "../application/application.inputs";
import { Calculation } from "../calculation/calculation.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { Decision } from "./decision.entity";
import { Payout } from "./payout.entity";
import { PayoutService } from "./payout.service";

@ObjectType("AssistancePayoutReceipt", { description: "The payout of a decision; created is false when it had already been paid (retry or concurrent request)." })
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
    return new PayoutService(ctx).pay(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Payout, { description: "Record a correction (a new entry referencing the original payout)." })
  correctAssistancePayout(@Arg("input", () => CorrectPayoutInput) input: CorrectPayoutInput, @Ctx() ctx: RequestContext) {
    return new PayoutService(ctx).correct(input);
  }

  @FieldResolver(() => [Payout], { description: "The payout and its corrections, oldest first: the first `first` (default 25, at most 100)." })
  payouts(@Root() decision: Decision, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, Payout[]>("eb.payoutsByDecision", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(Payout, { where: { decisionId: In([...ids]) }, order: { id: "ASC" } }), (p) => p.decisionId),
      )
      .load(decision.id), first);
  }

  @FieldResolver(() => Calculation, { nullable: true })
  calculation(@Root() decision: Decision, @Ctx() ctx: RequestContext) {
    if (decision.calculationId === null) return null;
    return ctx
      .loader<number, Calculation | null>("eb.calculationById", async (ids) =>
        indexByKeys(ids, await ctx.ds.manager.find(Calculation, { where: { id: In([...ids]) } }), (c) => c.id),
      )
      .load(decision.calculationId);
  }
}
