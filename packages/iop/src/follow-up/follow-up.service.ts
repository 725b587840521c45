import { In, type EntityManager } from "typeorm";
import {
  AccessAction,
  idempotentCreate,
  ConflictError,
  refuseBeyondMaxItems,
  NotFoundError,
  assertVersion,
  ValidationError,
  compareKeys,
  pageOfList,
  type Connection,
  type PageArgs,
  type Moved,
  type RequestContext,
} from "@arbetsliv/core";
import { todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { inTransaction, isUniqueViolation, updateVersioned, toId, pageOfQuery } from "@arbetsliv/core/data";
import { Agreement } from "../agreement/agreement.entity";
import { AgreementStatus } from "../agreement/agreement.enums";
import { assertOrder, assertYear, yearBounds } from "../shared/helpers";
import { MAX_EVALUATION_TEMPLATES } from "../shared/list-limits";
import { Deviation } from "./deviation.entity";
import { Evaluation, EvaluationAnswer } from "./evaluation.entity";
import { EvaluationQuestion, EvaluationTemplate } from "./evaluation-template.entity";
import { YearlyReportKind } from "./follow-up.enums";
import type {
  DeviationInput,
  DeviationListArgs,
  EvaluationInput,
  EvaluationTemplateInput,
  ResolveDeviationInput,
  YearlyReportInput,
} from "./follow-up.inputs";
import { checkAnswers, daysOverdue, nextFollowUpPeriod } from "./follow-up.rules";
import type { FollowUpDueType, MissingReportType } from "./follow-up.types";
import { YearlyReport } from "./yearly-report.entity";
import { findAgreement } from "../agreement/find-agreement";
import { logIopChange } from "../shared/change-log";

/** Evaluation template, follow-ups per period, deviations and yearly reports. */
/** A missing report list is by agreement, then kind in this order. */
const REPORT_ORDER = [
  YearlyReportKind.ACTIVITY_REPORT,
  YearlyReportKind.ACTIVITY_PLAN,
  YearlyReportKind.QUALITY_APPENDIX,
] as const;

/** The computed lists' orders, which their cursors hold: by due date, then agreement. */
const FOLLOW_UPS_DUE = { name: "followUpsDue", keyOf: (r: FollowUpDueType) => [r.dueDate, r.agreement.id] };
const MISSING_REPORTS = {
  name: "missingReports",
  keyOf: (r: MissingReportType) => [r.agreement.id, REPORT_ORDER.indexOf(r.kind)],
};

export class FollowUpService {
  constructor(private readonly ctx: RequestContext) {}

  templates(): Promise<EvaluationTemplate[]> {
    return this.ctx.ds.manager.find(EvaluationTemplate, { order: { name: "ASC" } });
  }

  async createTemplate(input: EvaluationTemplateInput): Promise<EvaluationTemplate> {
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        if (await manager.exists(EvaluationTemplate, { where: { name: input.name } })) throw templateTaken(input.name);
        await refuseBeyondMaxItems(manager, EvaluationTemplate, MAX_EVALUATION_TEMPLATES, "evaluation templates");
        const template = manager.create(EvaluationTemplate, {
          name: input.name,
          description: input.description ?? null,
        });
        await manager.save(template);
        await manager.insert(
          EvaluationQuestion,
          input.questions.map((q, i) => ({
            templateId: template.id,
            position: i + 1,
            text: q.text,
            answerType: q.answerType,
            required: q.required,
          })),
        );
        await logIopChange(
          this.ctx,
          manager,
          AccessAction.CREATE,
          "Mutation.createIopEvaluationTemplate",
          "IopEvaluationTemplate",
          [template.id],
        );
        return template;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw templateTaken(input.name);
      throw e;
    }
  }

  async recordEvaluation(agreement: Moved<string>, input: EvaluationInput): Promise<Evaluation> {
    const agreementId = toId(agreement.field, agreement.value);
    input.deviations.forEach((d, i) => {
      // The deviation input is shared with reportIopDeviation; here the follow-up's agreement is theirs.
      const field = `input.deviations.${i}.agreementId`;
      if (d.agreementId != null && toId(field, d.agreementId) !== agreementId)
        throw new ValidationError(field, "conflict", {
          en: "must be left out: a follow-up's deviations belong to its agreement",
          sv: "ska utelämnas: avvikelser i en uppföljning hör till uppföljningens överenskommelse",
        });
    });
    assertOrder("input.periodEnd", input.periodStart, input.periodEnd, "input.periodStart");
    assertOrder("input.conductedOn", input.periodStart, input.conductedOn, "input.periodStart");
    input.deviations.forEach((d, i) =>
      assertOrder(`input.deviations.${i}.detectedOn`, input.periodStart, d.detectedOn, "input.periodStart"),
    );
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.recordIopEvaluation",
        key: input.idempotencyKey,
        input: { ...input, agreementId },
        create: (manager) => this.recordEvaluationIn(manager, agreementId, agreement.field, input),
        idOf: (row) => row.id,
        reread: (id) => this.ctx.ds.manager.findOneOrFail(Evaluation, { where: { id: Number(id) } }),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw evaluationTaken(input.periodEnd);
      throw e;
    }
  }

  /** The create itself, inside the caller's transaction (it opens none). */
  private async recordEvaluationIn(
    manager: EntityManager,
    agreementId: number,
    agreementField: string,
    input: EvaluationInput,
  ): Promise<Evaluation> {
    const agreement = await findAgreement(manager, agreementId);
    if (agreement.status === AgreementStatus.DRAFT)
      throw new ValidationError(agreementField, "signed", {
        en: "a draft agreement is not followed up",
        sv: "en överenskommelse som är ett utkast följs inte upp",
      });
    if (input.periodStart < agreement.startDate) {
      throw new ValidationError("input.periodStart", "in-period", {
        en: `must not be before the agreement starts (${agreement.startDate})`,
        sv: `får inte vara före överenskommelsens startdag (${agreement.startDate})`,
      });
    }
    const templateValue =
      input.templateId ?? (agreement.evaluationTemplateId !== null ? String(agreement.evaluationTemplateId) : null);
    if (templateValue === null)
      throw new ValidationError("input.templateId", "required", {
        en: "the agreement has no evaluation template; give one",
        sv: "överenskommelsen har ingen utvärderingsmall; ange en",
      });
    const templateId = toId("input.templateId", templateValue);
    const questions = await manager.find(EvaluationQuestion, { where: { templateId } });
    if (questions.length === 0)
      throw new ValidationError("input.templateId", "exists", {
        en: "is not an evaluation template",
        sv: "är inte en utvärderingsmall",
      });
    const answers = checkAnswers(
      questions,
      input.answers.map((a, i) => ({
        questionId: toId(`input.answers.${i}.questionId`, a.questionId),
        text: a.text,
        number: a.number,
        yes: a.yes,
      })),
    );
    if (await manager.exists(Evaluation, { where: { agreementId, periodEnd: input.periodEnd } }))
      throw evaluationTaken(input.periodEnd);
    const evaluation = manager.create(Evaluation, {
      agreementId,
      templateId,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      conductedOn: input.conductedOn,
      conductedBy: input.conductedBy,
      summary: input.summary ?? null,
    });
    await manager.save(evaluation);
    await manager.insert(
      EvaluationAnswer,
      answers.map((a) => ({ ...a, evaluationId: evaluation.id })),
    );
    if (input.deviations.length) {
      await manager.insert(
        Deviation,
        input.deviations.map((d) => deviationRow(agreementId, evaluation.id, d)),
      );
    }
    await logIopChange(this.ctx, manager, AccessAction.CREATE, "Mutation.recordIopEvaluation", "IopEvaluation", [
      evaluation.id,
    ]);
    return evaluation;
  }

  async reportDeviation(agreement: Moved<string>, input: DeviationInput): Promise<Deviation> {
    const agreementId = toId(agreement.field, agreement.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const found = await findAgreement(manager, agreementId);
      assertOrder("input.detectedOn", found.startDate, input.detectedOn, {
        en: "the agreement's start",
        sv: "överenskommelsens startdag",
      });
      const deviation = manager.create(Deviation, deviationRow(agreementId, null, input));
      await manager.save(deviation);
      await logIopChange(this.ctx, manager, AccessAction.CREATE, "Mutation.reportIopDeviation", "IopDeviation", [
        deviation.id,
      ]);
      return deviation;
    });
  }

  async resolveDeviation(
    ref: Moved<string>,
    input: ResolveDeviationInput,
    expectedVersion: number,
  ): Promise<Deviation> {
    const id = toId(ref.field, ref.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const deviation = await manager.findOne(Deviation, { where: { id } });
      if (!deviation) throw new NotFoundError("IopDeviation", id);
      assertVersion("IopDeviation", id, expectedVersion, deviation.version);
      if (deviation.resolvedOn !== null)
        throw new ValidationError(ref.field, "open", {
          en: `was already resolved on ${deviation.resolvedOn}`,
          sv: `åtgärdades redan ${deviation.resolvedOn}`,
        });
      assertOrder("input.resolvedOn", deviation.detectedOn, input.resolvedOn, {
        en: "the day it was detected",
        sv: "dagen då den upptäcktes",
      });
      await updateVersioned(manager, Deviation, "IopDeviation", id, expectedVersion, {
        resolvedOn: input.resolvedOn,
        measures: input.measures,
      });
      await logIopChange(this.ctx, manager, AccessAction.UPDATE, "Mutation.resolveIopDeviation", "IopDeviation", [id]);
      return manager.findOneOrFail(Deviation, { where: { id } });
    });
  }

  async registerYearlyReport(agreement: Moved<string>, input: YearlyReportInput): Promise<YearlyReport> {
    const agreementId = toId(agreement.field, agreement.value);
    assertYear("input.year", input.year);
    if (input.kind === YearlyReportKind.ACTIVITY_REPORT && input.individualsServed == null) {
      throw new ValidationError("input.individualsServed", "required", {
        en: "an activity report states the number of individuals served",
        sv: "en verksamhetsberättelse anger antalet individer som tagit del av insatsen",
      });
    }
    try {
      return await idempotentCreate(this.ctx, {
        operation: "Mutation.registerIopYearlyReport",
        key: input.idempotencyKey,
        input: { ...input, agreementId },
        create: (manager) => this.registerYearlyReportIn(manager, agreementId, input),
        idOf: (row) => row.id,
        reread: (id) => this.ctx.ds.manager.findOneOrFail(YearlyReport, { where: { id: Number(id) } }),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw reportTaken(input.kind, input.year);
      throw e;
    }
  }

  /** The create itself, inside the caller's transaction (it opens none). */
  private async registerYearlyReportIn(
    manager: EntityManager,
    agreementId: number,
    input: YearlyReportInput,
  ): Promise<YearlyReport> {
    const agreement = await findAgreement(manager, agreementId);
    const { start, end } = yearBounds(input.year);
    const inForce =
      agreement.status !== AgreementStatus.DRAFT &&
      agreement.startDate <= end &&
      (agreement.finalEndDate === null || agreement.finalEndDate >= start);
    if (!inForce)
      throw new ValidationError("input.year", "in-period", {
        en: `the agreement is not in force in ${input.year}`,
        sv: `överenskommelsen gäller inte under ${input.year}`,
      });
    if (await manager.exists(YearlyReport, { where: { agreementId, year: input.year, kind: input.kind } }))
      throw reportTaken(input.kind, input.year);
    const report = manager.create(YearlyReport, {
      agreementId,
      year: input.year,
      kind: input.kind,
      receivedOn: input.receivedOn,
      individualsServed: input.individualsServed ?? null,
      notes: input.notes ?? null,
    });
    await manager.save(report);
    await logIopChange(this.ctx, manager, AccessAction.CREATE, "Mutation.registerIopYearlyReport", "IopYearlyReport", [
      report.id,
    ]);
    return report;
  }

  /** A page of the follow-ups due on asOf (today by default). */
  async followUpsDuePage(asOf: LocalDate | undefined, page: PageArgs): Promise<Connection<FollowUpDueType>> {
    return pageOfList(await this.followUpsDue(asOf ?? todayLocalDate()), page, FOLLOW_UPS_DUE);
  }

  /** Agreements in force on asOf whose next follow-up period has ended without a follow-up. */
  async followUpsDue(asOf: LocalDate): Promise<FollowUpDueType[]> {
    const agreements = await this.ctx.ds
      .getRepository(Agreement)
      .createQueryBuilder("a")
      .where("a.status <> :draft AND a.startDate <= :on AND (a.finalEndDate IS NULL OR a.finalEndDate >= :on)", {
        draft: AgreementStatus.DRAFT,
        on: asOf,
      })
      .andWhere("a.followUpIntervalMonths IS NOT NULL")
      .getMany();
    if (agreements.length === 0) return [];
    const last = await this.ctx.ds
      .getRepository(Evaluation)
      .createQueryBuilder("e")
      .select("e.agreementId", "agreementId")
      .addSelect("MAX(e.periodEnd)", "lastEnd")
      .where("e.agreementId IN (:...ids)", { ids: agreements.map((a) => a.id) })
      .groupBy("e.agreementId")
      .getRawMany<{ agreementId: number; lastEnd: string | Date }>();
    const lastEnd = new Map(
      last.map((r) => [
        Number(r.agreementId),
        typeof r.lastEnd === "string" ? r.lastEnd.slice(0, 10) : r.lastEnd.toISOString().slice(0, 10),
      ]),
    );
    const due: FollowUpDueType[] = [];
    for (const agreement of agreements) {
      const lastFollowedUpUntil = lastEnd.get(agreement.id) ?? null;
      const next = nextFollowUpPeriod(
        agreement.startDate,
        lastFollowedUpUntil,
        agreement.followUpIntervalMonths!,
        agreement.finalEndDate,
      );
      if (next && next.dueDate <= asOf)
        due.push({ agreement, lastFollowedUpUntil, ...next, daysOverdue: daysOverdue(next.dueDate, asOf) });
    }
    return due.sort((x, y) => compareKeys(FOLLOW_UPS_DUE.keyOf(x), FOLLOW_UPS_DUE.keyOf(y)));
  }

  /** A page of the reports missing for the year. */
  async missingReportPage(year: number, page: PageArgs): Promise<Connection<MissingReportType>> {
    return pageOfList(await this.missingReports(year), page, MISSING_REPORTS);
  }

  /** Reports the agreements in force during the year require and the partner has not sent. */
  async missingReports(year: number): Promise<MissingReportType[]> {
    assertYear("year", year);
    const { start, end } = yearBounds(year);
    const agreements = await this.ctx.ds
      .getRepository(Agreement)
      .createQueryBuilder("a")
      .where("a.status <> :draft AND a.startDate <= :end AND (a.finalEndDate IS NULL OR a.finalEndDate >= :start)", {
        draft: AgreementStatus.DRAFT,
        start,
        end,
      })
      .andWhere("(a.requiresActivityReport = 1 OR a.requiresActivityPlan = 1 OR a.requiresQualityAppendix = 1)")
      .orderBy("a.id", "ASC")
      .getMany();
    if (agreements.length === 0) return [];
    const received = await this.ctx.ds.manager.find(YearlyReport, {
      where: { year, agreementId: In(agreements.map((a) => a.id)) },
    });
    const has = new Set(received.map((r) => `${r.agreementId}:${r.kind}`));
    const missing: MissingReportType[] = [];
    for (const agreement of agreements) {
      const required = [
        agreement.requiresActivityReport,
        agreement.requiresActivityPlan,
        agreement.requiresQualityAppendix,
      ];
      REPORT_ORDER.forEach((kind, i) => {
        if (required[i] && !has.has(`${agreement.id}:${kind}`)) missing.push({ agreement, year, kind });
      });
    }
    return missing;
  }

  async deviations(args: DeviationListArgs): Promise<Connection<Deviation>> {
    const f = args.filter ?? {};
    if (f.from && f.to) assertOrder("filter.to", f.from, f.to, "filter.from");
    const qb = this.ctx.ds.getRepository(Deviation).createQueryBuilder("d");
    if (f.from) qb.andWhere("d.detectedOn >= :from", { from: f.from });
    if (f.to) qb.andWhere("d.detectedOn <= :to", { to: f.to });
    if (f.agreementId)
      qb.andWhere("d.agreementId = :agreementId", { agreementId: toId("filter.agreementId", f.agreementId) });
    if (f.open === true) qb.andWhere("d.resolvedOn IS NULL");
    if (f.open === false) qb.andWhere("d.resolvedOn IS NOT NULL");
    return pageOfQuery(qb.orderBy("d.detectedOn", "DESC").addOrderBy("d.id", "DESC"), args);
  }
}

function deviationRow(agreementId: number, evaluationId: number | null, d: DeviationInput): Partial<Deviation> {
  return {
    agreementId,
    evaluationId,
    detectedOn: d.detectedOn,
    severity: d.severity,
    description: d.description,
    measures: d.measures ?? null,
    resolvedOn: null,
  };
}

function templateTaken(name: string) {
  return new ConflictError(
    {
      en: `An evaluation template named "${name}" already exists`,
      sv: `Det finns redan en utvärderingsmall med namnet "${name}"`,
    },
    { field: "input.name" },
  );
}
function evaluationTaken(periodEnd: LocalDate) {
  return new ConflictError(
    {
      en: `A follow-up of the period ending ${periodEnd} is already recorded for this agreement`,
      sv: `En uppföljning av perioden som slutar ${periodEnd} är redan registrerad för den här överenskommelsen`,
    },
    { field: "input.periodEnd" },
  );
}
/** The report's Swedish name, for the Swedish message. */
const REPORT_NAME_SV: Record<YearlyReportKind, string> = {
  [YearlyReportKind.ACTIVITY_REPORT]: "verksamhetsberättelse",
  [YearlyReportKind.ACTIVITY_PLAN]: "verksamhetsplan",
  [YearlyReportKind.QUALITY_APPENDIX]: "kvalitetsbilaga",
};
function reportTaken(kind: YearlyReportKind, year: number) {
  return new ConflictError(
    {
      en: `A ${kind} for ${year} is already registered for this agreement`,
      sv: `En ${REPORT_NAME_SV[kind]} (${kind}) för ${year} är redan registrerad för den här överenskommelsen`,
    },
    { field: "input.kind" },
  );
}

export function followUpService(ctx: RequestContext): FollowUpService {
  return new FollowUpService(ctx);
}
