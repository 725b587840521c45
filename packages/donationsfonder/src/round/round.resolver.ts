import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { MaxItems, type RequestContext, rangeArg, YEAR_RANGE, versionArg } from "@arbetsliv/core";
import { MAX_FUNDS, MAX_ROUNDS, TERMS } from "../shared/list-limits";
import { Fund } from "../fund/fund.entity";
import { FundBudget } from "../fund/fund-budget.entity";
import { ADMIN_SCOPES, ANY_DONATION_SCOPE } from "../scopes";
import { loaders } from "../shared/loaders";
import { RoundSchedule } from "./round-schedule.entity";
import { Round } from "./round.entity";
import { FundBudgetInput, OpenRoundsInput, RoundPolicyInput, RoundScheduleInput } from "./round.inputs";
import { RoundService } from "./round.service";

@Resolver(() => Round)
export class RoundResolver {
  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [RoundSchedule], { description: "Utdelningsschemat — when rounds open, close, are decided and paid, by year range." })
  @MaxItems(MAX_ROUNDS) // entries of one term do not overlap: at most one per term and year
  donationRoundSchedule(@Ctx() ctx: RequestContext) {
    return new RoundService(ctx).schedule();
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [Round], { description: "Utdelningsomgångar, oldest first; optionally one year's." })
  @MaxItems(MAX_ROUNDS)
  donationRounds(@Arg("year", () => Int, { nullable: true, ...rangeArg("year", ...YEAR_RANGE) }) year: number | undefined, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).list(year ?? undefined);
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => Round, { description: "One round with its dates, policy and fund budgets." })
  donationRound(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).get(id);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, { description: "Add a schedule entry (e.g. from 2022: applications in March, decision in May, payout in June)." })
  defineDonationRoundSchedule(@Arg("input", () => RoundScheduleInput) input: RoundScheduleInput, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).defineSchedule(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, { description: "Give a schedule entry its last year." })
  endDonationRoundSchedule(@Arg("id", () => ID) id: string, @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).endSchedule(id, toYear);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => [Round], { description: "Create the year's round(s) from the schedule, with the year's prisbasbelopp and the published policy." })
  @MaxItems(TERMS)
  openDonationRounds(@Arg("input", () => OpenRoundsInput) input: OpenRoundsInput, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).openRounds(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Round, { description: "Change the published policy of an open round (before any allocation)." })
  setDonationRoundPolicy(
    @Arg("roundId", () => ID) roundId: string,
    @Arg("input", () => RoundPolicyInput) input: RoundPolicyInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return new RoundService(ctx).setPolicy(roundId, input, expectedVersion);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => FundBudget, { description: "Set what a fund has to distribute in an open round (whole kronor, at most its capital)." })
  setDonationFundBudget(@Arg("input", () => FundBudgetInput) input: FundBudgetInput, @Ctx() ctx: RequestContext) {
    return new RoundService(ctx).setBudget(input);
  }

  @FieldResolver(() => [FundBudget], { description: "Each fund's amount available in the round." })
  @MaxItems(MAX_FUNDS) // one per fund
  budgets(@Root() round: Round, @Ctx() ctx: RequestContext) {
    return loaders.budgetsByRound(ctx).load(round.id);
  }
}

@Resolver(() => FundBudget)
export class FundBudgetResolver {
  @FieldResolver(() => Fund)
  fund(@Root() budget: FundBudget, @Ctx() ctx: RequestContext) {
    return loaders.fund(ctx).load(budget.fundId);
  }
}
