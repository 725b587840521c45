import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { ConnectionType, ForwardPageArgs, MaxItems, PageArgs, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, todayLocalDate, type LocalDate, versionArg, rangeArg } from "@arbetsliv/core/values";
import { readOne, readPage } from "@arbetsliv/core/read";
import { IopScopes } from "../scopes";
import { MAX_FUNDING_BUDGETS, MAX_PROJECTED_TERMS } from "../shared/list-limits";
import { AgreementContact } from "./agreement-contact.entity";
import { Agreement } from "./agreement.entity";
import { agreementGraph, partnerGraph } from "./agreement.graph";
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
import { agreementService, noticeRow, projectedTerms } from "./agreement.service";
import { AgreementEventType, NoticeDeadlineType, TermType } from "./agreement.types";
import { BoardDecision } from "./board-decision.entity";
import { FundingBudget } from "./funding-budget.entity";
import { Partner } from "./partner.entity";
import { inForceOn } from "./renewal.rules";
import { MAX_LEAD_DAYS, MAX_PROJECTION_YEARS } from "../input-limits";

const PartnerConnection = ConnectionType(Partner, "IopPartner");
const AgreementConnection = ConnectionType(Agreement, "IopAgreement");
const NoticeDeadlineConnection = ConnectionType(NoticeDeadlineType, "IopNoticeDeadline");
const AgreementEventConnection = ConnectionType(AgreementEventType, "IopAgreementEvent");

const DEFAULT_BOARD_LEAD_DAYS = 60;

// Relations (partner, contacts, …) and computed fields are declared in agreement.graph.ts.
@Resolver(() => Partner)
export class PartnerResolver {
  @Authorized(IopScopes.READ)
  @Query(() => PartnerConnection, { description: "Idéburna organisationer, by name." })
  iopPartners(
    @Args(() => PartnerListArgs) args: PartnerListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, partnerGraph, (columns) => agreementService(ctx).listPartners(args, columns));
  }

  @Authorized(IopScopes.READ)
  @Query(() => Partner, { nullable: true })
  iopPartner(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, partnerGraph, () => agreementService(ctx).getPartner(id));
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
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized(IopScopes.READ)
  @Query(() => AgreementConnection, {
    description: "IOP agreements, newest start first, with filters (e.g. in force on a day).",
  })
  iopAgreements(
    @Args(() => AgreementListArgs) args: AgreementListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, agreementGraph, (columns) => agreementService(ctx).list(args, columns));
  }

  @Authorized(IopScopes.READ)
  @Query(() => Agreement, { nullable: true })
  iopAgreement(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, agreementGraph, () => agreementService(ctx).get(id));
  }

  @Authorized(IopScopes.READ, IopScopes.STATS)
  @Query(() => [FundingBudget], {
    description: `Budgets that pay agreements (the committee's own, Socialt hållbart Borås, …); at most ${MAX_FUNDING_BUDGETS}.`,
  })
  @MaxItems(MAX_FUNDING_BUDGETS)
  iopFundingBudgets(@Ctx() ctx: RequestContext) {
    return agreementService(ctx).fundingBudgets();
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => FundingBudget, { description: "Register a budget that can pay agreements." })
  createIopFundingBudget(
    @Arg("input", () => FundingBudgetInput) input: FundingBudgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).createFundingBudget(input);
  }

  @Authorized(IopScopes.READ)
  @Query(() => AgreementEventConnection, {
    description: "Agreements that start, renew, wind down, end or are replaced in a period, by date.",
  })
  iopAgreementEvents(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).eventPage(from, to, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => NoticeDeadlineConnection, {
    description:
      "Agreements that renew automatically, with the last day to give notice before the next renewal, earliest deadline first.",
  })
  iopNoticeDeadlines(
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." })
    asOf: LocalDate | undefined,
    @Arg("until", () => LocalDateScalar, { nullable: true, description: "Only deadlines on or before this day." })
    until: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      description: "Days the board cycle needs before a notice deadline.",
      ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS),
    })
    boardLeadDays: number,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).noticeDeadlinePage(asOf, until, boardLeadDays, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => NoticeDeadlineConnection, {
    description:
      "Agreements that need a board decision (renew or give notice) before a day: decisionNeededBy = next notice deadline − boardLeadDays ≤ before.",
  })
  iopBoardDecisionsNeeded(
    @Arg("before", () => LocalDateScalar) before: LocalDate,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." })
    asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS),
    })
    boardLeadDays: number,
    // its own `before` is a day, not a cursor: this list pages forwards only
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).boardDecisionsNeededPage(before, asOf, boardLeadDays, { ...page, before: undefined });
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, { description: "Register an agreement (DRAFT, or ACTIVE when already signed)." })
  createIopAgreement(
    @Arg("input", () => CreateAgreementInput) input: CreateAgreementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).create(input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, {
    description: "Change the terms (e.g. after renegotiation). Ended agreements are kept as they were.",
  })
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
  @Mutation(() => Agreement, {
    description: "Uppsägning: the agreement ends at the end of the first term whose notice deadline the notice meets.",
  })
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
  addIopContact(
    @Arg("agreementId", () => ID) agreementId: string,
    @Arg("input", () => ContactInput) input: ContactInput,
    @Ctx() ctx: RequestContext,
  ) {
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

  // ---- fields with arguments: pure rules (their columns: `reads` in agreement.graph.ts) ----

  @FieldResolver(() => Boolean, { description: "In force on the day (not a draft, started, not ended)." })
  inForceOn(@Root() a: Agreement, @Arg("date", () => LocalDateScalar) date: LocalDate) {
    return inForceOn(a, date);
  }

  @FieldResolver(() => NoticeDeadlineType, {
    nullable: true,
    description:
      "The last day to give notice before the next automatic renewal; null when it does not renew (or notice is given).",
  })
  nextNotice(
    @Root() a: Agreement,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: "Defaults to today." })
    asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS),
    })
    boardLeadDays: number,
  ) {
    return noticeRow(a, asOf ?? todayLocalDate(), boardLeadDays);
  }

  @FieldResolver(() => [TermType], {
    description: "Renewal projection: the terms of the coming years as things stand.",
  })
  @MaxItems(MAX_PROJECTED_TERMS)
  renewalProjection(
    @Root() a: Agreement,
    @Arg("from", () => LocalDateScalar, { nullable: true, description: "Defaults to today." })
    from: LocalDate | undefined,
    @Arg("years", () => Int, { defaultValue: 5, ...rangeArg("years", 1, MAX_PROJECTION_YEARS) }) years: number,
  ): TermType[] {
    return projectedTerms(a, from, years);
  }
}
