import { In, type EntityManager } from "typeorm";
import { agreementRegistered, agreementEnded, type AgreementRegisteredData } from "../events";
import {
  AccessAction,
  idempotentCreate,
  recordEvent,
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
import { oreToKronor, todayLocalDate, daysBetween, type LocalDate } from "@arbetsliv/core/values";
import {
  inTransaction,
  isUniqueViolation,
  updateVersioned,
  toId,
  pageOfQuery,
  findEntityById,
  selectColumns,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { EvaluationTemplate } from "../follow-up/evaluation-template.entity";
import { assertOrder } from "../shared/helpers";
import { MAX_FUNDING_BUDGETS } from "../shared/list-limits";
import { AgreementContact } from "./agreement-contact.entity";
import { Agreement } from "./agreement.entity";
import { AgreementEventKind, AgreementStatus } from "./agreement.enums";
import type {
  AgreementFilter,
  AgreementInput,
  AgreementTermsInput,
  AgreementListArgs,
  BoardDecisionInput,
  ContactInput,
  CreateAgreementInput,
  FundingBudgetInput,
  NoticeInput,
  PartnerInput,
  PartnerListArgs,
  StatusChangeInput,
} from "./agreement.inputs";
import type { AgreementEventType, NoticeDeadlineType, TermType } from "./agreement.types";
import { BoardDecision } from "./board-decision.entity";
import { FundingBudget } from "./funding-budget.entity";
import { Partner } from "./partner.entity";
import {
  activeFinalEnd,
  decisionNeededBy,
  endAfterNotice,
  nextNoticeDeadline,
  renewalProjection,
  renewalsBetween,
} from "./renewal.rules";
import { planNotice, planStatusChange } from "./status.rules";
import { StatusChange } from "./status-change.entity";
import { logIopChange } from "../shared/change-log";

const ENDED = [AgreementStatus.TERMINATED, AgreementStatus.EXPIRED];
const NOT_NEGATIVE = { en: "must not be negative", sv: "får inte vara negativt" };
const NOT_A_TEMPLATE = { en: "is not an evaluation template", sv: "är inte en utvärderingsmall" };

/** Partners and agreements: registration, terms, status flow, notice, and the date-rule queries. */
/** The computed lists' orders, which their cursors hold. */
const NOTICE_DEADLINES = {
  name: "noticeDeadlines",
  keyOf: (r: NoticeDeadlineType) => [r.noticeDeadline, r.agreement.id],
};
/** Events by date, then agreement, then kind as the agreement lives them (a wind-down last). */
const EVENT_KIND_ORDER = [
  AgreementEventKind.STARTS,
  AgreementEventKind.RENEWS,
  AgreementEventKind.ENDS,
  AgreementEventKind.REPLACED,
  AgreementEventKind.WINDS_DOWN,
];
const AGREEMENT_EVENTS = {
  name: "agreementEvents",
  keyOf: (e: AgreementEventType) => [e.date, e.agreement.id, EVENT_KIND_ORDER.indexOf(e.kind)],
};

export class AgreementService {
  constructor(private readonly ctx: RequestContext) {}

  private get actor(): string {
    return this.ctx.principal?.subject ?? "anonymous";
  }

  async logChange(
    manager: EntityManager,
    action: AccessAction,
    operation: string,
    recordType: string,
    ids: number[],
  ): Promise<void> {
    await logIopChange(this.ctx, manager, action, operation, recordType, ids);
  }

  // ---- partners ----

  /** A page of partners by name; `columns` narrows what is read (the read layer's projection). */
  async listPartners(args: PartnerListArgs, columns?: Projection<Partner>): Promise<Connection<Partner>> {
    const qb = selectColumns(this.ctx.ds.getRepository(Partner).createQueryBuilder("p"), columns);
    if (args.filter?.name) qb.andWhere("LOWER(p.name) LIKE :name", { name: `%${args.filter.name.toLowerCase()}%` });
    if (args.filter?.organisationsnummer)
      qb.andWhere("p.organisationsnummer = :orgnr", { orgnr: args.filter.organisationsnummer });
    return pageOfQuery(qb.orderBy("p.name", "ASC").addOrderBy("p.id", "ASC"), args);
  }

  async getPartner(idValue: string): Promise<Partner> {
    const id = toId("id", idValue);
    const partner = await findEntityById(this.ctx.ds.manager, Partner, id);
    if (!partner) throw new NotFoundError("IopPartner", id);
    return partner;
  }

  async createPartner(input: PartnerInput): Promise<Partner> {
    // The input type is shared with updateIopPartner; these two belong to an update only.
    if (input.id != null) throw onlyOnUpdate("input.id");
    if (input.expectedVersion != null) throw onlyOnUpdate("input.expectedVersion");
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        await this.assertOrgnrFree(manager, input.organisationsnummer, null);
        const partner = manager.create(Partner, partnerColumns(input));
        await manager.save(partner);
        await this.logChange(manager, AccessAction.CREATE, "Mutation.createIopPartner", "IopPartner", [partner.id]);
        return partner;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw orgnrTaken(input.organisationsnummer);
      throw e;
    }
  }

  async updatePartner(partner: Moved<string>, input: PartnerInput, expectedVersion: number): Promise<Partner> {
    const id = toId(partner.field, partner.value);
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        await this.assertOrgnrFree(manager, input.organisationsnummer, id);
        await updateVersioned(manager, Partner, "IopPartner", id, expectedVersion, partnerColumns(input));
        await this.logChange(manager, AccessAction.UPDATE, "Mutation.updateIopPartner", "IopPartner", [id]);
        return manager.findOneOrFail(Partner, { where: { id } });
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw orgnrTaken(input.organisationsnummer);
      throw e;
    }
  }

  private async assertOrgnrFree(manager: EntityManager, orgnr: string, exceptId: number | null): Promise<void> {
    const other = await manager.findOne(Partner, { where: { organisationsnummer: orgnr } });
    if (other && other.id !== exceptId) throw orgnrTaken(orgnr);
  }

  /** Every funding budget, by code (at most MAX_FUNDING_BUDGETS). */
  fundingBudgets(): Promise<FundingBudget[]> {
    return this.ctx.ds.manager.find(FundingBudget, { order: { code: "ASC" } });
  }

  async createFundingBudget(input: FundingBudgetInput): Promise<FundingBudget> {
    const taken = () =>
      new ConflictError(
        {
          en: `A funding budget with code ${input.code} already exists`,
          sv: `Det finns redan en budget med koden ${input.code}`,
        },
        { field: "input.code" },
      );
    try {
      return await inTransaction(this.ctx.ds, async (manager) => {
        if (await manager.exists(FundingBudget, { where: { code: input.code } })) throw taken();
        await refuseBeyondMaxItems(manager, FundingBudget, MAX_FUNDING_BUDGETS, "funding budgets");
        const budget = manager.create(FundingBudget, {
          code: input.code,
          name: input.name,
          description: input.description ?? null,
        });
        await manager.save(budget);
        await this.logChange(manager, AccessAction.CREATE, "Mutation.createIopFundingBudget", "IopFundingBudget", [
          budget.id,
        ]);
        return budget;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw taken();
      throw e;
    }
  }

  // ---- agreements ----

  /** A page of agreements; `columns` narrows what is read (the read layer's projection), every column by default. */
  async list(args: AgreementListArgs, columns?: Projection<Agreement>): Promise<Connection<Agreement>> {
    const qb = selectColumns(this.filtered(args.filter ?? {}), columns);
    return pageOfQuery(qb.orderBy("a.startDate", "DESC").addOrderBy("a.id", "DESC"), args);
  }

  private filtered(f: AgreementFilter) {
    const qb = this.ctx.ds.getRepository(Agreement).createQueryBuilder("a");
    if (f.status) qb.andWhere("a.status = :status", { status: f.status });
    if (f.partnerId) qb.andWhere("a.partnerId = :partnerId", { partnerId: toId("filter.partnerId", f.partnerId) });
    if (f.fundingBudgetId)
      qb.andWhere("a.fundingBudgetId = :budgetId", { budgetId: toId("filter.fundingBudgetId", f.fundingBudgetId) });
    if (f.organisationsnummer) {
      qb.andWhere("a.partnerId IN (SELECT p.id FROM iop_partner p WHERE p.organisationsnummer = :orgnr)", {
        orgnr: f.organisationsnummer,
      });
    }
    if (f.inForceOn) {
      qb.andWhere("a.status <> :draft AND a.startDate <= :on AND (a.finalEndDate IS NULL OR a.finalEndDate >= :on)", {
        draft: AgreementStatus.DRAFT,
        on: f.inForceOn,
      });
    }
    return qb;
  }

  async get(idValue: string, field = "id"): Promise<Agreement> {
    const id = toId(field, idValue);
    const agreement = await findEntityById(this.ctx.ds.manager, Agreement, id);
    if (!agreement) throw new NotFoundError("IopAgreement", id);
    return agreement;
  }

  /** Validates terms and references; returns the columns to store. */
  private async termsColumns(
    manager: EntityManager,
    input: AgreementTermsInput,
    selfId: number | null,
  ): Promise<Partial<Agreement>> {
    if (input.endDate) assertOrder("input.endDate", input.startDate, input.endDate, "input.startDate");
    if (input.renewalTermMonths != null && !input.endDate) {
      throw new ValidationError("input.renewalTermMonths", "needs-end", {
        en: "automatic renewal needs input.endDate (the end of the initial period)",
        sv: "automatisk förlängning kräver input.endDate (sista dagen i den första avtalsperioden)",
      });
    }
    if (input.annualServiceFee != null && input.annualServiceFee < 0) {
      throw new ValidationError("input.annualServiceFee", "non-negative", NOT_NEGATIVE);
    }
    const partnerId = toId("input.partnerId", input.partnerId);
    if (!(await manager.exists(Partner, { where: { id: partnerId } }))) {
      throw new ValidationError("input.partnerId", "exists", {
        en: "is not a registered partner",
        sv: "är inte en registrerad idéburen organisation",
      });
    }
    const fundingBudgetId = toId("input.fundingBudgetId", input.fundingBudgetId);
    if (!(await manager.exists(FundingBudget, { where: { id: fundingBudgetId } }))) {
      throw new ValidationError("input.fundingBudgetId", "exists", {
        en: "is not a funding budget (see iopFundingBudgets)",
        sv: "är inte en budget som kan finansiera överenskommelser (se iopFundingBudgets)",
      });
    }
    let evaluationTemplateId: number | null = null;
    if (input.evaluationTemplateId) {
      evaluationTemplateId = toId("input.evaluationTemplateId", input.evaluationTemplateId);
      if (!(await manager.exists(EvaluationTemplate, { where: { id: evaluationTemplateId } }))) {
        throw new ValidationError("input.evaluationTemplateId", "exists", NOT_A_TEMPLATE);
      }
    }
    let predecessorId: number | null = null;
    if (input.predecessorId) {
      predecessorId = toId("input.predecessorId", input.predecessorId);
      const predecessor = await manager.findOne(Agreement, { where: { id: predecessorId } });
      if (!predecessor || predecessorId === selfId)
        throw new ValidationError("input.predecessorId", "exists", {
          en: "is not another agreement",
          sv: "är inte en annan överenskommelse",
        });
      if (predecessor.partnerId !== partnerId)
        throw new ValidationError("input.predecessorId", "same-partner", {
          en: "must be an agreement with the same partner",
          sv: "måste vara en överenskommelse med samma idéburna organisation",
        });
      if (predecessor.startDate >= input.startDate)
        throw new ValidationError("input.predecessorId", "order", {
          en: "must start before this agreement",
          sv: "måste börja före den här överenskommelsen",
        });
    }
    return {
      number: input.number ?? null,
      title: input.title,
      partnerId,
      predecessorId,
      fundingBudgetId,
      purpose: input.purpose ?? null,
      goals: input.goals ?? null,
      services: input.services ?? null,
      municipalityResponsibilities: input.municipalityResponsibilities ?? null,
      partnerResponsibilities: input.partnerResponsibilities ?? null,
      cooperation: input.cooperation ?? null,
      renegotiation: input.renegotiation ?? null,
      responsibleUnit: input.responsibleUnit ?? null,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      renewalTermMonths: input.renewalTermMonths ?? null,
      noticeMonths: input.noticeMonths ?? null,
      annualServiceFee: input.annualServiceFee ?? null,
      followUpIntervalMonths: input.followUpIntervalMonths ?? null,
      evaluationTemplateId,
      requiresActivityReport: input.requiresActivityReport,
      requiresActivityPlan: input.requiresActivityPlan,
      requiresQualityAppendix: input.requiresQualityAppendix,
    };
  }

  /** Registers an agreement; with input.idempotencyKey a retry gets the first answer (core's idempotentCreate). */
  async create(input: CreateAgreementInput): Promise<Agreement> {
    if (input.status !== AgreementStatus.DRAFT && input.status !== AgreementStatus.ACTIVE) {
      throw new ValidationError("input.status", "initial", {
        en: "a new agreement is DRAFT or ACTIVE",
        sv: "en ny överenskommelse har status DRAFT eller ACTIVE",
      });
    }
    return idempotentCreate(this.ctx, {
      operation: "Mutation.createIopAgreement",
      key: input.idempotencyKey,
      input,
      create: (manager) => this.createIn(manager, input),
      idOf: (agreement) => agreement.id,
      reread: (id) => this.get(id),
    });
  }

  /** The create itself, inside the caller's transaction (it opens none). */
  private async createIn(manager: EntityManager, input: CreateAgreementInput): Promise<Agreement> {
    const columns = await this.termsColumns(manager, input, null);
    const agreement = manager.create(Agreement, { ...columns, status: input.status, finalEndDate: null });
    if (input.status === AgreementStatus.ACTIVE) agreement.finalEndDate = activeFinalEnd(agreement);
    await manager.save(agreement);
    await manager.insert(StatusChange, {
      agreementId: agreement.id,
      fromStatus: null,
      toStatus: input.status,
      effectiveDate: input.startDate,
      changedBy: this.actor,
      note: "registered",
    });
    await this.logChange(manager, AccessAction.CREATE, "Mutation.createIopAgreement", "IopAgreement", [agreement.id]);
    await recordEvent(manager, agreementRegistered, { subjectId: agreement.id, data: registeredData(agreement) });
    return agreement;
  }

  async update(agreement: Moved<string>, input: AgreementInput, expectedVersion: number): Promise<Agreement> {
    const id = toId(agreement.field, agreement.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const current = await manager.findOne(Agreement, { where: { id } });
      if (!current) throw new NotFoundError("IopAgreement", id);
      assertVersion("IopAgreement", id, expectedVersion, current.version);
      if (ENDED.includes(current.status))
        throw new ValidationError(agreement.field, "ended", {
          en: `the agreement has ${current.status}; its terms are kept as they were`,
          sv: `överenskommelsen har status ${current.status}; dess villkor sparas som de var`,
        });
      const columns = await this.termsColumns(manager, input, id);
      const next = { ...current, ...columns } as Agreement;
      let finalEndDate = current.finalEndDate;
      if (current.status === AgreementStatus.ACTIVE) finalEndDate = activeFinalEnd(next);
      if (current.status === AgreementStatus.NOTICE_GIVEN) {
        finalEndDate = endAfterNotice(next, current.noticeGivenOn!);
        if (finalEndDate === null)
          throw new ValidationError("input.renewalTermMonths", "notice-given", {
            en: "notice has been given; the terms must still renew or run until further notice",
            sv: "överenskommelsen är uppsagd; villkoren måste fortfarande förlängas automatiskt eller gälla tills vidare",
          });
      }
      await updateVersioned(manager, Agreement, "IopAgreement", id, expectedVersion, { ...columns, finalEndDate });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.updateIopAgreement", "IopAgreement", [id]);
      return manager.findOneOrFail(Agreement, { where: { id } });
    });
  }

  async changeStatus(agreement: Moved<string>, input: StatusChangeInput, expectedVersion: number): Promise<Agreement> {
    const id = toId(agreement.field, agreement.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const current = await manager.findOne(Agreement, { where: { id } });
      if (!current) throw new NotFoundError("IopAgreement", id);
      assertVersion("IopAgreement", id, expectedVersion, current.version);
      const plan = planStatusChange(current, input);
      const changes: Partial<Agreement> = { status: plan.status, finalEndDate: plan.finalEndDate };
      if (plan.clearNotice) Object.assign(changes, { noticeGivenOn: null, noticeGivenBy: null });
      await updateVersioned(manager, Agreement, "IopAgreement", id, expectedVersion, changes);
      await manager.insert(StatusChange, {
        agreementId: id,
        fromStatus: current.status,
        toStatus: plan.status,
        effectiveDate: input.effectiveDate,
        changedBy: this.actor,
        note: input.note ?? null,
      });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.changeIopAgreementStatus", "IopAgreement", [id]);
      if (ENDED.includes(plan.status)) {
        await recordEvent(manager, agreementEnded, {
          subjectId: id,
          data: {
            agreementId: String(id),
            partnerId: String(current.partnerId),
            endKind: plan.status,
            previousStatus: current.status,
            lastDayInForce: plan.finalEndDate!,
          },
        });
      }
      return manager.findOneOrFail(Agreement, { where: { id } });
    });
  }

  async giveNotice(agreement: Moved<string>, input: NoticeInput, expectedVersion: number): Promise<Agreement> {
    const id = toId(agreement.field, agreement.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const current = await manager.findOne(Agreement, { where: { id } });
      if (!current) throw new NotFoundError("IopAgreement", id);
      assertVersion("IopAgreement", id, expectedVersion, current.version);
      const end = planNotice(current, input.noticeDate, agreement.field);
      await updateVersioned(manager, Agreement, "IopAgreement", id, expectedVersion, {
        status: AgreementStatus.NOTICE_GIVEN,
        finalEndDate: end,
        noticeGivenOn: input.noticeDate,
        noticeGivenBy: input.givenBy,
      });
      await manager.insert(StatusChange, {
        agreementId: id,
        fromStatus: current.status,
        toStatus: AgreementStatus.NOTICE_GIVEN,
        effectiveDate: input.noticeDate,
        changedBy: this.actor,
        note: input.note ?? `notice by ${input.givenBy}; last day in force ${end}`,
      });
      await this.logChange(manager, AccessAction.UPDATE, "Mutation.giveIopNotice", "IopAgreement", [id]);
      return manager.findOneOrFail(Agreement, { where: { id } });
    });
  }

  async addContact(agreement: Moved<string>, input: ContactInput): Promise<AgreementContact> {
    const agreementId = toId(agreement.field, agreement.value);
    if (!input.name && !input.title)
      throw new ValidationError("input.name", "required", {
        en: "give a name or at least a title (befattning)",
        sv: "ange ett namn eller åtminstone en befattning",
      });
    return inTransaction(this.ctx.ds, async (manager) => {
      if (!(await manager.exists(Agreement, { where: { id: agreementId } })))
        throw new NotFoundError("IopAgreement", agreementId);
      const contact = manager.create(AgreementContact, {
        agreementId,
        side: input.side,
        role: input.role,
        title: input.title ?? null,
        name: input.name ?? null,
        unit: input.unit ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
      });
      await manager.save(contact);
      await this.logChange(manager, AccessAction.CREATE, "Mutation.addIopContact", "IopContact", [contact.id]);
      return contact;
    });
  }

  async removeContact(contact: Moved<string>): Promise<boolean> {
    const id = toId(contact.field, contact.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      const result = await manager.delete(AgreementContact, { id });
      if (!result.affected) throw new NotFoundError("IopContact", id);
      await this.logChange(manager, AccessAction.DELETE, "Mutation.removeIopContact", "IopContact", [id]);
      return true;
    });
  }

  async addBoardDecision(agreement: Moved<string>, input: BoardDecisionInput): Promise<BoardDecision> {
    const agreementId = toId(agreement.field, agreement.value);
    if (input.statedPeriodStart && input.statedPeriodEnd) {
      assertOrder("input.statedPeriodEnd", input.statedPeriodStart, input.statedPeriodEnd, "input.statedPeriodStart");
    }
    if (input.statedAnnualFee != null && input.statedAnnualFee < 0)
      throw new ValidationError("input.statedAnnualFee", "non-negative", NOT_NEGATIVE);
    return inTransaction(this.ctx.ds, async (manager) => {
      if (!(await manager.exists(Agreement, { where: { id: agreementId } })))
        throw new NotFoundError("IopAgreement", agreementId);
      const decision = manager.create(BoardDecision, {
        agreementId,
        kind: input.kind,
        diaryNumber: input.diaryNumber ?? null,
        paragraph: input.paragraph ?? null,
        decisionDate: input.decisionDate ?? null,
        summary: input.summary,
        statedPeriodStart: input.statedPeriodStart ?? null,
        statedPeriodEnd: input.statedPeriodEnd ?? null,
        statedRenewalMonths: input.statedRenewalMonths ?? null,
        statedNoticeMonths: input.statedNoticeMonths ?? null,
        statedAnnualFee: input.statedAnnualFee ?? null,
      });
      await manager.save(decision);
      await this.logChange(manager, AccessAction.CREATE, "Mutation.addIopBoardDecision", "IopBoardDecision", [
        decision.id,
      ]);
      return decision;
    });
  }

  // ---- date-rule queries ----

  /** A page of the notice deadlines on or after asOf (today by default), up to `until` when given. */
  async noticeDeadlinePage(
    asOf: LocalDate | undefined,
    until: LocalDate | undefined,
    boardLeadDays: number,
    page: PageArgs,
  ): Promise<Connection<NoticeDeadlineType>> {
    const rows = await this.noticeDeadlines(asOf ?? todayLocalDate(), boardLeadDays);
    return pageOfList(until ? rows.filter((r) => r.noticeDeadline <= until) : rows, page, NOTICE_DEADLINES);
  }

  /** A page of the agreements whose board decision is needed (decisionNeededBy) on or before `before`. */
  async boardDecisionsNeededPage(
    before: LocalDate,
    asOf: LocalDate | undefined,
    boardLeadDays: number,
    page: PageArgs,
  ): Promise<Connection<NoticeDeadlineType>> {
    const rows = await this.noticeDeadlines(asOf ?? todayLocalDate(), boardLeadDays);
    return pageOfList(
      rows.filter((r) => r.decisionNeededBy <= before),
      page,
      NOTICE_DEADLINES,
    );
  }

  /** Agreements that still renew automatically, with their next notice deadline on or after asOf. */
  async noticeDeadlines(asOf: LocalDate, boardLeadDays: number): Promise<NoticeDeadlineType[]> {
    if (!Number.isInteger(boardLeadDays) || boardLeadDays < 0 || boardLeadDays > 730) {
      throw new ValidationError("boardLeadDays", "range", {
        en: "must be between 0 and 730 days",
        sv: "måste vara mellan 0 och 730 dagar",
      });
    }
    const renewing = await this.ctx.ds
      .getRepository(Agreement)
      .createQueryBuilder("a")
      .where("a.status = :active AND a.endDate IS NOT NULL AND a.renewalTermMonths IS NOT NULL", {
        active: AgreementStatus.ACTIVE,
      })
      .getMany();
    return renewing
      .map((agreement) => noticeRow(agreement, asOf, boardLeadDays))
      .filter((row): row is NoticeDeadlineType => row !== null)
      .sort((x, y) => compareKeys(NOTICE_DEADLINES.keyOf(x), NOTICE_DEADLINES.keyOf(y)));
  }

  /** A page of the starts, renewals, wind-downs, ends and replacements in [from, to], by date. */
  async eventPage(from: LocalDate, to: LocalDate, page: PageArgs): Promise<Connection<AgreementEventType>> {
    return pageOfList(await this.events(from, to), page, AGREEMENT_EVENTS);
  }

  /** Starts, renewals, wind-downs, ends and replacements in [from, to], by date. */
  async events(from: LocalDate, to: LocalDate): Promise<AgreementEventType[]> {
    assertOrder("to", from, to, "from");
    const manager = this.ctx.ds.manager;
    const agreements = await manager
      .getRepository(Agreement)
      .createQueryBuilder("a")
      .where("a.status <> :draft AND a.startDate <= :to AND (a.finalEndDate IS NULL OR a.finalEndDate >= :from)", {
        draft: AgreementStatus.DRAFT,
        from,
        to,
      })
      .getMany();
    if (agreements.length === 0) return [];
    const ids = agreements.map((a) => a.id);
    const [windDowns, successors] = await Promise.all([
      manager
        .getRepository(StatusChange)
        .createQueryBuilder("s")
        .where("s.agreementId IN (:...ids) AND s.toStatus = :wd AND s.effectiveDate BETWEEN :from AND :to", {
          ids,
          wd: AgreementStatus.WINDING_DOWN,
          from,
          to,
        })
        .getMany(),
      manager.find(Agreement, { where: { predecessorId: In(ids) } }),
    ]);
    const byId = new Map(agreements.map((a) => [a.id, a]));
    const successorOf = new Map(
      successors.filter((s) => s.status !== AgreementStatus.DRAFT).map((s) => [s.predecessorId!, s]),
    );
    const events: AgreementEventType[] = [];
    for (const a of agreements) {
      if (a.startDate >= from)
        events.push({ kind: AgreementEventKind.STARTS, date: a.startDate, agreement: a, successor: null });
      for (const term of renewalsBetween(a, from, to))
        events.push({ kind: AgreementEventKind.RENEWS, date: term.start, agreement: a, successor: null });
      if (a.finalEndDate !== null && a.finalEndDate <= to) {
        const successor = successorOf.get(a.id) ?? null;
        events.push({
          kind: successor ? AgreementEventKind.REPLACED : AgreementEventKind.ENDS,
          date: a.finalEndDate,
          agreement: a,
          successor,
        });
      }
    }
    for (const s of windDowns)
      events.push({
        kind: AgreementEventKind.WINDS_DOWN,
        date: s.effectiveDate,
        agreement: byId.get(s.agreementId)!,
        successor: null,
      });
    return events.sort((x, y) => compareKeys(AGREEMENT_EVENTS.keyOf(x), AGREEMENT_EVENTS.keyOf(y)));
  }
}

/** The registered event's data: ids, dates, codes and the fee — nothing from the agreement's free text. */
function registeredData(agreement: Agreement): AgreementRegisteredData {
  const id = (value: number | null) => (value === null ? null : String(value));
  return {
    agreementId: String(agreement.id),
    partnerId: String(agreement.partnerId),
    fundingBudgetId: String(agreement.fundingBudgetId),
    predecessorAgreementId: id(agreement.predecessorId),
    status: agreement.status,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    renewalTermMonths: agreement.renewalTermMonths,
    noticeMonths: agreement.noticeMonths,
    noticeDeadline: noticeRow(agreement, todayLocalDate(), 0)?.noticeDeadline ?? null,
    annualServiceFee: agreement.annualServiceFee === null ? null : oreToKronor(agreement.annualServiceFee),
  };
}

export function noticeRow(agreement: Agreement, asOf: LocalDate, boardLeadDays: number): NoticeDeadlineType | null {
  if (agreement.status !== AgreementStatus.ACTIVE) return null;
  const next = nextNoticeDeadline(agreement, asOf);
  if (!next) return null;
  return {
    agreement,
    termEnd: next.termEnd,
    noticeDeadline: next.noticeDeadline,
    renewedUntil: next.renewedUntil,
    decisionNeededBy: decisionNeededBy(next.noticeDeadline, boardLeadDays),
    daysLeft: daysBetween(asOf, next.noticeDeadline),
  };
}

/** The renewal projection of the coming `years` years from `from` (today by default), as the API shows it. */
export function projectedTerms(agreement: Agreement, from: LocalDate | undefined, years: number): TermType[] {
  if (!Number.isInteger(years) || years < 1 || years > 30)
    throw new ValidationError("years", "range", { en: "must be between 1 and 30", sv: "måste vara mellan 1 och 30" });
  return renewalProjection(agreement, from ?? todayLocalDate(), years).map((t) => ({ ...t, renewal: t.index > 0 }));
}

function partnerColumns(input: PartnerInput): Partial<Partner> {
  return {
    name: input.name,
    organisationsnummer: input.organisationsnummer,
    postalAddress: input.postalAddress ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    description: input.description ?? null,
  };
}

function orgnrTaken(orgnr: string): ConflictError {
  const shown = `${orgnr.slice(0, 6)}-${orgnr.slice(6)}`;
  return new ConflictError(
    {
      en: `A partner with organisationsnummer ${shown} is already registered`,
      sv: `Det finns redan en idéburen organisation med organisationsnummer ${shown}`,
    },
    { field: "input.organisationsnummer" },
  );
}

function onlyOnUpdate(field: string): ValidationError {
  return new ValidationError(field, "unexpected", {
    en: "belongs to updateIopPartner; a new partner gets its id when it is registered",
    sv: "hör till updateIopPartner; en ny idéburen organisation får sitt id när den registreras",
  });
}

export function agreementService(ctx: RequestContext): AgreementService {
  return new AgreementService(ctx);
}
