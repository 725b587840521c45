import type { EntityManager, SelectQueryBuilder } from "typeorm";
import {
  AccessAction,
  NotFoundError,
  ValidationError,
  type Connection,
  type Message,
  type PageArgs,
  type Moved,
  type RequestContext,
  idempotentCreate,
} from "@arbetsliv/core";
import { toLocalDate, type LocalDate } from "@arbetsliv/core/values";
import { municipalToday } from "./municipal-date";
import {
  applySummaryChange,
  toId,
  inTransaction,
  lockMode,
  updateVersioned,
  pageOfQuery,
  findEntityById,
  selectColumns,
} from "@arbetsliv/core/data";
import { type Projection } from "@arbetsliv/core/read";
import { BusinessArea } from "../business-area/business-area.entity";
import { recordFeedbackEvent } from "../events";
import { feedbackItemSummary } from "../statistics/feedback-summary";
import { FeedbackEvent } from "./feedback-event.entity";
import { FeedbackItem } from "./feedback-item.entity";
import { FeedbackReply } from "./feedback-reply.entity";
import { FeedbackEventType, FeedbackStatus, type ImprovementKind } from "./feedback.enums";
import { DOMAIN } from "../scopes";
import type { FeedbackFilter, RegisterFeedbackInput } from "./feedback.inputs";
import { assertContactForReply, assertStepDate, dueDateFor } from "./feedback.rules";

/**
 * What every handling step gets from the resolver: the item, the version the client read and the
 * step's date (today when not given), the item and the date with the path the client gave them at.
 */
export interface StepTarget {
  id: Moved<string>;
  expectedVersion: number;
  date: Moved<LocalDate | undefined>;
}

/** What a step's rule gets: the item (locked), the transaction, and the date the step is recorded on. */
type StepApply = (
  item: FeedbackItem,
  manager: EntityManager,
  date: LocalDate,
) => Promise<{ changes: Partial<FeedbackItem>; event: FeedbackEventType; note: string | null }>;

const IS_CLOSED: Message = { en: "is closed; reopen it first", sv: "är avslutad; återöppna den först" };

/** All rules and storage of feedback items. Every change writes a history event and an access-log row. */
export class FeedbackService {
  constructor(private readonly ctx: RequestContext) {}

  private get actor(): string {
    return this.ctx.principal?.subject ?? "anonymous";
  }

  private async logChange(
    manager: EntityManager,
    action: AccessAction,
    operation: string,
    ids: number[],
  ): Promise<void> {
    await this.ctx.accessLog.append(manager, {
      action,
      operation,
      domain: DOMAIN,
      recordType: "FeedbackItem",
      recordIds: ids,
    });
  }

  /** Logs that these items (person-level: description, contact) were read. One INSERT per call. */
  async logRead(operation: string, items: FeedbackItem[]): Promise<void> {
    await this.ctx.accessLog.append(this.ctx.ds.manager, {
      action: AccessAction.READ,
      operation,
      domain: DOMAIN,
      recordType: "FeedbackItem",
      recordIds: items.map((i) => i.id),
    });
  }

  /**
   * Registers an item. With `input.idempotencyKey`, a retry (or a concurrent twin) with the same
   * key and input gets the first call's item back and nothing is created twice.
   */
  async register(input: RegisterFeedbackInput, registeredBy: string): Promise<FeedbackItem> {
    const today = municipalToday();
    const receivedDate = input.receivedDate ?? today;
    if (receivedDate > today)
      throw new ValidationError("input.receivedDate", "not-in-future", {
        en: "must not be in the future",
        sv: "får inte ligga i framtiden",
      });
    assertContactForReply("input.wantsReply", input.wantsReply, input);
    return idempotentCreate(this.ctx, {
      operation: "Mutation.registerFeedback",
      key: input.idempotencyKey,
      input,
      create: (manager) => this.registerIn(manager, input, registeredBy, receivedDate),
      idOf: (item) => item.id,
      reread: async (id) => {
        const item = await this.ctx.ds.manager.findOneOrFail(FeedbackItem, { where: { id: Number(id) } });
        await this.logRead("Mutation.registerFeedback", [item]);
        return item;
      },
    });
  }

  /** The create itself, in the given transaction (idempotentCreate's); never opens one. */
  async registerIn(
    manager: EntityManager,
    input: RegisterFeedbackInput,
    registeredBy: string,
    receivedDate: LocalDate,
  ): Promise<FeedbackItem> {
    const area = await manager.findOne(BusinessArea, {
      where: { id: toId("input.businessAreaId", input.businessAreaId) },
    });
    if (!area || !area.active) {
      throw new ValidationError("input.businessAreaId", "exists", {
        en: "is not an active business area",
        sv: "är inte ett aktivt verksamhetsområde",
      });
    }
    const item = manager.create(FeedbackItem, {
      kind: input.kind,
      criterion: input.criterion,
      businessAreaId: area.id,
      channel: input.channel,
      registeredBy,
      receivedDate,
      description: input.description,
      submitterName: input.submitterName ?? null,
      submitterEmail: input.submitterEmail ?? null,
      submitterPhone: input.submitterPhone ?? null,
      wantsReply: input.wantsReply,
      status: FeedbackStatus.RECEIVED,
      dueDate: dueDateFor(receivedDate, area.handlingDays),
      reopenedCount: 0,
      replyCount: 0,
    });
    await manager.save(item);
    await applySummaryChange(manager, feedbackItemSummary, null, item);
    await this.addEvent(manager, item.id, FeedbackEventType.REGISTERED, receivedDate, null);
    await recordFeedbackEvent(manager, FeedbackEventType.REGISTERED, item, receivedDate);
    await this.logChange(manager, AccessAction.CREATE, "Mutation.registerFeedback", [item.id]);
    return item;
  }

  private async addEvent(
    manager: EntityManager,
    feedbackId: number,
    type: FeedbackEventType,
    date: LocalDate,
    note: string | null,
  ) {
    await manager.insert(FeedbackEvent, { feedbackId, type, date, actor: this.actor, note });
  }

  /** The date of the item's latest history step (its registration at the least). */
  private async previousStepDate(manager: EntityManager, item: FeedbackItem): Promise<LocalDate> {
    const row = await manager
      .createQueryBuilder(FeedbackEvent, "e")
      .select("MAX(e.date)", "date")
      .where("e.feedbackId = :id", { id: item.id })
      .getRawOne<{ date: string | Date | null }>();
    const latest = row?.date == null ? null : toLocalDate(row.date);
    return latest !== null && latest > item.receivedDate ? latest : item.receivedDate;
  }

  /**
   * Loads, checks, changes and logs one item in one transaction with an optimistic version check.
   * The step is recorded on the target's date (today when not given), which must not be in the
   * future nor before the item's previous step; a refusal writes nothing.
   */
  private async change(operation: string, target: StepTarget, apply: StepApply): Promise<FeedbackItem> {
    const id = toId(target.id.field, target.id.value);
    return inTransaction(this.ctx.ds, async (manager) => {
      // Locked on MariaDB: the summary delta below subtracts this state, so it must be the one
      // the update replaces (a snapshot read could be older than expectedVersion).
      const item = await manager.findOne(FeedbackItem, { where: { id }, ...lockMode(manager) });
      if (!item) throw new NotFoundError("FeedbackItem", id);
      const today = municipalToday();
      const date = target.date.value ?? today;
      assertStepDate(target.date.field, date, await this.previousStepDate(manager, item), today);
      const { changes, event, note } = await apply(item, manager, date);
      await updateVersioned(manager, FeedbackItem, "FeedbackItem", id, target.expectedVersion, changes);
      const after = await manager.findOneOrFail(FeedbackItem, { where: { id } });
      await applySummaryChange(manager, feedbackItemSummary, item, after);
      await this.addEvent(manager, id, event, date, note);
      await recordFeedbackEvent(manager, event, after, date);
      await this.logChange(manager, AccessAction.UPDATE, operation, [id]);
      return after;
    });
  }

  assign(target: StepTarget, handler: string) {
    return this.change("Mutation.assignFeedback", target, async (item) => {
      if (item.status === FeedbackStatus.CLOSED) throw new ValidationError(target.id.field, "open", IS_CLOSED);
      return {
        changes: { assignedTo: handler, status: FeedbackStatus.IN_PROGRESS },
        event: FeedbackEventType.ASSIGNED,
        note: handler,
      };
    });
  }

  /**
   * Records a reply. Answering is handling ("ta emot, följa upp och svara … inom utsatt tid"): a
   * RECEIVED item moves to IN_PROGRESS; it stays open until closed, as closing is the step the
   * handling time is measured to. A closed item is reopened first, as for assigning.
   */
  reply(target: StepTarget, text: string) {
    return this.change("Mutation.replyToFeedback", target, async (item, manager, repliedDate) => {
      if (!item.submitterEmail && !item.submitterPhone) {
        throw new ValidationError(target.id.field, "reply-needs-contact", {
          en: "the submitter is anonymous and cannot get a reply",
          sv: "den som lämnat synpunkten är anonym och kan inte få återkoppling",
        });
      }
      if (item.status === FeedbackStatus.CLOSED) throw new ValidationError(target.id.field, "open", IS_CLOSED);
      await manager.insert(FeedbackReply, {
        feedbackId: item.id,
        repliedDate,
        text,
        repliedBy: this.actor,
      });
      return {
        changes: { replyCount: item.replyCount + 1, status: FeedbackStatus.IN_PROGRESS },
        event: FeedbackEventType.REPLIED,
        note: null,
      };
    });
  }

  close(target: StepTarget) {
    return this.change("Mutation.closeFeedback", target, async (item, manager, date) => {
      if (item.status === FeedbackStatus.CLOSED)
        throw new ValidationError(target.id.field, "open", { en: "is already closed", sv: "är redan avslutad" });
      if (item.wantsReply) {
        const replies = await manager.count(FeedbackReply, { where: { feedbackId: item.id } });
        if (replies === 0)
          throw new ValidationError(target.id.field, "reply-before-close", {
            en: "the submitter wants a reply; reply before closing",
            sv: "den som lämnat synpunkten önskar återkoppling; ge återkoppling innan synpunkten avslutas",
          });
      }
      return {
        changes: { status: FeedbackStatus.CLOSED, closedDate: date },
        event: FeedbackEventType.CLOSED,
        note: null,
      };
    });
  }

  reopen(target: StepTarget, reason: string) {
    return this.change("Mutation.reopenFeedback", target, async (item) => {
      if (item.status !== FeedbackStatus.CLOSED)
        throw new ValidationError(target.id.field, "closed", { en: "is not closed", sv: "är inte avslutad" });
      if (item.duplicateOfId !== null)
        throw new ValidationError(target.id.field, "not-duplicate", {
          en: "is a duplicate; reopen the original instead",
          sv: "är en dubblett; återöppna originalet i stället",
        });
      return {
        changes: { status: FeedbackStatus.IN_PROGRESS, closedDate: null, reopenedCount: item.reopenedCount + 1 },
        event: FeedbackEventType.REOPENED,
        note: reason,
      };
    });
  }

  /**
   * The same feedback sent twice: kept (it was received) and closed as a duplicate of the original,
   * on the step's date (an item already closed keeps its closing).
   */
  markDuplicate(target: StepTarget, original: Moved<string>) {
    const originalId = toId(original.field, original.value);
    return this.change("Mutation.markFeedbackDuplicate", target, async (item, manager, date) => {
      if (originalId === item.id)
        throw new ValidationError(original.field, "other", {
          en: "must be another item",
          sv: "måste vara en annan synpunkt",
        });
      const found = await manager.findOne(FeedbackItem, { where: { id: originalId } });
      if (!found)
        throw new ValidationError(original.field, "exists", { en: "is not a feedback item", sv: "är ingen synpunkt" });
      if (found.duplicateOfId !== null)
        throw new ValidationError(original.field, "original", {
          en: "is itself a duplicate",
          sv: "är själv en dubblett",
        });
      return {
        changes: { duplicateOfId: originalId, status: FeedbackStatus.CLOSED, closedDate: item.closedDate ?? date },
        event: FeedbackEventType.MARKED_DUPLICATE,
        note: `duplicate of ${originalId}`,
      };
    });
  }

  forward(target: StepTarget, organisation: string) {
    return this.change("Mutation.forwardFeedback", target, async () => ({
      changes: { forwardedTo: organisation },
      event: FeedbackEventType.FORWARDED,
      note: organisation,
    }));
  }

  recordImprovement(target: StepTarget, improvement: { kind: ImprovementKind; description: string }) {
    return this.change("Mutation.recordFeedbackImprovement", target, async () => ({
      changes: { improvementKind: improvement.kind, improvementDescription: improvement.description },
      event: FeedbackEventType.IMPROVEMENT_RECORDED,
      note: improvement.kind,
    }));
  }

  async get(idValue: string): Promise<FeedbackItem> {
    const id = toId("id", idValue);
    const item = await findEntityById(this.ctx.ds.manager, FeedbackItem, id);
    if (!item) throw new NotFoundError("FeedbackItem", id);
    await this.logRead("Query.feedbackItem", [item]);
    return item;
  }

  /** A page of items, newest first; `columns` narrows what is read (the read layer's projection). */
  async list(
    args: PageArgs & { filter?: FeedbackFilter },
    columns?: Projection<FeedbackItem>,
  ): Promise<Connection<FeedbackItem>> {
    const qb = applyFilter(
      selectColumns(this.ctx.ds.getRepository(FeedbackItem).createQueryBuilder("f"), columns),
      args.filter ?? {},
    );
    const page = await pageOfQuery(qb.orderBy("f.receivedDate", "DESC").addOrderBy("f.id", "DESC"), args);
    const items = page.nodes;
    await this.logRead("Query.feedbackItems", items);
    return page;
  }
}

function applyFilter(qb: SelectQueryBuilder<FeedbackItem>, f: FeedbackFilter): SelectQueryBuilder<FeedbackItem> {
  if (f.receivedFrom && f.receivedTo && f.receivedFrom > f.receivedTo) {
    throw new ValidationError("filter.receivedTo", "order", {
      en: "must not be before filter.receivedFrom",
      sv: "får inte vara före filter.receivedFrom",
    });
  }
  if (f.receivedFrom) qb.andWhere("f.receivedDate >= :from", { from: f.receivedFrom });
  if (f.receivedTo) qb.andWhere("f.receivedDate <= :to", { to: f.receivedTo });
  if (f.businessAreaId)
    qb.andWhere("f.businessAreaId = :area", { area: toId("filter.businessAreaId", f.businessAreaId) });
  if (f.kind) qb.andWhere("f.kind = :kind", { kind: f.kind });
  if (f.criterion) qb.andWhere("f.criterion = :criterion", { criterion: f.criterion });
  if (f.status) qb.andWhere("f.status = :status", { status: f.status });
  if (f.overdue !== undefined && f.overdue !== null) {
    const today = municipalToday(); // Borås's today, as the overdue field and the statistics
    qb.andWhere(
      f.overdue ? "(f.closedDate IS NULL AND f.dueDate < :today)" : "NOT (f.closedDate IS NULL AND f.dueDate < :today)",
      { today },
    );
  }
  return qb;
}

export function feedbackService(ctx: RequestContext): FeedbackService {
  return new FeedbackService(ctx);
}
