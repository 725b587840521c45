import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  ConnectionType,
  MaxItems,
  PageArgs,
  requiredMovedArgument,
  movedArgOptions,
  requiredMoved,
  movedVersionArgOptions,
  type RequestContext,
} from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate, rangeArg, YEAR_RANGE } from "@arbetsliv/core/values";
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
    description: `Utvärderingsmallar — the evaluation templates follow-ups answer, by name (few; not paged; at most ${MAX_EVALUATION_TEMPLATES}). Scope iop:read.`,
  })
  @MaxItems(MAX_EVALUATION_TEMPLATES)
  iopEvaluationTemplates(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readList(ctx, info, evaluationTemplateGraph, () => followUpService(ctx).templates());
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => EvaluationTemplate, {
    description: `Create an evaluation template (utvärderingsmall) with its questions; a taken name is CONFLICT (at most ${MAX_EVALUATION_TEMPLATES} templates). Scope iop:write.`,
  })
  createIopEvaluationTemplate(
    @Arg("input", () => EvaluationTemplateInput, { description: "The template's name, description and questions." })
    input: EvaluationTemplateInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).createTemplate(input);
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Authorized(IopScopes.READ)
  @Query(() => FollowUpDueConnection, {
    description:
      "Follow-ups (uppföljningar) due on a day: agreements in force with a follow-up interval whose next period has ended without a follow-up, earliest due first. Scope iop:read.",
  })
  iopFollowUpsDue(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "The day to look from; defaults to today." })
    asOf: LocalDate | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).followUpsDuePage(asOf, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => MissingReportConnection, {
    description:
      "Yearly reports (verksamhetsberättelse, verksamhetsplan, kvalitetsbilaga) that agreements in force in a year require and the partner has not sent, by agreement. Scope iop:read.",
  })
  iopMissingReports(
    @Arg("year", () => Int, { description: "The year the reports cover.", ...rangeArg("year", ...YEAR_RANGE) })
    year: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).missingReportPage(year, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => DeviationConnection, {
    description:
      "Avvikelser — deviations from what agreements and the board decided, newest detected first. Scope iop:read.",
  })
  iopDeviations(@Args(() => DeviationListArgs) args: DeviationListArgs, @Ctx() ctx: RequestContext) {
    return followUpService(ctx).deviations(args);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Evaluation, {
    description:
      "Record a follow-up (uppföljning) of a period: the template's answers and any deviations found; once per agreement and period end (again is CONFLICT); with input.idempotencyKey a retry answers the first result. Scope iop:write.",
  })
  recordIopEvaluation(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions("agreementId", "The agreement followed up. Deprecated: give input.agreementId instead."),
    )
    agreementId: string | undefined,
    @Arg("input", () => EvaluationInput, { description: "The agreement (agreementId) and the follow-up." })
    input: EvaluationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).recordEvaluation(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Deviation, {
    description:
      "Report a deviation (avvikelse) found outside a follow-up; answers the new, open deviation. Scope iop:write.",
  })
  reportIopDeviation(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions(
        "agreementId",
        "The agreement the deviation concerns. Deprecated: give input.agreementId instead.",
      ),
    )
    agreementId: string | undefined,
    @Arg("input", () => DeviationInput, { description: "The agreement (agreementId) and the deviation." })
    input: DeviationInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).reportDeviation(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Deviation, {
    description:
      "Resolve an open deviation; answers it with its new version. Resolving one already resolved is refused; a stale expectedVersion is CONFLICT. Scope iop:write.",
  })
  resolveIopDeviation(
    @Arg("id", () => ID, movedArgOptions("id", "The deviation to resolve. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => ResolveDeviationInput, {
      description: "The deviation (id), the version you read, and how it was resolved.",
    })
    input: ResolveDeviationInput,
    @Arg(
      "expectedVersion",
      () => Int,
      movedVersionArgOptions(
        "The version you read (optimistic locking). Deprecated: give input.expectedVersion instead.",
      ),
    )
    expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).resolveDeviation(
      requiredMoved("id", input.id, id),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => YearlyReport, {
    description:
      "Register a yearly report received (once per agreement, year and kind; again is CONFLICT); with input.idempotencyKey a retry answers the first result. Scope iop:write.",
  })
  registerIopYearlyReport(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions("agreementId", "The agreement reported under. Deprecated: give input.agreementId instead."),
    )
    agreementId: string | undefined,
    @Arg("input", () => YearlyReportInput, { description: "The agreement (agreementId) and the report." })
    input: YearlyReportInput,
    @Ctx() ctx: RequestContext,
  ) {
    return followUpService(ctx).registerYearlyReport(
      requiredMoved("agreementId", input.agreementId, agreementId),
      input,
    );
  }
}
