import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { MAX_YEARS_IN_PERIOD, MaxItems, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, rangeArg, YEAR_RANGE } from "@arbetsliv/core/values";
import { RelationsvaldScopes as S } from "../scopes";
import { PlacementBudget } from "./budget.entity";
import { SetBudgetInput, budgetService } from "./budget.service";
import { statisticsService } from "./statistics.service";
import { PlacementCostReport, PlacementStatistics } from "./statistics.types";

/** Exact figures with relationsvald:stats:exact (access-logged); otherwise whole months only and small counts suppressed. */
@Resolver()
export class StatisticsResolver {
  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => PlacementStatistics, {
    description:
      "Placements, persons, placement days (nights), average length and the acute share per placement type for any period: aggregates only (relationsvald:stats, :stats:exact or :read). Under disclosure control unless the caller holds relationsvald:stats:exact (exact figures, access-logged): whole months only, and small counts (below disclosure.minimumCount) hidden.",
  })
  placementStatistics(
    @Arg("from", () => LocalDateScalar, {
      description:
        "The first day of the period; without relationsvald:stats:exact the 1st of a month (rule whole-months).",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The last day of the period (inclusive), at most 20 years after from; without relationsvald:stats:exact the last day of a month.",
    })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).statistics({ from, to });
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementStatistics], {
    description:
      "placementStatistics for each calendar year fromYear..toYear, oldest first (the annual report's table); at most 20 years. Disclosure control as for placementStatistics.",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD)
  placementStatisticsByYear(
    @Arg("fromYear", () => Int, {
      ...rangeArg("fromYear", ...YEAR_RANGE),
      description: "The first calendar year.",
    })
    fromYear: number,
    @Arg("toYear", () => Int, {
      ...rangeArg("toYear", ...YEAR_RANGE),
      description: "The last calendar year (inclusive): fromYear or later, at most 19 years after it.",
    })
    toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).statisticsByYear(fromYear, toYear);
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => PlacementCostReport, {
    description:
      "Placement costs and service fees per type, provider and month against the cost budget, for any period (relationsvald:stats, :stats:exact or :read). Costs derived from fewer than the minimum number of placements are hidden unless the caller holds relationsvald:stats:exact (exact figures, access-logged); periods are then whole months.",
  })
  placementCostReport(
    @Arg("from", () => LocalDateScalar, {
      description:
        "The first day of the period; without relationsvald:stats:exact the 1st of a month (rule whole-months).",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The last day of the period (inclusive), at most 20 years after from; without relationsvald:stats:exact the last day of a month.",
    })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costReport({ from, to });
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementBudget], {
    description:
      "The yearly cost budgets of relationsvåld placements, oldest first (relationsvald:stats, :stats:exact or :read); public figures.",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  placementBudgets(@Ctx() ctx: RequestContext) {
    return budgetService(ctx).list();
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementBudget, {
    description:
      "Set the cost budget of a year (relationsvald:write) and return it with its new version: creates it (version 1), or changes an existing one given its input.expectedVersion (CONFLICT without it or when stale).",
  })
  setPlacementBudget(
    @Arg("input", () => SetBudgetInput, { description: "The year and its budget." }) input: SetBudgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return budgetService(ctx).set(input);
  }
}
