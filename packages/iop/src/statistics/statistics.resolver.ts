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

const FROM_YEAR = "First calendar year of the report.";
const TO_YEAR = "Last calendar year of the report: not before fromYear, and at most 30 years in all.";

/** Aggregates for the board and integrators (iop:stats). Every figure from the records, for any period. */
@Resolver()
export class StatisticsResolver {
  @Authorized(IopScopes.STATS)
  @Query(() => PartnershipCountType, {
    description: "Partnerships (IOP agreements) in force on a day, in total and per funding budget. Scope iop:stats.",
  })
  iopPartnershipCount(
    @Arg("on", () => LocalDateScalar, { description: "The day to count." }) on: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).partnershipCount(on);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => PartnershipChangesType, {
    description: "How many agreements start, wind down, end or are replaced in a period. Scope iop:stats.",
  })
  iopPartnershipChanges(
    @Arg("from", () => LocalDateScalar, { description: "First day of the period (inclusive)." }) from: LocalDate,
    @Arg("to", () => LocalDateScalar, { description: "Last day of the period (inclusive), not before from." })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).partnershipChanges(from, to);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => [PartnershipCostType], {
    description:
      "Cost per partnership and year (at most 30 years), by agreement and year. A report is read whole: past 10 000 rows it answers RESULT_TOO_LARGE (ask for fewer years). Scope iop:stats.",
  })
  @MaxItems(MAX_REPORT_ROWS)
  iopCostsPerPartnership(
    @Arg("fromYear", () => Int, { description: FROM_YEAR, ...rangeArg("fromYear", ...YEAR_RANGE) }) fromYear: number,
    @Arg("toYear", () => Int, { description: TO_YEAR, ...rangeArg("toYear", ...YEAR_RANGE) }) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costsPerPartnership(fromYear, toYear);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => [BudgetCostType], {
    description: "Cost per funding budget and year (at most 30 years), by budget code and year. Scope iop:stats.",
  })
  @MaxItems(MAX_FUNDING_BUDGETS * MAX_REPORT_YEARS)
  iopCostsPerFundingBudget(
    @Arg("fromYear", () => Int, { description: FROM_YEAR, ...rangeArg("fromYear", ...YEAR_RANGE) }) fromYear: number,
    @Arg("toYear", () => Int, { description: TO_YEAR, ...rangeArg("toYear", ...YEAR_RANGE) }) toYear: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).costsPerFundingBudget(fromYear, toYear);
  }

  @Authorized(IopScopes.STATS)
  @Query(() => FollowUpStatisticsType, {
    description: "Follow-ups, deviations and yearly reports for a calendar year. Scope iop:stats.",
  })
  iopFollowUpStatistics(
    @Arg("year", () => Int, { description: "The calendar year.", ...rangeArg("year", ...YEAR_RANGE) }) year: number,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).followUpStatistics(year);
  }
}
