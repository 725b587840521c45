import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
import { readPage } from "@arbetsliv/core/read";
import { EkonomisktBistandScopes as S } from "../scopes";
import {
  EndWageSubsidyEmploymentInput,
  RecordWageSubsidyMonthInput,
  RegisterWageSubsidyEmploymentInput,
  WageSubsidyListArgs,
} from "./wage-subsidy.inputs";
import { wageSubsidyService } from "./wage-subsidy.service";
import { WageSubsidyEmployment, WageSubsidyMonth } from "./wage-subsidy.entity";
import { wageSubsidyEmploymentGraph } from "./wage-subsidy.graph";

const EmploymentConnection = ConnectionType(WageSubsidyEmployment, "WageSubsidyEmployment");

@Resolver(() => WageSubsidyEmployment)
export class WageSubsidyResolver {
  @Authorized(S.READ)
  @Query(() => EmploymentConnection, {
    description: "Växla bidrag mot lön: employments, optionally those running on a date. Access-logged.",
  })
  wageSubsidyEmployments(
    @Args(() => WageSubsidyListArgs) args: WageSubsidyListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The list joins the households (protected identity) and logs every identity number: it reads whole rows.
    return readPage(ctx, info, wageSubsidyEmploymentGraph, () => wageSubsidyService(ctx).list(args));
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyEmployment, {
    description: "Register a person who leaves försörjningsstöd for a subsidised job.",
  })
  registerWageSubsidyEmployment(
    @Arg("input", () => RegisterWageSubsidyEmploymentInput) input: RegisterWageSubsidyEmploymentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).register(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyMonth, {
    description: "Record a month's personnel cost, subsidy and assistance not paid (once per month).",
  })
  recordWageSubsidyMonth(
    @Arg("input", () => RecordWageSubsidyMonthInput) input: RecordWageSubsidyMonthInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).recordMonth(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyEmployment, { description: "End an employment. Stale expectedVersion → CONFLICT." })
  endWageSubsidyEmployment(
    @Arg("input", () => EndWageSubsidyEmploymentInput) input: EndWageSubsidyEmploymentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).end(input);
  }
}
