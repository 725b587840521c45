import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { LocalDateScalar, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { RelationsvaldScopes as S } from "../scopes";
import { PlacementBudget } from "./budget.entity";
import { SetBudgetInput, setBudget } from "./budget.service";
import { placementCostReport, placementStatistics, placementStatisticsByYear } from "./statistics.service";
import { PlacementCostReport, PlacementStatistics } from "./statistics.types";

@Resolver()
export class StatisticsResolver {
  @Authorized(S.STATS, S.READ)
  @Query(() => PlacementStatistics, {
    description:
      "Placements, persons, placement days, average length and the acute share per type for any period (aggregates only).",
  })
  placementStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return placementStatistics(ctx.ds, { from, to });
  }

  @Authorized(S.STATS, S.READ)
  @Query(() => [PlacementStatistics], {
    description: "placementStatistics for each calendar year fromYear..toYear (the annual report's table).",
  })
  placementStatisticsByYear(
    @Arg("fromYear", () => Int) fromYear: number,
    @Arg("toYear", () => Int) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return placementStatisticsByYear(ctx.ds, fromYear, toYear);
  }

  @Authorized(S.STATS, S.READ)
  @Query(() => PlacementCostReport, {
    description: "Placement costs per type, provider and month against the budget, for any period.",
  })
  placementCostReport(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return placementCostReport(ctx.ds, { from, to });
  }

  @Authorized(S.STATS, S.READ)
  @Query(() => [PlacementBudget], { description: "Yearly budgets, oldest first." })
  placementBudgets(@Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(PlacementBudget, { order: { year: "ASC" } });
  }

  @Authorized(S.WRITE)
  @Mutation(() => PlacementBudget, { description: "Set the cost budget of a year." })
  setPlacementBudget(@Arg("input", () => SetBudgetInput) input: SetBudgetInput, @Ctx() ctx: RequestContext) {
    return setBudget(ctx, input);
  }
}
