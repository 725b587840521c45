import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { MAX_REPORT_ROWS, MaxItems, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, rangeArg, YEAR_RANGE } from "@arbetsliv/core/values";
import { MAX_FUNDING_BUDGETS, MAX_REPORT_YEARS } from "../shared/list-limits";
import { IopScopes } from "../scopes";
import { statisticsService } from "./statistics.service";
import {
  BudgetCostType,
  FollowUpStatisticsType,
  PartnershipChangesType,
  PartnershipCostType,
  PartnershipCountType,
} from "./statistics.types";

/** Aggregates for the board and integrators (iop:stats). Every figure from the records, for any period. */
@Resolver()
export class StatisticsResolver {
  @Authorized(IopScopes.STATS)
  @Query(() => PartnershipCountType, { description: "Partnerships in force on a day, per funding budget." })
  iopPartnershipCount(@Arg("on", () => LocalDateScalar) on: LocalDate, @Ctx() ctx: RequestContext) {
    return statisticsService(ctx).partnershipCount(on);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => PartnershipChangesType, {
    description: "How many agreements start, wind down, end or are replaced in a period.",
  })
  iopPartnershipChanges(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).partnershipChanges(from, to);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => [PartnershipCostType], {
    description:
      "Cost per partnership and year (at most 30 years). A report is read whole: past 10 000 rows it answers RESULT_TOO_LARGE (ask for fewer years).",
  })
  @MaxItems(MAX_REPORT_ROWS)
  iopCostsPerPartnership(
    @Arg("fromYear", () => Int, rangeArg("fromYear", ...YEAR_RANGE)) fromYear: number,
    @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costsPerPartnership(fromYear, toYear);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => [BudgetCostType], { description: "Cost per funding budget and year (at most 30 years)." })
  @MaxItems(MAX_FUNDING_BUDGETS * MAX_REPORT_YEARS)
  iopCostsPerFundingBudget(
    @Arg("fromYear", () => Int, rangeArg("fromYear", ...YEAR_RANGE)) fromYear: number,
    @Arg("toYear", () => Int, rangeArg("toYear", ...YEAR_RANGE)) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costsPerFundingBudget(fromYear, toYear);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => FollowUpStatisticsType, { description: "Follow-ups, deviations and yearly reports for a year." })
  iopFollowUpStatistics(
    @Arg("year", () => Int, rangeArg("year", ...YEAR_RANGE)) year: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).followUpStatistics(year);
  }
}
