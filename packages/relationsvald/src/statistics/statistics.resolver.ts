import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  LocalDateScalar,
  MAX_YEARS_IN_PERIOD,
  MaxItems,
  assertWholeMonths,
  disclosurePolicy,
  logExactStatisticsRead,
  type LocalDate,
  type RequestContext,
  rangeArg,
  YEAR_RANGE,
} from "@arbetsliv/core";
import { RelationsvaldScopes as S } from "../scopes";
import { PlacementBudget } from "./budget.entity";
import { SetBudgetInput, setBudget } from "./budget.service";
import {
  assertPeriod,
  placementCostReport,
  placementStatistics,
  placementStatisticsByYear,
} from "./statistics.service";
import { PlacementCostReport, PlacementStatistics } from "./statistics.types";

const DOMAIN = "relationsvald";

/** Exact figures with relationsvald:stats:exact (access-logged); otherwise whole months only and small counts suppressed. */
async function checkedPolicy(ctx: RequestContext, operation: string, from: LocalDate, to: LocalDate) {
  const policy = disclosurePolicy(ctx, DOMAIN);
  assertPeriod({ from, to });
  assertWholeMonths(policy, from, to);
  await logExactStatisticsRead(ctx, policy, DOMAIN, operation, `${from}..${to}`);
  return policy;
}

@Resolver()
export class StatisticsResolver {
  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => PlacementStatistics, {
    description:
      "Placements, persons, placement days, average length and the acute share per type for any period (aggregates only).",
  })
  async placementStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    const policy = await checkedPolicy(ctx, "Query.placementStatistics", from, to);
    return placementStatistics(ctx.ds, { from, to }, policy);
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementStatistics], {
    description: "placementStatistics for each calendar year fromYear..toYear (the annual report's table).",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD)
  async placementStatisticsByYear(
    @Arg("fromYear", () => Int, rangeArg("fromYear", ...YEAR_RANGE)) fromYear: number,
    @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    const policy = disclosurePolicy(ctx, DOMAIN);
    const result = await placementStatisticsByYear(ctx.ds, fromYear, toYear, policy);
    await logExactStatisticsRead(ctx, policy, DOMAIN, "Query.placementStatisticsByYear", `${fromYear}..${toYear}`);
    return result;
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => PlacementCostReport, {
    description: "Placement costs per type, provider and month against the budget, for any period.",
  })
  async placementCostReport(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    const policy = await checkedPolicy(ctx, "Query.placementCostReport", from, to);
    return placementCostReport(ctx.ds, { from, to }, policy);
  }

  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => [PlacementBudget], { description: "Yearly budgets, oldest first." })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  placementBudgets(@Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(PlacementBudget, { order: { year: "ASC" } });
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementBudget, { description: "Set the cost budget of a year." })
  setPlacementBudget(@Arg("input", () => SetBudgetInput) input: SetBudgetInput, @Ctx() ctx: RequestContext) {
    return setBudget(ctx, input);
  }
}
