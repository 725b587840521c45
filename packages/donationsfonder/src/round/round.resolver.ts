import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { MaxItems, type RequestContext } from "@arbetsliv/core";
import { rangeArg, YEAR_RANGE, versionArg } from "@arbetsliv/core/values";
import { readList, readOne } from "@arbetsliv/core/read";
import { MAX_ROUNDS, TERMS } from "../shared/list-limits";
import { FundBudget } from "../fund/fund-budget.entity";
import { ADMIN_SCOPES, ANY_DONATION_SCOPE } from "../scopes";
import { RoundSchedule } from "./round-schedule.entity";
import { Round } from "./round.entity";
import { roundGraph } from "./round.graph";
import { FundBudgetInput, OpenRoundsInput, RoundPolicyInput, RoundScheduleInput } from "./round.inputs";
import { roundService } from "./round.service";

@Resolver(() => Round)
export class RoundResolver {
  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [RoundSchedule], {
    description: "Utdelningsschemat — when rounds open, close, are decided and paid, by year range.",
  })
  @MaxItems(MAX_ROUNDS) // entries of one term do not overlap: at most one per term and year
  donationRoundSchedule(@Ctx() ctx: RequestContext) {
    return roundService(ctx).schedule();
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [Round], { description: "Utdelningsomgångar, oldest first; optionally one year's." })
  @MaxItems(MAX_ROUNDS)
  donationRounds(
    @Arg("year", () => Int, { nullable: true, ...rangeArg("year", ...YEAR_RANGE) }) year: number | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, roundGraph, () => roundService(ctx).list(year ?? undefined));
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => Round, { nullable: true, description: "One round with its dates, policy and fund budgets." })
  donationRound(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, roundGraph, () => roundService(ctx).get(id));
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, {
    description: "Add a schedule entry (e.g. from 2022: applications in March, decision in May, payout in June).",
  })
  defineDonationRoundSchedule(
    @Arg("input", () => RoundScheduleInput) input: RoundScheduleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).defineSchedule(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, { description: "Give a schedule entry its last year." })
  endDonationRoundSchedule(
    @Arg("id", () => ID) id: string,
    @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).endSchedule(id, toYear);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => [Round], {
    description:
      "Create the year's round(s) from the schedule, with the year's prisbasbelopp and the published policy.",
  })
  @MaxItems(TERMS)
  openDonationRounds(@Arg("input", () => OpenRoundsInput) input: OpenRoundsInput, @Ctx() ctx: RequestContext) {
    return roundService(ctx).openRounds(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Round, { description: "Change the published policy of an open round (before any allocation)." })
  setDonationRoundPolicy(
    @Arg("roundId", () => ID) roundId: string,
    @Arg("input", () => RoundPolicyInput) input: RoundPolicyInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).setPolicy(roundId, input, expectedVersion);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => FundBudget, {
    description: "Set what a fund has to distribute in an open round (whole kronor, at most its capital).",
  })
  setDonationFundBudget(@Arg("input", () => FundBudgetInput) input: FundBudgetInput, @Ctx() ctx: RequestContext) {
    return roundService(ctx).setBudget(input);
  }
}
