import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  MaxItems,
  movedArgOptions,
  movedVersionArgOptions,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { toId } from "@arbetsliv/core/data";
import { MAX_FUNDS } from "../shared/list-limits";
import { ADMIN_SCOPES, ANY_DONATION_SCOPE } from "../scopes";
import { Fund } from "./fund.entity";
import { FundInput } from "./fund.inputs";
import { fundService } from "./fund.service";

@Resolver(() => Fund)
export class FundResolver {
  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [Fund], {
    description:
      "Donationsfonderna (the social donation funds) with their statutes, in the published order. Reference data: any donationsfonder scope may read them.",
  })
  @MaxItems(MAX_FUNDS)
  donationFunds(@Ctx() ctx: RequestContext) {
    return fundService(ctx).list();
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Fund, {
    description:
      "Add a fund and its statutes; it starts at version 1. CONFLICT when its code is taken. Needs donationsfonder:admin or admin.",
  })
  createDonationFund(
    @Arg("input", () => FundInput, { description: "The fund; input.id and input.expectedVersion are refused here." })
    input: FundInput,
    @Ctx() ctx: RequestContext,
  ) {
    return fundService(ctx).create(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Fund, {
    description:
      "Replace a fund's statutes; allocations run after the change use them. Returns the fund with its new version. Needs donationsfonder:admin or admin.",
  })
  updateDonationFund(
    @Arg("id", () => ID, movedArgOptions("id", "The fund (DonationFund.id)."))
    id: string | null | undefined,
    @Arg("input", () => FundInput, { description: "The fund, its version and its new statutes (every field)." })
    input: FundInput,
    @Arg("expectedVersion", () => Int, movedVersionArgOptions("The fund's version as you read it."))
    expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const fund = requiredMoved("id", input.id, id);
    return fundService(ctx).update(
      toId(fund.field, fund.value),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }
}
