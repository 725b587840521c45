import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import {
  AccessAction,
  ConnectionType,
  FirstArgs,
  MaxItems,
  LocalDateScalar,
  manyToOne,
  neededColumns,
  PageArgs,
  prefetchReferences,
  referenceColumns,
  type FieldColumns,
  todayLocalDate,
  ValidationError,
  type LocalDate,
  type RequestContext, versionArg, rangeArg } from "@arbetsliv/core";
import { Deviation } from "../follow-up/deviation.entity";
import { Evaluation } from "../follow-up/evaluation.entity";
import { EvaluationTemplate } from "../follow-up/evaluation-template.entity";
import { YearlyReport } from "../follow-up/yearly-report.entity";
import { Amendment } from "../money/amendment.entity";
import { Invoice } from "../money/invoice.entity";
import { IOP_DOMAIN, IopScopes } from "../scopes";
import { loadMany } from "../shared/loaders";
import { MAX_FUNDING_BUDGETS, MAX_PROJECTED_TERMS } from "../shared/list-limits";
import { AgreementContact } from "./agreement-contact.entity";
import { Agreement } from "./agreement.entity";
import {
  AgreementInput,
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
import { agreementService, noticeRow } from "./agreement.service";
import { AgreementEventType, NoticeDeadlineType, TermType } from "./agreement.types";
import { BoardDecision, decisionReference } from "./board-decision.entity";
import { FundingBudget } from "./funding-budget.entity";
import { Partner } from "./partner.entity";
import { inForceOn, renewalProjection } from "./renewal.rules";
import { StatusChange } from "./status-change.entity";
import { MAX_LEAD_DAYS, MAX_PROJECTION_YEARS } from "../input-limits";

const PartnerConnection = ConnectionType(Partner, "IopPartner");
const AgreementConnection = ConnectionType(Agreement, "IopAgreement");
const NoticeDeadlineConnection = ConnectionType(NoticeDeadlineType, "IopNoticeDeadline");
const AgreementEventConnection = ConnectionType(AgreementEventType, "IopAgreementEvent");

const DEFAULT_BOARD_LEAD_DAYS = 60;

/** An agreement's many-to-one references: the field resolvers and a page's prefetch share their loaders. */
const AGREEMENT_REFERENCES = {
  partner: manyToOne<Agreement, Partner>("iop.partnerById", Partner, "partnerId"),
  fundingBudget: manyToOne<Agreement, FundingBudget>("iop.budgetById", FundingBudget, "fundingBudgetId"),
  predecessor: manyToOne<Agreement, Agreement>("iop.agreementById", Agreement, "predecessorId"),
  evaluationTemplate: manyToOne<Agreement, EvaluationTemplate>("iop.templateById", EvaluationTemplate, "evaluationTemplateId"),
};

/**
 * The columns the agreement fields that are not plain columns read, so a page reads only what its
 * query selects. The lists below read the id only (always read); fields not named here (inForceOn,
 * nextNotice, renewalProjection) make the page read every column.
 */
const AGREEMENT_FIELD_COLUMNS: FieldColumns<Agreement> = {
  ...referenceColumns(AGREEMENT_REFERENCES),
  ...Object.fromEntries(["contacts", "boardDecisions", "statusHistory", "amendments", "invoices", "evaluations", "deviations", "yearlyReports"].map((f) => [f, []])),
};

@Resolver(() => Partner)
export class PartnerResolver {
  @Authorized(IopScopes.READ)
  @Query(() => PartnerConnection, { description: "Idéburna organisationer, by name." })
  iopPartners(@Args(() => PartnerListArgs) args: PartnerListArgs, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).listPartners(args);
  }

  @Authorized(IopScopes.READ)
  @Query(() => Partner)
  iopPartner(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).getPartner(id);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Partner, { description: "Register a non-profit partner (organisationsnummer validated, unique)." })
  createIopPartner(@Arg("input", () => PartnerInput) input: PartnerInput, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).createPartner(input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Partner)
  updateIopPartner(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => PartnerInput) input: PartnerInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).updatePartner(id, input, expectedVersion);
  }

  @FieldResolver(() => [Agreement], { description: "The partner's agreements, newest first: the first `first` (default 25, at most 100); all of them through iopAgreements(filter: { partnerId })." })
  agreements(@Root() partner: Partner, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "agreementsByPartner", Agreement, "partnerId", partner.id, { startDate: "DESC", id: "DESC" }, undefined, first);
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized(IopScopes.READ)
  @Query(() => AgreementConnection, { description: "IOP agreements, newest start first, with filters (e.g. in force on a day)." })
  async iopAgreements(@Args(() => AgreementListArgs) args: AgreementListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const page = await agreementService(ctx).list(args, neededColumns(ctx.ds, Agreement, info, ["nodes"], AGREEMENT_FIELD_COLUMNS));
    // The references the query asks for, one batch each, before graphql walks the page.
    await prefetchReferences(ctx, info, ["nodes"], page.nodes, AGREEMENT_REFERENCES);
    return page;
  }

  @Authorized(IopScopes.READ)
  @Query(() => Agreement)
  iopAgreement(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).get(id);
  }

  @Authorized(IopScopes.READ, IopScopes.STATS)
  @Query(() => [FundingBudget], { description: `Budgets that pay agreements (the committee's own, Socialt hållbart Borås, …); at most ${MAX_FUNDING_BUDGETS}.` })
  @MaxItems(MAX_FUNDING_BUDGETS)
  iopFundingBudgets(@Ctx() ctx: RequestContext) {
    return ctx.ds.manager.find(FundingBudget, { order: { code: "ASC" } });
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => FundingBudget, { description: "Register a budget that can pay agreements." })
  createIopFundingBudget(@Arg("input", () => FundingBudgetInput) input: FundingBudgetInput, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).createFundingBudget(input);
  }

  @Authorized(IopScopes.READ)
  @Query(() => AgreementEventConnection, { description: "Agreements that start, renew, wind down, end or are replaced in a period, by date." })
  async iopAgreementEvents(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const service = agreementService(ctx);
    return service.page(await service.events(from, to), page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => NoticeDeadlineConnection, {
    description: "Agreements that renew automatically, with the last day to give notice before the next renewal, earliest deadline first.",
  })
  async iopNoticeDeadlines(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) asOf: LocalDate | undefined,
    @Arg("until", () => LocalDateScalar, { nullable: true, description: "Only deadlines on or before this day." }) until: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, { defaultValue: DEFAULT_BOARD_LEAD_DAYS, description: "Days the board cycle needs before a notice deadline.", ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS) })
    boardLeadDays: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const service = agreementService(ctx);
    const rows = await service.noticeDeadlines(asOf ?? todayLocalDate(), boardLeadDays);
    return service.page(until ? rows.filter((r) => r.noticeDeadline <= until) : rows, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => NoticeDeadlineConnection, {
    description:
      "Agreements that need a board decision (renew or give notice) before a day: decisionNeededBy = next notice deadline − boardLeadDays ≤ before.",
  })
  async iopBoardDecisionsNeeded(
    @Arg("before", () => LocalDateScalar) before: LocalDate,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, { defaultValue: DEFAULT_BOARD_LEAD_DAYS, ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS) }) boardLeadDays: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    const service = agreementService(ctx);
    const rows = await service.noticeDeadlines(asOf ?? todayLocalDate(), boardLeadDays);
    return service.page(
      rows.filter((r) => r.decisionNeededBy <= before),
      page,
    );
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, { description: "Register an agreement (DRAFT, or ACTIVE when already signed)." })
  createIopAgreement(@Arg("input", () => CreateAgreementInput) input: CreateAgreementInput, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).create(input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, { description: "Change the terms (e.g. after renegotiation). Ended agreements are kept as they were." })
  updateIopAgreement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => AgreementInput) input: AgreementInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, { description: "Move the agreement along its status flow (validated)." })
  changeIopAgreementStatus(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => StatusChangeInput) input: StatusChangeInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).changeStatus(id, input, expectedVersion);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, { description: "Uppsägning: the agreement ends at the end of the first term whose notice deadline the notice meets." })
  giveIopNotice(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => NoticeInput) input: NoticeInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).giveNotice(id, input, expectedVersion);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => AgreementContact)
  addIopContact(@Arg("agreementId", () => ID) agreementId: string, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).addContact(agreementId, input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Boolean)
  removeIopContact(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return agreementService(ctx).removeContact(id);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => BoardDecision)
  addIopBoardDecision(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => BoardDecisionInput) input: BoardDecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).addBoardDecision(agreementId, input);
  }

  // ---- fields ----

  @FieldResolver(() => Partner)
  partner(@Root() a: Agreement, @Ctx() ctx: RequestContext) {
    return AGREEMENT_REFERENCES.partner.load(ctx, a);
  }

  @FieldResolver(() => FundingBudget, { description: "Who pays." })
  fundingBudget(@Root() a: Agreement, @Ctx() ctx: RequestContext) {
    return AGREEMENT_REFERENCES.fundingBudget.load(ctx, a);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement this one replaced." })
  predecessor(@Root() a: Agreement, @Ctx() ctx: RequestContext) {
    return AGREEMENT_REFERENCES.predecessor.load(ctx, a);
  }

  @FieldResolver(() => EvaluationTemplate, { nullable: true })
  evaluationTemplate(@Root() a: Agreement, @Ctx() ctx: RequestContext) {
    return AGREEMENT_REFERENCES.evaluationTemplate.load(ctx, a);
  }

  @Authorized(IopScopes.READ)
  @FieldResolver(() => [AgreementContact], { description: "Kontaktpersoner, ansvarig enhetschef, styrgrupp. Person-level: access-logged. The first `first` (default 25, at most 100)." })
  contacts(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "contactsByAgreement", AgreementContact, "agreementId", a.id, { id: "ASC" }, async (rows) => {
      await ctx.accessLog.append(ctx.ds.manager, {
        action: AccessAction.READ,
        operation: "IopAgreement.contacts",
        domain: IOP_DOMAIN,
        recordType: "IopContact",
        recordIds: rows.map((r) => r.id),
      });
    }, first);
  }

  @FieldResolver(() => [BoardDecision], { description: "Nämndbeslut, in the order registered. The first `first` (default 25, at most 100)." })
  boardDecisions(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "decisionsByAgreement", BoardDecision, "agreementId", a.id, { id: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [StatusChange], { description: "Status history, oldest first. The first `first` (default 25, at most 100)." })
  statusHistory(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "statusByAgreement", StatusChange, "agreementId", a.id, { id: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [Amendment], { description: "Kompletteringar. The first `first` (default 25, at most 100)." })
  amendments(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "amendmentsByAgreement", Amendment, "agreementId", a.id, { id: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [Invoice], { description: "The partner's invoices, by date. The first `first` (default 25, at most 100)." })
  invoices(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "invoicesByAgreement", Invoice, "agreementId", a.id, { invoiceDate: "ASC", id: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [Evaluation], { description: "Uppföljningar, by period. The first `first` (default 25, at most 100)." })
  evaluations(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "evaluationsByAgreement", Evaluation, "agreementId", a.id, { periodEnd: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [Deviation], { description: "Avvikelser, by date. The first `first` (default 25, at most 100)." })
  deviations(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "deviationsByAgreement", Deviation, "agreementId", a.id, { detectedOn: "ASC", id: "ASC" }, undefined, first);
  }

  @FieldResolver(() => [YearlyReport], { description: "Verksamhetsberättelser, -planer and kvalitetsbilagor received. The first `first` (default 25, at most 100)." })
  yearlyReports(@Root() a: Agreement, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return loadMany(ctx, "reportsByAgreement", YearlyReport, "agreementId", a.id, { year: "ASC", kind: "ASC" }, undefined, first);
  }

  @FieldResolver(() => Boolean, { description: "In force on the day (not a draft, started, not ended)." })
  inForceOn(@Root() a: Agreement, @Arg("date", () => LocalDateScalar) date: LocalDate) {
    return inForceOn(a, date);
  }

  @FieldResolver(() => NoticeDeadlineType, {
    nullable: true,
    description: "The last day to give notice before the next automatic renewal; null when it does not renew (or notice is given).",
  })
  nextNotice(
    @Root() a: Agreement,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, { defaultValue: DEFAULT_BOARD_LEAD_DAYS, ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS) }) boardLeadDays: number,
  ) {
    return noticeRow(a, asOf ?? todayLocalDate(), boardLeadDays);
  }

  @FieldResolver(() => [TermType], { description: "Renewal projection: the terms of the coming years as things stand." })
  @MaxItems(MAX_PROJECTED_TERMS)
  renewalProjection(
    @Root() a: Agreement,
    @Arg("from", () => LocalDateScalar, { nullable: true, description: "Defaults to today." }) from: LocalDate | undefined,
    @Arg("years", () => Int, { defaultValue: 5, ...rangeArg("years", 1, MAX_PROJECTION_YEARS) }) years: number,
  ): TermType[] {
    if (!Number.isInteger(years) || years < 1 || years > 30) throw new ValidationError("years", "range", "must be between 1 and 30");
    return renewalProjection(a, from ?? todayLocalDate(), years).map((t) => ({ ...t, renewal: t.index > 0 }));
  }
}

@Resolver(() => BoardDecision)
export class BoardDecisionResolver {
  @FieldResolver(() => String, { description: "e.g. \"ALN 2021-00102 § 125, 2021-10-14\"." })
  reference(@Root() d: BoardDecision) {
    return decisionReference(d);
  }
}
