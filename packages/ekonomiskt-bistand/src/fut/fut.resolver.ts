import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, MaxItems, type RequestContext } from "@arbetsliv/core";
import { readOne, readPage } from "@arbetsliv/core/read";
import { MAX_CASE_PAYOUTS } from "../list-limits";
import { Payout } from "../decision/payout.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import {
  DecideReclaimInput,
  IncorrectPaymentCaseListArgs,
  OpenIncorrectPaymentCaseInput,
  RegisterRecoveryInput,
  UpdateIncorrectPaymentCaseInput,
} from "./fut.inputs";
import { futService } from "./fut.service";
import { incorrectPaymentCaseGraph } from "./fut.graph";
import { IncorrectPaymentCase } from "./incorrect-payment-case.entity";
import { Recovery } from "./recovery.entity";

const CaseConnection = ConnectionType(IncorrectPaymentCase, "IncorrectPaymentCase");

@Resolver(() => IncorrectPaymentCase)
export class FutResolver {
  @Authorized(S.READ)
  @Query(() => CaseConnection, { description: "FUT cases, newest first. Access-logged." })
  incorrectPaymentCases(
    @Args(() => IncorrectPaymentCaseListArgs) args: IncorrectPaymentCaseListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The list joins the households (protected identity): it reads whole rows.
    return readPage(ctx, info, incorrectPaymentCaseGraph, () => futService(ctx).list(args));
  }

  @Authorized(S.READ)
  @Query(() => IncorrectPaymentCase, { nullable: true, description: "One FUT case. Access-logged." })
  incorrectPaymentCase(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, incorrectPaymentCaseGraph, () => futService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, { description: "Open a FUT investigation of payouts to a household." })
  openIncorrectPaymentCase(
    @Arg("input", () => OpenIncorrectPaymentCaseInput) input: OpenIncorrectPaymentCaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).open(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, {
    description: "Record findings or change status. Stale expectedVersion → CONFLICT.",
  })
  updateIncorrectPaymentCase(
    @Arg("input", () => UpdateIncorrectPaymentCaseInput) input: UpdateIncorrectPaymentCaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, { description: "Decide återkrav (reclaim)." })
  decideReclaim(@Arg("input", () => DecideReclaimInput) input: DecideReclaimInput, @Ctx() ctx: RequestContext) {
    return futService(ctx).decideReclaim(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Recovery, {
    description: "Register money that came back (reclaim repaid, retroactive benefit); it reduces the net cost.",
  })
  registerAssistanceRecovery(
    @Arg("input", () => RegisterRecoveryInput) input: RegisterRecoveryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).registerRecovery(input);
  }

  @FieldResolver(() => [Payout], { description: "The payouts under investigation." })
  @MaxItems(MAX_CASE_PAYOUTS)
  payouts(@Root() c: IncorrectPaymentCase, @Ctx() ctx: RequestContext) {
    return futService(ctx).payoutsOfCase(c.id);
  }
}
