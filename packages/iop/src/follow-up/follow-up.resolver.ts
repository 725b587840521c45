import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, LocalDateScalar, MaxItems, PageArgs, todayLocalDate, type LocalDate, type RequestContext, rangeArg, YEAR_RANGE, versionArg } from "@arbetsliv/core";
import { IopScopes } from "../scopes";
import { loadById, loadMany } from "../shared/loaders";
import { pageOf } from "../shared/helpers";
import { MAX_EVALUATION_TEMPLATES, MAX_QUESTIONS } from "../shared/list-limits";
import { Deviation } from "./deviation.entity";
import { Evaluation, EvaluationAnswer } from "./evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "./evaluation-template.entity";
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

@Resolver(() => EvaluationTemplate)
export class EvaluationTemplateResolver {
  @Authorized(IopScopes.READ)
  @Query(() => [EvaluationTemplate], { description: `Utvärderingsmallar (few; not paginated; at most ${MAX_EVALUATION_TEMPLATES}).` })
  @MaxItems(MAX_EVALUATION_TEMPLATES)
  iopEvaluationTemplates(@Ctx() ctx: RequestContext) {
    return followUpService(ctx).templates();
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => EvaluationTemplate)
  createIopEvaluationTemplate(@Arg("input", () => EvaluationTemplateInput) input: EvaluationTemplateInput, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).createTemplate(input);
  }

  @FieldResolver(() => [EvaluationQuestion], { description: "In order." })
  @MaxItems(MAX_QUESTIONS)
  questions(@Root() t: EvaluationTemplate, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "questionsByTemplate", EvaluationQuestion, "templateId", t.id, { position: "ASC" });
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Authorized(IopScopes.READ)
  @Query(() => FollowUpDueConnection, { description: "Follow-ups due on a day: agreements in force whose next period has ended without one." })
  async iopFollowUpsDue(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) asOf: LocalDate | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return pageOf(await followUpService(ctx).followUpsDue(asOf ?? todayLocalDate()), page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => MissingReportConnection, { description: "Yearly reports (verksamhetsberättelse, -plan, kvalitetsbilaga) required for a year and not received." })
  async iopMissingReports(@Arg("year", () => Int, rangeArg("year", ...YEAR_RANGE)) year: number, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext) {
    return pageOf(await followUpService(ctx).missingReports(year), page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => DeviationConnection, { description: "Avvikelser, newest first." })
  iopDeviations(@Args(() => DeviationListArgs) args: DeviationListArgs, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).deviations(args);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Evaluation, { description: "Record a follow-up of a period: the template's answers and any deviations found." })
  recordIopEvaluation(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => EvaluationInput) input: EvaluationInput, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).recordEvaluation(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Deviation)
  reportIopDeviation(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => DeviationInput) input: DeviationInput, @Ctx() ctx: RequestContext) {
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
  @Mutation(() => YearlyReport, { description: "Register a yearly report received (once per agreement, year and kind)." })
  registerIopYearlyReport(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => YearlyReportInput) input: YearlyReportInput, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).registerYearlyReport(agreementId, input);
  }

  @FieldResolver(() => [EvaluationAnswer])
  @MaxItems(MAX_QUESTIONS)
  answers(@Root() e: Evaluation, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "answersByEvaluation", EvaluationAnswer, "evaluationId", e.id, { id: "ASC" });
  }

  @FieldResolver(() => EvaluationTemplate)
  template(@Root() e: Evaluation, @Ctx() ctx: RequestContext) {
    return loadById(ctx, "templateById", EvaluationTemplate, e.templateId);
  }
}
