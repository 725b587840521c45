import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { LocalDateScalar, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { CostCap } from "../calculation/cost-cap.entity";
import { EkonomisktBistandScopes as S } from "../scopes";
import { AddRiksnormYearInput, SetCostCapsInput } from "./riksnorm.inputs";
import { RiksnormService } from "./riksnorm.service";
import { RiksnormYear } from "./riksnorm-year.entity";

@Resolver()
export class RiksnormResolver {
  @Authorized(S.READ, S.WRITE, S.STATS, S.ADMIN)
  @Query(() => [RiksnormYear], { description: "Riksnorm years stored, oldest first (public amounts)." })
  riksnormYears(@Ctx() ctx: RequestContext) {
    return new RiksnormService(ctx).list();
  }

  @Authorized(S.ADMIN)
  @Mutation(() => RiksnormYear, {
    description: "Add a riksnorm year from the official SFS text. Refuses incomplete tables and existing years. Needs admin.",
  })
  addRiksnormYear(@Arg("input", () => AddRiksnormYearInput) input: AddRiksnormYearInput, @Ctx() ctx: RequestContext) {
    return new RiksnormService(ctx).add(input);
  }

  @Authorized(S.READ, S.WRITE, S.ADMIN)
  @Query(() => [CostCap], { description: "Skälighetsnivåer: all cap rules, or those in effect on a date." })
  costCaps(@Arg("on", () => LocalDateScalar, { nullable: true }) on: LocalDate | undefined, @Ctx() ctx: RequestContext) {
    return new RiksnormService(ctx).costCaps(on ?? undefined);
  }

  @Authorized(S.ADMIN)
  @Mutation(() => [CostCap], { description: "Set the caps of one cost type from a date (replaces that date's steps). Needs admin." })
  setCostCaps(@Arg("input", () => SetCostCapsInput) input: SetCostCapsInput, @Ctx() ctx: RequestContext) {
    return new RiksnormService(ctx).setCostCaps(input);
  }
}
