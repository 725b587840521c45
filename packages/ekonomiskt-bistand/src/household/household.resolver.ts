import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, findFirstByKeys, takeFirst, groupByKeys, indexByKeys, type RequestContext, getEntities } from "@arbetsliv/core";
import { Application } from "../application/application.entity";
import { Decision } from "../decision/decision.entity";
import { Payout } from "../decision/payout.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { assertYearMonth } from "../shared/month";
import { HouseholdMember } from "./household-member.entity";
import { Household, HouseholdAddress } from "./household.entity";
import { CreateHouseholdInput, HouseholdListArgs, MemberInput, UpdateHouseholdInput, UpdateMemberInput } from "./household.inputs";
import { HouseholdService, membersLoader } from "./household.service";

const HouseholdConnection = ConnectionType(Household, "AssistanceHousehold");

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(S.READ)
  @Query(() => HouseholdConnection, {
    description: "Hushåll, by id. Households with protected identity are listed only with ekonomiskt-bistand:protected. Access-logged.",
  })
  assistanceHouseholds(@Args(() => HouseholdListArgs) args: HouseholdListArgs, @Ctx() ctx: RequestContext) {
    return new HouseholdService(ctx).list(args);
  }

  @Authorized(S.READ)
  @Query(() => Household, { description: "One household (NOT_FOUND when protected and the caller lacks ekonomiskt-bistand:protected). Access-logged." })
  assistanceHousehold(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new HouseholdService(ctx).get(id);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, { description: "Register a household with its members." })
  createAssistanceHousehold(@Arg("input", () => CreateHouseholdInput) input: CreateHouseholdInput, @Ctx() ctx: RequestContext) {
    return new HouseholdService(ctx).create(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => Household, { description: "Change address, housing or protection. Stale expectedVersion → CONFLICT." })
  updateAssistanceHousehold(@Arg("input", () => UpdateHouseholdInput) input: UpdateHouseholdInput, @Ctx() ctx: RequestContext) {
    return new HouseholdService(ctx).update(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, { description: "Add a person to the household (a child born, a partner moving in)." })
  addAssistanceHouseholdMember(
    @Arg("householdId", () => ID) householdId: string,
    @Arg("input", () => MemberInput) input: MemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return new HouseholdService(ctx).addMember(householdId, input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => HouseholdMember, { description: "Change a member's flags or record that they moved out. Stale expectedVersion → CONFLICT." })
  updateAssistanceHouseholdMember(@Arg("input", () => UpdateMemberInput) input: UpdateMemberInput, @Ctx() ctx: RequestContext) {
    return new HouseholdService(ctx).updateMember(input);
  }

  @Authorized(S.READ)
  @FieldResolver(() => HouseholdAddress, { nullable: true, description: "Null for a household with protected identity — always, whatever the scopes — and once the household is gallrad." })
  address(@Root() household: Household): HouseholdAddress | null {
    if (household.protectedIdentity || household.street === null) return null;
    return { street: household.street, postalCode: household.postalCode ?? "", city: household.city ?? "" };
  }

  @FieldResolver(() => [HouseholdMember], { description: "Everyone who is or was a member, in the order registered: the first `first` (default 25, at most 100)." })
  members(@Root() household: Household, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(membersLoader(ctx).load(household.id), first);
  }

  @FieldResolver(() => [Application], { description: "Applications, newest month first: the first `first` (default 25, at most 100)." })
  applications(@Root() household: Household, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, Application[]>(`eb.applicationsByHousehold:${first}`, async (ids) =>
        groupByKeys(ids, await findFirstByKeys(ctx.ds.manager, Application, "householdId", ids, { month: "DESC", id: "DESC" }, first), (a) => a.householdId),
      )
      .load(household.id);
  }

  @FieldResolver(() => Decision, { nullable: true, description: "The most recent decision." })
  latestDecision(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return ctx
      .loader<number, Decision | null>("eb.latestDecisionByHousehold", async (ids) => {
        const rows = await ctx.ds.manager
          .getRepository(Decision)
          .createQueryBuilder("d")
          .where("d.id IN (SELECT MAX(x.id) FROM eb_decision x WHERE x.householdId IN (:...ids) GROUP BY x.householdId)", { ids: [...ids] })
          .getMany();
        return indexByKeys(ids, rows, (d) => d.householdId);
      })
      .load(household.id);
  }

  @FieldResolver(() => [Payout], { description: "Payouts and corrections, by month concerned (YYYY-MM, inclusive), newest first: the first `first` (default 25, at most 100)." })
  payouts(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Arg("fromMonth", () => String, { nullable: true }) fromMonth?: string,
    @Arg("toMonth", () => String, { nullable: true }) toMonth?: string,
  ) {
    const from = fromMonth ? assertYearMonth("fromMonth", fromMonth) : "0000-01";
    const to = toMonth ? assertYearMonth("toMonth", toMonth) : "9999-12";
    return ctx
      .loader<number, Payout[]>(`eb.payoutsByHousehold:${from}:${to}`, async (ids) => {
        const query = ctx.ds.manager
          .getRepository(Payout)
          .createQueryBuilder("p")
          .where("p.householdId IN (:...ids)", { ids: [...ids] })
          .andWhere("p.month BETWEEN :from AND :to", { from, to })
          .orderBy("p.month", "DESC")
          .addOrderBy("p.id", "DESC");
        const rows = await getEntities(query);
        return groupByKeys(ids, rows, (p) => p.householdId);
      })
      .load(household.id)
      .then((rows) => takeFirst(rows, first));
  }
}
