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
import {
  ConnectionType,
  ForwardPageArgs,
  MaxItems,
  PageArgs,
  requiredMovedArgument,
  movedArgOptions,
  requiredMoved,
  movedVersionArgOptions,
  type RequestContext,
} from "@arbetsliv/core";
import { LocalDateScalar, todayLocalDate, type LocalDate, rangeArg } from "@arbetsliv/core/values";
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
  RemoveContactInput,
  StatusChangeInput,
} from "./agreement.inputs";
import { agreementService, noticeRow, projectedTerms } from "./agreement.service";
import { AgreementEventType, NoticeDeadlineType, TermType } from "./agreement.types";
import { BoardDecision } from "./board-decision.entity";
import { FundingBudget } from "./funding-budget.entity";
import { Partner } from "./partner.entity";
import { inForceOn } from "./renewal.rules";
import { MAX_LEAD_DAYS, MAX_PROJECTION_YEARS } from "../input-limits";

/** The deprecated top-level `expectedVersion` (moved to `input.expectedVersion`). */
const MOVED_VERSION_ARG = movedVersionArgOptions(
  "The version you read (optimistic locking). Deprecated: give input.expectedVersion instead.",
);

const PartnerConnection = ConnectionType(Partner, "IopPartner");
const AgreementConnection = ConnectionType(Agreement, "IopAgreement");
const NoticeDeadlineConnection = ConnectionType(NoticeDeadlineType, "IopNoticeDeadline");
const AgreementEventConnection = ConnectionType(AgreementEventType, "IopAgreementEvent");

const DEFAULT_BOARD_LEAD_DAYS = 60;

const AS_OF_TODAY = "The day to count from; defaults to today (Europe/Stockholm).";
const BOARD_LEAD_DAYS = `Days the board cycle needs before a notice deadline (0–${MAX_LEAD_DAYS}, default ${DEFAULT_BOARD_LEAD_DAYS}): decisionNeededBy = noticeDeadline − boardLeadDays.`;

// Relations (partner, contacts, …) and computed fields are declared in agreement.graph.ts.
@Resolver(() => Partner)
export class PartnerResolver {
  @Authorized(IopScopes.READ)
  @Query(() => PartnerConnection, {
    description:
      "Idéburna organisationer — the non-profit partners of IOP agreements, by name, a page at a time. Scope iop:read.",
  })
  iopPartners(
    @Args(() => PartnerListArgs) args: PartnerListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, partnerGraph, (columns) => agreementService(ctx).listPartners(args, columns));
  }

  @Authorized(IopScopes.READ)
  @Query(() => Partner, {
    nullable: true,
    description: "One non-profit partner; null with a NOT_FOUND error when there is none with that id. Scope iop:read.",
  })
  iopPartner(
    @Arg("id", () => ID, { description: "The partner's id (IopPartner.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, partnerGraph, () => agreementService(ctx).getPartner(id));
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Partner, {
    description:
      "Register a non-profit partner (organisationsnummer validated; one taken by another partner is CONFLICT). Scope iop:write.",
  })
  createIopPartner(
    @Arg("input", () => PartnerInput, { description: "The partner's details (without id and expectedVersion)." })
    input: PartnerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).createPartner(input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Partner, {
    description:
      "Replace a partner's details; answers the partner with its new version. A stale expectedVersion is CONFLICT. Scope iop:write.",
  })
  updateIopPartner(
    @Arg("id", () => ID, movedArgOptions("id", "The partner to change. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => PartnerInput, { description: "The partner (id), the version you read and its new details." })
    input: PartnerInput,
    @Arg("expectedVersion", () => Int, MOVED_VERSION_ARG) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).updatePartner(
      requiredMoved("id", input.id, id),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }
}

@Resolver(() => Agreement)
export class AgreementResolver {
  @Authorized(IopScopes.READ)
  @Query(() => AgreementConnection, {
    description:
      "IOP agreements (idéburet offentligt partnerskap — partnerships with non-profits), newest start first, with filters (e.g. in force on a day). Scope iop:read.",
  })
  iopAgreements(
    @Args(() => AgreementListArgs) args: AgreementListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, agreementGraph, (columns) => agreementService(ctx).list(args, columns));
  }

  @Authorized(IopScopes.READ)
  @Query(() => Agreement, {
    nullable: true,
    description: "One IOP agreement; null with a NOT_FOUND error when there is none with that id. Scope iop:read.",
  })
  iopAgreement(
    @Arg("id", () => ID, { description: "The agreement's id (IopAgreement.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, agreementGraph, () => agreementService(ctx).get(id));
  }

  @Authorized(IopScopes.READ, IopScopes.STATS)
  @Query(() => [FundingBudget], {
    description: `Budgets that pay agreements (the committee's own, Socialt hållbart Borås, …), by code; at most ${MAX_FUNDING_BUDGETS}. Scope iop:read or iop:stats.`,
  })
  @MaxItems(MAX_FUNDING_BUDGETS)
  iopFundingBudgets(@Ctx() ctx: RequestContext) {
    return agreementService(ctx).fundingBudgets();
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => FundingBudget, {
    description: `Register a budget that can pay agreements (a taken code is CONFLICT; at most ${MAX_FUNDING_BUDGETS} budgets). Scope iop:write.`,
  })
  createIopFundingBudget(
    @Arg("input", () => FundingBudgetInput, { description: "The budget's code, name and description." })
    input: FundingBudgetInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).createFundingBudget(input);
  }

  @Authorized(IopScopes.READ)
  @Query(() => AgreementEventConnection, {
    description:
      "Agreements that start, renew, wind down, end or are replaced in a period, by date (drafts left out). Scope iop:read.",
  })
  iopAgreementEvents(
    @Arg("from", () => LocalDateScalar, { description: "First day of the period (inclusive)." }) from: LocalDate,
    @Arg("to", () => LocalDateScalar, { description: "Last day of the period (inclusive), not before from." })
    to: LocalDate,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).eventPage(from, to, page);
  }

  @Authorized(IopScopes.READ)
  @Query(() => NoticeDeadlineConnection, {
    description:
      "Active agreements that renew automatically, with the last day to give notice (sista dag för uppsägning) before the next renewal, earliest deadline first. Scope iop:read.",
  })
  iopNoticeDeadlines(
    @Arg("asOf", () => LocalDateScalar, {
      nullable: true,
      description: `${AS_OF_TODAY} Only deadlines on or after it are listed.`,
    })
    asOf: LocalDate | undefined,
    @Arg("until", () => LocalDateScalar, {
      nullable: true,
      description: "Only deadlines on or before this day; omit for every coming deadline.",
    })
    until: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      description: BOARD_LEAD_DAYS,
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
      "Agreements that need a board decision (nämndbeslut: renew or give notice) by a day: decisionNeededBy = next notice deadline − boardLeadDays ≤ before. Pages forwards only. Scope iop:read.",
  })
  iopBoardDecisionsNeeded(
    @Arg("before", () => LocalDateScalar, {
      description: "The day (inclusive) by which the decisions are needed — a date filter, not a paging cursor.",
    })
    before: LocalDate,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: AS_OF_TODAY })
    asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      description: BOARD_LEAD_DAYS,
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
  @Mutation(() => Agreement, {
    description:
      "Register an agreement (DRAFT, or ACTIVE when already signed); with input.idempotencyKey a retry answers the first result. Scope iop:write.",
  })
  createIopAgreement(
    @Arg("input", () => CreateAgreementInput, { description: "The agreement's terms and first status." })
    input: CreateAgreementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).create(input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, {
    description:
      "Change the terms (e.g. after renegotiation); answers the agreement with its new version. Ended agreements (TERMINATED, EXPIRED) are kept as they were; a stale expectedVersion is CONFLICT. Scope iop:write.",
  })
  updateIopAgreement(
    @Arg("id", () => ID, movedArgOptions("id", "The agreement to change. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => AgreementInput, { description: "The agreement (id), the version you read and its new terms." })
    input: AgreementInput,
    @Arg("expectedVersion", () => Int, MOVED_VERSION_ARG) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).update(
      requiredMoved("id", input.id, id),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, {
    description:
      "Move the agreement along its status flow (validated against its terms; recorded in statusHistory); answers the agreement with its new version. Ending it records the agreement.ended event. Scope iop:write.",
  })
  changeIopAgreementStatus(
    @Arg("id", () => ID, movedArgOptions("id", "The agreement to move. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => StatusChangeInput, { description: "The agreement (id), the version you read and the step." })
    input: StatusChangeInput,
    @Arg("expectedVersion", () => Int, MOVED_VERSION_ARG) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).changeStatus(
      requiredMoved("id", input.id, id),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Agreement, {
    description:
      "Uppsägning — give notice on an ACTIVE agreement that renews automatically: it ends at the end of the first term whose notice deadline the notice meets (status NOTICE_GIVEN, finalEndDate set); answers the agreement with its new version. Scope iop:write.",
  })
  giveIopNotice(
    @Arg("id", () => ID, movedArgOptions("id", "The agreement given notice. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => NoticeInput, { description: "The agreement (id), the version you read and the notice." })
    input: NoticeInput,
    @Arg("expectedVersion", () => Int, MOVED_VERSION_ARG) expectedVersion: number | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).giveNotice(
      requiredMoved("id", input.id, id),
      input,
      requiredMovedArgument("expectedVersion", input.expectedVersion, expectedVersion),
    );
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => AgreementContact, {
    description:
      "Name a contact person (kontaktperson) or role in an agreement; answers the new contact. Person-level data, access-logged. Scope iop:write.",
  })
  addIopContact(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions(
        "agreementId",
        "The agreement the contact belongs to. Deprecated: give input.agreementId instead.",
      ),
    )
    agreementId: string | undefined,
    @Arg("input", () => ContactInput, { description: "The agreement (agreementId) and the contact." })
    input: ContactInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).addContact(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => Boolean, {
    description:
      "Remove a contact person from its agreement; true when removed (an unknown id is NOT_FOUND). Scope iop:write.",
  })
  removeIopContact(
    @Arg("id", () => ID, movedArgOptions("id", "The contact to remove. Deprecated: give input.id instead."))
    id: string | undefined,
    @Arg("input", () => RemoveContactInput, {
      nullable: true,
      description: "The contact to remove. Optional only while the deprecated argument id is accepted.",
    })
    input: RemoveContactInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).removeContact(requiredMoved("id", input?.id, id));
  }

  @Authorized(IopScopes.WRITE)
  @Mutation(() => BoardDecision, {
    description:
      "Register a board decision (nämndbeslut) about an agreement; answers the new decision. Scope iop:write.",
  })
  addIopBoardDecision(
    @Arg(
      "agreementId",
      () => ID,
      movedArgOptions("agreementId", "The agreement decided on. Deprecated: give input.agreementId instead."),
    )
    agreementId: string | undefined,
    @Arg("input", () => BoardDecisionInput, { description: "The agreement (agreementId) and the decision." })
    input: BoardDecisionInput,
    @Ctx() ctx: RequestContext,
  ) {
    return agreementService(ctx).addBoardDecision(requiredMoved("agreementId", input.agreementId, agreementId), input);
  }

  // ---- fields with arguments: pure rules (their columns: `reads` in agreement.graph.ts) ----

  @FieldResolver(() => Boolean, {
    description:
      "In force on the day: not a draft, started on or before it, and its finalEndDate (if any) not before it.",
  })
  inForceOn(
    @Root() a: Agreement,
    @Arg("date", () => LocalDateScalar, { description: "The day to check." }) date: LocalDate,
  ) {
    return inForceOn(a, date);
  }

  @FieldResolver(() => NoticeDeadlineType, {
    nullable: true,
    description:
      "The last day to give notice before the next automatic renewal; null when it does not renew (or notice is given, or it is not ACTIVE).",
  })
  nextNotice(
    @Root() a: Agreement,
    @Arg("asOf", () => LocalDateScalar, { nullable: true, description: AS_OF_TODAY })
    asOf: LocalDate | undefined,
    @Arg("boardLeadDays", () => Int, {
      defaultValue: DEFAULT_BOARD_LEAD_DAYS,
      description: BOARD_LEAD_DAYS,
      ...rangeArg("boardLeadDays", 0, MAX_LEAD_DAYS),
    })
    boardLeadDays: number,
  ) {
    return noticeRow(a, asOf ?? todayLocalDate(), boardLeadDays);
  }

  @FieldResolver(() => [TermType], {
    description: `Renewal projection: the terms (avtalsperioder) of the coming years as things stand, without notice; at most ${MAX_PROJECTED_TERMS}.`,
  })
  @MaxItems(MAX_PROJECTED_TERMS)
  renewalProjection(
    @Root() a: Agreement,
    @Arg("from", () => LocalDateScalar, { nullable: true, description: "The day to project from; defaults to today." })
    from: LocalDate | undefined,
    @Arg("years", () => Int, {
      defaultValue: 5,
      description: `How many years ahead to project (1–${MAX_PROJECTION_YEARS}, default 5).`,
      ...rangeArg("years", 1, MAX_PROJECTION_YEARS),
    })
    years: number,
  ): TermType[] {
    return projectedTerms(a, from, years);
  }
}
