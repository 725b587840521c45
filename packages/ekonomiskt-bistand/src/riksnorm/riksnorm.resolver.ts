import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { MAX_YEARS_IN_PERIOD, MaxItems, withFirst, type FirstArgs, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { MAX_CAP_STEPS } from "../list-limits";
import { CostCap } from "../calculation/cost-cap.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { AddRiksnormYearInput, SetCostCapsInput } from "./riksnorm.inputs";
import { riksnormService } from "./riksnorm.service";
import { RiksnormYear } from "./riksnorm-year.entity";

/** The cap list's `first` defaults to 100, the most one page holds. */
const CapRows = withFirst(100);

@Resolver()
export class RiksnormResolver {
  @Authorized(S.READ, S.WRITE, S.STATS, S.ADMIN)
  @Query(() => [RiksnormYear], {
    description:
      "The riksnorm years stored (the national standard amounts, one row per year), oldest first. Public amounts; any of the domain's scopes or admin.",
  })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  riksnormYears(@Ctx() ctx: RequestContext) {
    return riksnormService(ctx).list();
  }

  @Authorized(S.ADMIN)
  @Mutation(() => RiksnormYear, {
    description:
      "Add a riksnorm year from the official SFS text. Refuses an incomplete table (BAD_USER_INPUT naming the first missing part) and a year that exists (CONFLICT: a year's amounts are never edited). Needs admin.",
  })
  addRiksnormYear(
    @Arg("input", () => AddRiksnormYearInput, { description: "The year and all its amounts." })
    input: AddRiksnormYearInput,
    @Ctx() ctx: RequestContext,
  ) {
    return riksnormService(ctx).add(input);
  }

  @Authorized(S.READ, S.WRITE, S.ADMIN)
  @Query(() => [CostCap], {
    description:
      "Skälighetsnivåer — the municipality's caps for reasonable costs: every step stored (by cost type, validFrom, threshold), or those in effect on a date: the first `first` (default and at most 100).",
  })
  costCaps(
    @Arg("on", () => LocalDateScalar, {
      nullable: true,
      description:
        "Only the steps in effect on this date (each cost type's latest set from on or before it); omitted: all.",
    })
    on: LocalDate | undefined,
    @Args(() => CapRows) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return riksnormService(ctx).costCaps(on ?? undefined, first);
  }

  @Authorized(S.ADMIN)
  @Mutation(() => [CostCap], {
    description:
      "Set the caps of one cost type from a date, replacing the steps stored for that type and date; returns the new steps. Months from that date are calculated with them. Needs admin.",
  })
  @MaxItems(MAX_CAP_STEPS)
  setCostCaps(
    @Arg("input", () => SetCostCapsInput, { description: "The cost type, the date and the steps." })
    input: SetCostCapsInput,
    @Ctx() ctx: RequestContext,
  ) {
    return riksnormService(ctx).setCostCaps(input);
  }
}
