import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, MaxItems, PageArgs, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, rangeArg, YEAR_RANGE, versionArg } from "@arbetsliv/core/values";
import { readList } from "@arbetsliv/core/read";
import { IopScopes } from "../scopes";
import { MAX_EVALUATION_TEMPLATES } from "../shared/list-limits";
import { Deviation } from "./deviation.entity";
import { Evaluation } from "./evaluation.entity";
import { EvaluationTemplate } from "./evaluation-template.entity";
import { evaluationTemplateGraph } from "./follow-up.graph";
import {
  DeviationInput,
  DeviationListArgs,
  EvaluationInput,
  EvaluationTemplateInput,
  ResolveDeviationInput,
  YearlyReportInput,
} from "./follow-up.inputs";
import { followUpService } from "./follow-up.service";
import { FollowUpDueType, MissingReportType } from "./follow-up.types";
import { YearlyReport } from "./yearly-report.entity";

const DeviationConnection = ConnectionType(Deviation, "IopDeviation");
const FollowUpDueConnection = ConnectionType(FollowUpDueType, "IopFollowUpDue");
const MissingReportConnection = ConnectionType(MissingReportType, "IopMissingReport");

// The questions, answers and template of a follow-up are declared in follow-up.graph.ts.
@Resolver(() => EvaluationTemplate)
export class EvaluationTemplateResolver {
  @Authorized(IopScopes.READ)
  @Query(() => [EvaluationTemplate], {
    description: `Utvärderingsmallar (few; not paginated; at most ${MAX_EVALUATION_TEMPLATES}).`,
  })
  @MaxItems(MAX_EVALUATION_TEMPLATES)
  iopEvaluationTemplates(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readList(ctx, info, evaluationTemplateGraph, () => followUpService(ctx).templates());
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => EvaluationTemplate)
  createIopEvaluationTemplate(
    @Arg("input", () => EvaluationTemplateInput) input: EvaluationTemplateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).createTemplate(input);
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Authorized(IopScopes.READ)
  @Query(() => FollowUpDueConnection, {
    description: "Follow-ups due on a day: agreements in force whose next period has ended without one.",
  })
  iopFollowUpsDue(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." })
    asOf: LocalDate | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).followUpsDuePage(asOf, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => MissingReportConnection, {
    description: "Yearly reports (verksamhetsberättelse, -plan, kvalitetsbilaga) required for a year and not received.",
  })
  iopMissingReports(
    @Arg("year", () => Int, rangeArg("year", ...YEAR_RANGE)) year: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).missingReportPage(year, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => DeviationConnection, { description: "Avvikelser, newest first." })
  iopDeviations(@Args(() => DeviationListArgs) args: DeviationListArgs, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).deviations(args);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Evaluation, {
    description: "Record a follow-up of a period: the template's answers and any deviations found.",
  })
  recordIopEvaluation(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => EvaluationInput) input: EvaluationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).recordEvaluation(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Deviation)
  reportIopDeviation(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => DeviationInput) input: DeviationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).reportDeviation(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Deviation)
  resolveIopDeviation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ResolveDeviationInput) input: ResolveDeviationInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).resolveDeviation(id, input, expectedVersion);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => YearlyReport, {
    description: "Register a yearly report received (once per agreement, year and kind).",
  })
  registerIopYearlyReport(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => YearlyReportInput) input: YearlyReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).registerYearlyReport(agreementId, input);
  }
}
