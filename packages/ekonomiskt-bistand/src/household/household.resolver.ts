import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, type RequestContext } from "@arbetsliv/core";
import { readOne, readPage } from "@arbetsliv/core/read";
import { Payout } from "../decision/payout.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { HouseholdMember } from "./household-member.entity";
import { Household } from "./household.entity";
import { householdGraph } from "./household.graph";
import {
  CreateHouseholdInput,
  HouseholdListArgs,
  MemberInput,
  UpdateHouseholdInput,
  UpdateMemberInput,
} from "./household.inputs";
import { householdService } from "./household.service";

const HouseholdConnection = ConnectionType(Household, "AssistanceHousehold");

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(S.READ)
  @Query(() => HouseholdConnection, {
    description:
      "Hushåll, by id. Households with protected identity are listed only with ekonomiskt-bistand:protected. Access-logged.",
  })
  assistanceHouseholds(
    @Args(() => HouseholdListArgs) args: HouseholdListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, householdGraph, (columns) => householdService(ctx).list(args, columns));
  }

  @Authorized(S.READ)
  @Query(() => Household, {
    nullable: true,
    description:
      "One household (NOT_FOUND when protected and the caller lacks ekonomiskt-bistand:protected). Access-logged.",
  })
  assistanceHousehold(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, householdGraph, () => householdService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, { description: "Register a household with its members." })
  createAssistanceHousehold(
    @Arg("input", () => CreateHouseholdInput) input: CreateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, {
    description: "Change address, housing or protection. Stale expectedVersion → CONFLICT.",
  })
  updateAssistanceHousehold(
    @Arg("input", () => UpdateHouseholdInput) input: UpdateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, {
    description: "Add a person to the household (a child born, a partner moving in).",
  })
  addAssistanceHouseholdMember(
    @Arg("householdId", () => ID) householdId: string,
    @Arg("input", () => MemberInput) input: MemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).addMember(householdId, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, {
    description: "Change a member's flags or record that they moved out. Stale expectedVersion → CONFLICT.",
  })
  updateAssistanceHouseholdMember(
    @Arg("input", () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).updateMember(input);
  }

  @FieldResolver(() => [Payout], {
    description:
      "Payouts and corrections, by month concerned (YYYY-MM, inclusive), newest first: the first `first` (default 25, at most 100).",
  })
  payouts(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Arg("fromMonth", () => String, { nullable: true }) fromMonth?: string,
    @Arg("toMonth", () => String, { nullable: true }) toMonth?: string,
  ) {
    return householdService(ctx).payouts(household.id, first, fromMonth, toMonth);
  }
}
