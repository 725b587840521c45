import { In } from "typeorm";
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, FirstArgs, takeFirst, groupByKeys, type RequestContext } from "@arbetsliv/core";
import { EkonomisktBistandScopes as S } from "../scopes";
import { EndWageSubsidyEmploymentInput, RecordWageSubsidyMonthInput, RegisterWageSubsidyEmploymentInput, WageSubsidyListArgs } from "./wage-subsidy.inputs";
import { WageSubsidyService } from "./wage-subsidy.service";
import { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy.entity";

const EmploymentConnection = ConnectionType(WageSubsidyEmployment, "WageSubsidyEmployment");

@Resolver(() => WageSubsidyEmployment)
export class WageSubsidyResolver {
  @Authorized(S.READ)
  @Query(() => EmploymentConnection, { description: "Växla bidrag mot lön: employments, optionally those running on a date. Access-logged." })
  wageSubsidyEmployments(@Args(() => WageSubsidyListArgs) args: WageSubsidyListArgs, @Ctx() ctx: RequestContext) {
    return new WageSubsidyService(ctx).list(args);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyEmployment, { description: "Register a person who leaves försörjningsstöd for a subsidised job." })
  registerWageSubsidyEmployment(@Arg("input", () => RegisterWageSubsidyEmploymentInput) input: RegisterWageSubsidyEmploymentInput, @Ctx() ctx: RequestContext) {
    return new WageSubsidyService(ctx).register(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyMonth, { description: "Record a month's personnel cost, subsidy and assistance not paid (once per month)." })
  recordWageSubsidyMonth(@Arg("input", () => RecordWageSubsidyMonthInput) input: RecordWageSubsidyMonthInput, @Ctx() ctx: RequestContext) {
    return new WageSubsidyService(ctx).recordMonth(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyEmployment, { description: "End an employment. Stale expectedVersion → CONFLICT." })
  endWageSubsidyEmployment(@Arg("input", () => EndWageSubsidyEmploymentInput) input: EndWageSubsidyEmploymentInput, @Ctx() ctx: RequestContext) {
    return new WageSubsidyService(ctx).end(input);
  }

  @FieldResolver(() => [WageSubsidyMonth], { description: "Recorded months, oldest first: the first `first` (default 25, at most 100)." })
  months(@Root() e: WageSubsidyEmployment, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(ctx
      .loader<number, WageSubsidyMonth[]>("eb.wageSubsidyMonths", async (ids) =>
        groupByKeys(ids, await ctx.ds.manager.find(WageSubsidyMonth, { where: { employmentId: In([...ids]) }, order: { month: "ASC" } }), (m) => m.employmentId),
      )
      .load(e.id), first);
  }
}
