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
    description:
      "Växla bidrag mot lön (swapping benefit for wages): subsidised employments of people who left försörjningsstöd, oldest first, optionally those running on a date. People from households hidden from the caller (protected identity) are left out. Access-logged.",
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
    description:
      "Register a person who leaves försörjningsstöd for a subsidised job; the employment starts at version 1.",
  })
  registerWageSubsidyEmployment(
    @Arg("input", () => RegisterWageSubsidyEmploymentInput, { description: "The person and the employment." })
    input: RegisterWageSubsidyEmploymentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).register(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyMonth, {
    description:
      "Record a month's personnel cost, subsidy and assistance not paid; once per month and employment (a second time → CONFLICT).",
  })
  recordWageSubsidyMonth(
    @Arg("input", () => RecordWageSubsidyMonthInput, { description: "The employment, the month and its figures." })
    input: RecordWageSubsidyMonthInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).recordMonth(input);
  }

  @Authorized(S.WRITE)
  @Mutation(() => WageSubsidyEmployment, {
    description: "End an employment; returns it with its new version. Stale input.expectedVersion → CONFLICT.",
  })
  endWageSubsidyEmployment(
    @Arg("input", () => EndWageSubsidyEmploymentInput, { description: "The employment, its version and its end date." })
    input: EndWageSubsidyEmploymentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return wageSubsidyService(ctx).end(input);
  }
}
