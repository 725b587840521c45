import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  ConnectionType,
  FirstArgs,
  movedArgOptions,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
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
      "Households (hushåll) receiving or applying for ekonomiskt bistånd, by id, oldest first. Households with protected identity are listed only with ekonomiskt-bistand:protected. Every read is access-logged with the members' identity numbers.",
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
      "One household by id, or null with NOT_FOUND when there is none — also when it has protected identity and the caller lacks ekonomiskt-bistand:protected. Access-logged.",
  })
  assistanceHousehold(
    @Arg("id", () => ID, { description: "The household's id." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, householdGraph, () => householdService(ctx).get(id));
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, {
    description:
      "Register a household with its members, at version 1. The members count from input.members[].joinedOn (default today): give the real date to apply for an earlier month.",
  })
  createAssistanceHousehold(
    @Arg("input", () => CreateHouseholdInput, { description: "The household and its members." })
    input: CreateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, {
    description:
      "Change a household's address, housing, rent or protection; returns it with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  updateAssistanceHousehold(
    @Arg("input", () => UpdateHouseholdInput, { description: "The household, its version and the changes." })
    input: UpdateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, {
    description:
      "Add a person to a household (a child born, a partner moving in); returns the new member at version 1. A second APPLICANT or CO_APPLICANT, or a current member's personnummer again, is refused.",
  })
  addAssistanceHouseholdMember(
    @Arg("householdId", () => ID, movedArgOptions("householdId", "The household the person joins."))
    householdId: string | null | undefined,
    @Arg("input", () => MemberInput, { description: "The person, with input.householdId: the household joined." })
    input: MemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).addMember(requiredMovedArgument("householdId", input.householdId, householdId), input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, {
    description:
      "Change a member's name or flags, or record the day they moved out; returns the member with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  updateAssistanceHouseholdMember(
    @Arg("input", () => UpdateMemberInput, { description: "The member, its version and the changes." })
    input: UpdateMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return householdService(ctx).updateMember(input);
  }

  @FieldResolver(() => [Payout], {
    description:
      "The household's payouts and corrections, optionally for a range of the months they concern, newest month first: the first `first` (default 25, at most 100).",
  })
  payouts(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Arg("fromMonth", () => String, {
      nullable: true,
      description: "First month concerned, YYYY-MM, inclusive; omitted: from the first.",
    })
    fromMonth?: string,
    @Arg("toMonth", () => String, {
      nullable: true,
      description: "Last month concerned, YYYY-MM, inclusive; omitted: to the last.",
    })
    toMonth?: string,
  ) {
    return householdService(ctx).payouts(household.id, first, fromMonth, toMonth);
  }
}
