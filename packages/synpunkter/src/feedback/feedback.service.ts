import type { EntityManager, SelectQueryBuilder } from "typeorm";
import {
  AccessAction,
  NotFoundError,
  ValidationError,
  toConnection,
  toPage,
  type Connection,
  type PageArgs,
  type RequestContext,
  idempotentCreate,
} from "@arbetsliv/core";
import { todayLocalDate, type LocalDate } from "@arbetsliv/core/values";
import {
  applySummaryChange,
  toId,
  inTransaction,
  lockMode,
  updateVersioned,
  getEntitiesAndCount,
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
import type { FeedbackFilter, RegisterFeedbackInput, ReplyInput } from "./feedback.inputs";
import { assertContactForReply, assertNotBefore, dueDateFor } from "./feedback.rules";

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
    const today = todayLocalDate();
    const receivedDate = input.receivedDate ?? today;
    if (receivedDate > today)
      throw new ValidationError("input.receivedDate", "not-in-future", "must not be in the future");
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
      throw new ValidationError("input.businessAreaId", "exists", "is not an active business area");
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

  /** Loads, checks, changes and logs one item in one transaction with an optimistic version check. */
  private async change(
    operation: string,
    idValue: string,
    expectedVersion: number,
    apply: (
      item: FeedbackItem,
      manager: EntityManager,
    ) => Promise<{ changes: Partial<FeedbackItem>; event: FeedbackEventType; date: LocalDate; note: string | null }>,
  ): Promise<FeedbackItem> {
    const id = toId("id", idValue);
    return inTransaction(this.ctx.ds, async (manager) => {
      // Locked on MariaDB: the summary delta below subtracts this state, so it must be the one
      // the update replaces (a snapshot read could be older than expectedVersion).
      const item = await manager.findOne(FeedbackItem, { where: { id }, ...lockMode(manager) });
      if (!item) throw new NotFoundError("FeedbackItem", id);
      const { changes, event, date, note } = await apply(item, manager);
      await updateVersioned(manager, FeedbackItem, "FeedbackItem", id, expectedVersion, changes);
      const after = await manager.findOneOrFail(FeedbackItem, { where: { id } });
      await applySummaryChange(manager, feedbackItemSummary, item, after);
      await this.addEvent(manager, id, event, date, note);
      await recordFeedbackEvent(manager, event, after, date);
      await this.logChange(manager, AccessAction.UPDATE, operation, [id]);
      return after;
    });
  }

  assign(id: string, handler: string, expectedVersion: number) {
    return this.change("Mutation.assignFeedback", id, expectedVersion, async (item) => {
      if (item.status === FeedbackStatus.CLOSED) throw new ValidationError("id", "open", "is closed; reopen it first");
      return {
        changes: { assignedTo: handler, status: FeedbackStatus.IN_PROGRESS },
        event: FeedbackEventType.ASSIGNED,
        date: todayLocalDate(),
        note: handler,
      };
    });
  }

  reply(id: string, input: ReplyInput, expectedVersion: number) {
    return this.change("Mutation.replyToFeedback", id, expectedVersion, async (item, manager) => {
      if (!item.submitterEmail && !item.submitterPhone) {
        throw new ValidationError("id", "reply-needs-contact", "the submitter is anonymous and cannot get a reply");
      }
      const repliedDate = input.repliedDate ?? todayLocalDate();
      assertNotBefore("input.repliedDate", repliedDate, item.receivedDate, "the received date");
      await manager.insert(FeedbackReply, {
        feedbackId: item.id,
        repliedDate,
        text: input.text,
        repliedBy: this.actor,
      });
      return {
        changes: { replyCount: item.replyCount + 1 },
        event: FeedbackEventType.REPLIED,
        date: repliedDate,
        note: null,
      };
    });
  }

  close(id: string, closedDate: LocalDate | undefined, expectedVersion: number) {
    return this.change("Mutation.closeFeedback", id, expectedVersion, async (item, manager) => {
      if (item.status === FeedbackStatus.CLOSED) throw new ValidationError("id", "open", "is already closed");
      const date = closedDate ?? todayLocalDate();
      assertNotBefore("closedDate", date, item.receivedDate, "the received date");
      if (item.wantsReply) {
        const replies = await manager.count(FeedbackReply, { where: { feedbackId: item.id } });
        if (replies === 0)
          throw new ValidationError("id", "reply-before-close", "the submitter wants a reply; reply before closing");
      }
      return {
        changes: { status: FeedbackStatus.CLOSED, closedDate: date },
        event: FeedbackEventType.CLOSED,
        date,
        note: null,
      };
    });
  }

  reopen(id: string, reason: string, expectedVersion: number) {
    return this.change("Mutation.reopenFeedback", id, expectedVersion, async (item) => {
      if (item.status !== FeedbackStatus.CLOSED) throw new ValidationError("id", "closed", "is not closed");
      if (item.duplicateOfId !== null)
        throw new ValidationError("id", "not-duplicate", "is a duplicate; reopen the original instead");
      return {
        changes: { status: FeedbackStatus.IN_PROGRESS, closedDate: null, reopenedCount: item.reopenedCount + 1 },
        event: FeedbackEventType.REOPENED,
        date: todayLocalDate(),
        note: reason,
      };
    });
  }

  /** The same feedback sent twice: kept (it was received) and closed as a duplicate of the original. */
  markDuplicate(id: string, originalIdValue: string, expectedVersion: number) {
    const originalId = toId("duplicateOfId", originalIdValue);
    return this.change("Mutation.markFeedbackDuplicate", id, expectedVersion, async (item, manager) => {
      if (originalId === item.id) throw new ValidationError("duplicateOfId", "other", "must be another item");
      const original = await manager.findOne(FeedbackItem, { where: { id: originalId } });
      if (!original) throw new ValidationError("duplicateOfId", "exists", "is not a feedback item");
      if (original.duplicateOfId !== null)
        throw new ValidationError("duplicateOfId", "original", "is itself a duplicate");
      const date = todayLocalDate() < item.receivedDate ? item.receivedDate : todayLocalDate();
      return {
        changes: { duplicateOfId: originalId, status: FeedbackStatus.CLOSED, closedDate: item.closedDate ?? date },
        event: FeedbackEventType.MARKED_DUPLICATE,
        date,
        note: `duplicate of ${originalId}`,
      };
    });
  }

  forward(id: string, organisation: string, expectedVersion: number) {
    return this.change("Mutation.forwardFeedback", id, expectedVersion, async () => ({
      changes: { forwardedTo: organisation },
      event: FeedbackEventType.FORWARDED,
      date: todayLocalDate(),
      note: organisation,
    }));
  }

  recordImprovement(id: string, kind: ImprovementKind, description: string, expectedVersion: number) {
    return this.change("Mutation.recordFeedbackImprovement", id, expectedVersion, async () => ({
      changes: { improvementKind: kind, improvementDescription: description },
      event: FeedbackEventType.IMPROVEMENT_RECORDED,
      date: todayLocalDate(),
      note: kind,
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
    const page = toPage(args);
    const qb = applyFilter(
      selectColumns(this.ctx.ds.getRepository(FeedbackItem).createQueryBuilder("f"), columns),
      args.filter ?? {},
    );
    const [items, total] = await getEntitiesAndCount(
      qb.orderBy("f.receivedDate", "DESC").addOrderBy("f.id", "DESC").skip(page.offset).take(page.limit),
    );
    await this.logRead("Query.feedbackItems", items);
    return toConnection(items, total, page);
  }
}

function applyFilter(qb: SelectQueryBuilder<FeedbackItem>, f: FeedbackFilter): SelectQueryBuilder<FeedbackItem> {
  if (f.receivedFrom && f.receivedTo && f.receivedFrom > f.receivedTo) {
    throw new ValidationError("filter.receivedTo", "order", "must not be before filter.receivedFrom");
  }
  if (f.receivedFrom) qb.andWhere("f.receivedDate >= :from", { from: f.receivedFrom });
  if (f.receivedTo) qb.andWhere("f.receivedDate <= :to", { to: f.receivedTo });
  if (f.businessAreaId)
    qb.andWhere("f.businessAreaId = :area", { area: toId("filter.businessAreaId", f.businessAreaId) });
  if (f.kind) qb.andWhere("f.kind = :kind", { kind: f.kind });
  if (f.criterion) qb.andWhere("f.criterion = :criterion", { criterion: f.criterion });
  if (f.status) qb.andWhere("f.status = :status", { status: f.status });
  if (f.overdue !== undefined && f.overdue !== null) {
    const today = todayLocalDate();
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
