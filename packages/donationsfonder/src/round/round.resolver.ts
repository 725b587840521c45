import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  MaxItems,
  movedArgOptions,
  movedVersionArgOptions,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { toId } from "@arbetsliv/core/data";
import { rangeArg, YEAR_RANGE } from "@arbetsliv/core/values";
import { readList, readOne } from "@arbetsliv/core/read";
import { MAX_ROUNDS, TERMS } from "../shared/list-limits";
import { FundBudget } from "../fund/fund-budget.entity";
import { ADMIN_SCOPES, ANY_DONATION_SCOPE } from "../scopes";
import { RoundSchedule } from "./round-schedule.entity";
import { Round } from "./round.entity";
import { roundGraph } from "./round.graph";
import {
  EndRoundScheduleInput,
  FundBudgetInput,
  OpenRoundsInput,
  RoundPolicyInput,
  RoundScheduleInput,
} from "./round.inputs";
import { roundService } from "./round.service";

@Resolver(() => Round)
export class RoundResolver {
  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [RoundSchedule], {
    description:
      "The utdelningsschema — every timetable of when rounds open, close, are decided and paid, oldest fromYear first. Reference data: any donationsfonder scope may read it.",
  })
  @MaxItems(MAX_ROUNDS) // entries of one term do not overlap: at most one per term and year
  donationRoundSchedule(@Ctx() ctx: RequestContext) {
    return roundService(ctx).schedule();
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => [Round], {
    description:
      "Utdelningsomgångar (rounds), by the first day of their application period, oldest first. Reference data: any donationsfonder scope may read them.",
  })
  @MaxItems(MAX_ROUNDS)
  donationRounds(
    @Arg("year", () => Int, {
      nullable: true,
      description: "Only the rounds of this year (1850–2199); null or omitted = every round.",
      ...rangeArg("year", ...YEAR_RANGE),
    })
    year: number | undefined,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readList(ctx, info, roundGraph, () => roundService(ctx).list(year ?? undefined));
  }

  @Authorized(...ANY_DONATION_SCOPE)
  @Query(() => Round, {
    nullable: true,
    description:
      "One round with its dates, policy and fund budgets; null with a NOT_FOUND error when there is no such round.",
  })
  donationRound(
    @Arg("id", () => ID, { description: "The round's id (DonationRound.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, roundGraph, () => roundService(ctx).get(id));
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, {
    description:
      "Add a timetable to the utdelningsschema (e.g. from 2022: applications in March, decision in May, payout in June). It may not cover a year another timetable of the same term covers (CONFLICT: end that one first). Needs donationsfonder:admin or admin.",
  })
  defineDonationRoundSchedule(
    @Arg("input", () => RoundScheduleInput, { description: "The timetable." }) input: RoundScheduleInput,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).defineSchedule(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => RoundSchedule, {
    description:
      "Give a timetable of the utdelningsschema its last year; rounds already opened keep their dates. Needs donationsfonder:admin or admin.",
  })
  endDonationRoundSchedule(
    @Arg("input", () => EndRoundScheduleInput, {
      nullable: true,
      description: "The timetable and its last year (takes the place of the arguments id and toYear).",
    })
    input: EndRoundScheduleInput | null | undefined,
    @Arg("id", () => ID, movedArgOptions("id", "The timetable (DonationRoundSchedule.id)."))
    id: string | null | undefined,
    @Arg("toYear", () => Int, {
      ...movedArgOptions("toYear", "The last year the timetable applies to (1850–2199)."),
      ...rangeArg("toYear", ...YEAR_RANGE),
    })
    toYear: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const schedule = requiredMoved("id", input?.id, id);
    return roundService(ctx).endSchedule(
      toId(schedule.field, schedule.value),
      requiredMoved("toYear", input?.toYear, toYear),
    );
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => [Round], {
    description:
      "Open the year's round(s) from the utdelningsschema, with the year's prisbasbelopp and the published policy; every round starts OPEN with version 1. CONFLICT when the year's rounds exist. Needs donationsfonder:admin or admin.",
  })
  @MaxItems(TERMS)
  openDonationRounds(
    @Arg("input", () => OpenRoundsInput, { description: "The year, its prisbasbelopp and the policy." })
    input: OpenRoundsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).openRounds(input);
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => Round, {
    description:
      "Change the published policy of an OPEN round (before its allocation); returns the round with its new version. Needs donationsfonder:admin or admin.",
  })
  setDonationRoundPolicy(
    @Arg("roundId", () => ID, movedArgOptions("id", "The round (DonationRound.id)."))
    roundId: string | null | undefined,
    @Arg("input", () => RoundPolicyInput, { description: "The round, its version and the new policy." })
    input: RoundPolicyInput,
    @Arg("expectedVersion", () => Int, movedVersionArgOptions("The round's version as you read it."))
    expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const round = requiredMoved("id", input.id, roundId, "roundId");
    return roundService(ctx).setPolicy(
      toId(round.field, round.value),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(...ADMIN_SCOPES)
  @Mutation(() => FundBudget, {
    description:
      "Set what a fund has to distribute in an OPEN round (whole kronor, at most its capital); setting it again replaces the amount. Needs donationsfonder:admin or admin.",
  })
  setDonationFundBudget(
    @Arg("input", () => FundBudgetInput, { description: "The round, the fund and the amount." })
    input: FundBudgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return roundService(ctx).setBudget(input);
  }
}
