import { In } from "typeorm";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, MaxItems, takeFirst, groupByKeys, type RequestContext } from "@arbetsliv/core";
import { MAX_CASE_PAYOUTS } from "../list-limits";
import { Payout } from "../decision/payout.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { DecideReclaimInput, IncorrectPaymentCaseListArgs, OpenIncorrectPaymentCaseInput, RegisterRecoveryInput, UpdateIncorrectPaymentCaseInput } from "./fut.inputs";
import { FutService } from "./fut.service";
import { IncorrectPaymentCase, IncorrectPaymentCasePayout } from "./incorrect-payment-case.entity";
import { Recovery } from "./recovery.entity";

const CaseConnection = ConnectionType(IncorrectPaymentCase, "IncorrectPaymentCase");

@Resolver(() => IncorrectPaymentCase)
export class FutResolver {
  @Authorized(S.READ)
  @Query(() => CaseConnection, { description: "FUT cases, newest first. Access-logged." })
  incorrectPaymentCases(@Args(() => IncorrectPaymentCaseListArgs) args: IncorrectPaymentCaseListArgs, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).list(args);
  }

  @Authorized(S.READ)
  @Query(() => IncorrectPaymentCase, { description: "One FUT case. Access-logged." })
  incorrectPaymentCase(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).get(id);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, { description: "Open a FUT investigation of payouts to a household." })
  openIncorrectPaymentCase(@Arg("input", () => OpenIncorrectPaymentCaseInput) input: OpenIncorrectPaymentCaseInput, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).open(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, { description: "Record findings or change status. Stale expectedVersion → CONFLICT." })
  updateIncorrectPaymentCase(@Arg("input", () => UpdateIncorrectPaymentCaseInput) input: UpdateIncorrectPaymentCaseInput, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, { description: "Decide återkrav (reclaim)." })
  decideReclaim(@Arg("input", () => DecideReclaimInput) input: DecideReclaimInput, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).decideReclaim(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Recovery, { description: "Register money that came back (reclaim repaid, retroactive benefit); it reduces the net cost." })
  registerAssistanceRecovery(@Arg("input", () => RegisterRecoveryInput) input: RegisterRecoveryInput, @Ctx() ctx: RequestContext) {
    return new FutService(ctx).registerRecovery(input);
  }

  @FieldResolver(() => [Payout], { description: "The payouts under investigation." })
  @MaxItems(MAX_CASE_PAYOUTS)
  payouts(@Root() c: IncorrectPaymentCase, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, Payout[]>("eb.payoutsByCase", async (ids) => {
        const links = await ctx.ds.manager.find(IncorrectPaymentCasePayout, { where: { caseId: In([...ids]) } });
        const payouts = links.length ? await ctx.ds.manager.find(Payout, { where: { id: In(links.map((l) => l.payoutId)) }, order: { id: "ASC" } }) : [];
        const byId = new Map(payouts.map((p) => [p.id, p]));
        return groupByKeys(ids, links, (l) => l.caseId).map((ls) => ls.map((l) => byId.get(l.payoutId)!).filter(Boolean));
      })
      .load(c.id);
  }

  @FieldResolver(() => [Recovery], { description: "Repayments registered against the case: the first `first` (default 25, at most 100)." })
  recoveries(@Root() c: IncorrectPaymentCase, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, Recovery[]>("eb.recoveriesByCase", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(Recovery, { where: { incorrectPaymentCaseId: In([...ids]) }, order: { id: "ASC" } }), (r) => r.incorrectPaymentCaseId!),
      )
      .load(c.id), first);
  }
}
