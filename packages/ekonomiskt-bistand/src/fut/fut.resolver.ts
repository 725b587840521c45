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
  @Query(() => CaseConnection, {
    description:
      "FUT cases (investigations of incorrect payments), newest first; cases of households hidden from the caller (protected identity) are left out. Access-logged.",
  })
  incorrectPaymentCases(
    @Args(() => IncorrectPaymentCaseListArgs) args: IncorrectPaymentCaseListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The list joins the households (protected identity): it reads whole rows.
    return readPage(ctx, info, incorrectPaymentCaseGraph, () => futService(ctx).list(args));
  }

  @Authorized(S.READ)
  @Query(() => IncorrectPaymentCase, {
    nullable: true,
    description:
      "One FUT case, or null with NOT_FOUND when there is none or its household is hidden from the caller. Access-logged.",
  })
  incorrectPaymentCase(
    @Arg("id", () => ID, { description: "The case's id." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, incorrectPaymentCaseGraph, () => futService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, {
    description: "Open a FUT investigation of payouts to a household; the case starts OPEN at version 1.",
  })
  openIncorrectPaymentCase(
    @Arg("input", () => OpenIncorrectPaymentCaseInput, { description: "The household, its payouts and why." })
    input: OpenIncorrectPaymentCaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).open(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, {
    description:
      "Record findings or change a FUT case's status; returns it with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  updateIncorrectPaymentCase(
    @Arg("input", () => UpdateIncorrectPaymentCaseInput, { description: "The case, its version and the changes." })
    input: UpdateIncorrectPaymentCaseInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => IncorrectPaymentCase, {
    description:
      "Decide återkrav (a reclaim of money wrongly paid, SoL 9 kap. 1 §): the case becomes RECLAIM_DECIDED; returns it with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  decideReclaim(
    @Arg("input", () => DecideReclaimInput, { description: "The case, its version and the reclaim." })
    input: DecideReclaimInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).decideReclaim(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Recovery, {
    description:
      "Register money that came back (a reclaim repaid, a retroactive benefit, a voluntary repayment); it reduces the net cost of the month received.",
  })
  registerAssistanceRecovery(
    @Arg("input", () => RegisterRecoveryInput, { description: "The household, the amount and why." })
    input: RegisterRecoveryInput,
    @Ctx() ctx: RequestContext,
  ) {
    return futService(ctx).registerRecovery(input);
  }

  @FieldResolver(() => [Payout], { description: "The payouts under investigation (at most 100), oldest first." })
  @MaxItems(MAX_CASE_PAYOUTS)
  payouts(@Root() c: IncorrectPaymentCase, @Ctx() ctx: RequestContext) {
    return futService(ctx).payoutsOfCase(c.id);
  }
}
