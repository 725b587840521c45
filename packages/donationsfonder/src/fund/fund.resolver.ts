import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { MaxItems, type RequestContext } from "@arbetsliv/core";
import { versionArg } from "@arbetsliv/core/values";
import { MAX_FUNDS } from "../shared/list-limits";
import { ADMIN_SCOPES, ANY_DONATION_SCOPE } from "../scopes";
import { Fund } from "./fund.entity";
import { FundInput } from "./fund.inputs";
import { fundService } from "./fund.service";

@Resolver(() => Fund)
export class FundResolver {
  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [Fund], { description: "Donationsfonderna — every fund with its statutes, in the published order." })
  @MaxItems(MAX_FUNDS)
  donationFunds(@Ctx() ctx: RequestContext) {
    return fundService(ctx).list();
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Fund, { description: "Add a fund and its statutes. Needs donationsfonder:admin or admin." })
  createDonationFund(@Arg("input", () => FundInput) input: FundInput, @Ctx() ctx: RequestContext) {
    return fundService(ctx).create(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Fund, { description: "Replace a fund's statutes. Applies to allocations run after the change." })
  updateDonationFund(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => FundInput) input: FundInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return fundService(ctx).update(id, input, expectedVersion);
  }
}
