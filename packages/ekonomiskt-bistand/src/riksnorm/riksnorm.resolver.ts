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
  @Query(() => [RiksnormYear], { description: "Riksnorm years stored, oldest first (public amounts)." })
  @MaxItems(MAX_YEARS_IN_PERIOD) // one per year (unique), years limited by the Date scalar
  riksnormYears(@Ctx() ctx: RequestContext) {
    return riksnormService(ctx).list();
  }

  @Authorized(S.ADMIN)
  @Mutation(() => RiksnormYear, {
    description:
      "Add a riksnorm year from the official SFS text. Refuses incomplete tables and existing years. Needs admin.",
  })
  addRiksnormYear(@Arg("input", () => AddRiksnormYearInput) input: AddRiksnormYearInput, @Ctx() ctx: RequestContext) {
    return riksnormService(ctx).add(input);
  }

  @Authorized(S.READ, S.WRITE, S.ADMIN)
  @Query(() => [CostCap], {
    description:
      "Skälighetsnivåer: all cap rules, or those in effect on a date: the first `first` (default and at most 100).",
  })
  costCaps(
    @Arg("on", () => LocalDateScalar, { nullable: true }) on: LocalDate | undefined,
    @Args(() => CapRows) { first }: FirstArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return riksnormService(ctx).costCaps(on ?? undefined, first);
  }

  @Authorized(S.ADMIN)
  @Mutation(() => [CostCap], {
    description: "Set the caps of one cost type from a date (replaces that date's steps). Needs admin.",
  })
  @MaxItems(MAX_CAP_STEPS)
  setCostCaps(@Arg("input", () => SetCostCapsInput) input: SetCostCapsInput, @Ctx() ctx: RequestContext) {
    return riksnormService(ctx).setCostCaps(input);
  }
}
