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
      "Placements, persons, placement days, average length and the acute share per type for any period (aggregates only).",
  })
  placementStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).statistics({ from, to });
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementStatistics], {
    description: "placementStatistics for each calendar year fromYear..toYear (the annual report's table).",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD)
  placementStatisticsByYear(
    @Arg("fromYear", () => Int, rangeArg("fromYear", ...YEAR_RANGE)) fromYear: number,
    @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).statisticsByYear(fromYear, toYear);
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => PlacementCostReport, {
    description: "Placement costs per type, provider and month against the budget, for any period.",
  })
  placementCostReport(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costReport({ from, to });
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementBudget], { description: "Yearly budgets, oldest first." })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  placementBudgets(@Ctx() ctx: RequestContext) {
    return budgetService(ctx).list();
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementBudget, { description: "Set the cost budget of a year." })
  setPlacementBudget(@Arg("input", () => SetBudgetInput) input: SetBudgetInput, @Ctx() ctx: RequestContext) {
    return budgetService(ctx).set(input);
  }
}
