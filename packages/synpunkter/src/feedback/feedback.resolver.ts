import type { ObjectLiteral } from "typeorm";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, type ClassType } from "type-graphql";
import {
  FirstArgs,
  takeFirst,
  ConnectionType,
  LocalDateScalar,
  groupByKeys,
  indexByKeys,
  prefetchSelected,
  todayLocalDate,
  type LocalDate,
  type Prefetch,
  type RequestContext,
  findByKeys, versionArg } from "@arbetsliv/core";
import { BusinessArea } from "../business-area/business-area.entity";
import { SynpunkterScopes } from "../scopes";
import { FeedbackEvent } from "./feedback-event.entity";
import { FeedbackItem } from "./feedback-item.entity";
import { FeedbackReply } from "./feedback-reply.entity";
import { FeedbackListArgs, ImprovementInput, RegisterFeedbackInput, ReplyInput } from "./feedback.inputs";
import { handledInTime, isOverdue } from "./feedback.rules";
import { feedbackService } from "./feedback.service";

const FeedbackConnection = ConnectionType(FeedbackItem, "FeedbackItem");

/**
 * Rows for a DataLoader batch as plain objects (one SELECT, ordered by id), without TypeORM
 * entity hydration: these types have only plain columns (no datetime, no transformer that
 * changes a value), and their GraphQL scalars accept the raw values of both drivers.
 */
async function rawRows<T extends object>(ctx: RequestContext, entity: ClassType<T>, alias: string, columns: (keyof T & string)[], key: keyof T & string, ids: readonly number[]): Promise<T[]> {
  const qb = ctx.ds.getRepository(entity as ClassType<ObjectLiteral>).createQueryBuilder(alias);
  qb.select(`${alias}.${columns[0]}`, columns[0]);
  for (const c of columns.slice(1)) qb.addSelect(`${alias}.${c}`, c);
  return qb.where(`${alias}.${key} IN (:...ids)`, { ids: [...ids] }).orderBy(`${alias}.id`, "ASC").getRawMany<T>();
}

// The loaders of an item's related rows: the field resolvers and a page's prefetch share them.
const areaById = (ctx: RequestContext) =>
  ctx.loader<number, BusinessArea | null>("synpunkter.areaById", async (ids) =>
    indexByKeys(ids, await rawRows<BusinessArea>(ctx, BusinessArea, "a", ["id", "name", "handlingDays", "active"], "id", ids), (a) => a.id),
  );
const repliesByItem = (ctx: RequestContext) =>
  ctx.loader<number, FeedbackReply[]>("synpunkter.repliesByItem", async (ids) =>
    groupByKeys(ids, await rawRows<FeedbackReply>(ctx, FeedbackReply, "r", ["id", "feedbackId", "repliedDate", "text", "repliedBy"], "feedbackId", ids), (r) => r.feedbackId),
  );
const eventsByItem = (ctx: RequestContext) =>
  ctx.loader<number, FeedbackEvent[]>("synpunkter.eventsByItem", async (ids) =>
    groupByKeys(ids, await rawRows<FeedbackEvent>(ctx, FeedbackEvent, "e", ["id", "feedbackId", "type", "date", "actor", "note"], "feedbackId", ids), (e) => e.feedbackId),
  );
// The originals are person-level too: the batch is access-logged like the list itself.
const originalById = (ctx: RequestContext) =>
  ctx.loader<number, FeedbackItem | null>("synpunkter.itemById", async (ids) => {
    const originals = await findByKeys(ctx.ds.manager, FeedbackItem, "id", ids);
    await feedbackService(ctx).logRead("FeedbackItem.duplicateOf", originals);
    return indexByKeys(ids, originals, (i) => i.id);
  });

/** A page's related rows, for the fields its query selects: one batch each (keys already loaded are skipped). */
const relatedOf = (ctx: RequestContext): Record<string, Prefetch<FeedbackItem>> => ({
  businessArea: (items) => areaById(ctx).prefetch(items.map((i) => i.businessAreaId)),
  replies: (items) => repliesByItem(ctx).prefetch(items.map((i) => i.id)),
  history: (items) => eventsByItem(ctx).prefetch(items.map((i) => i.id)),
  duplicateOf: (items) => originalById(ctx).prefetch(items.flatMap((i) => (i.duplicateOfId === null ? [] : [i.duplicateOfId]))),
});

@Resolver(() => FeedbackItem)
export class FeedbackResolver {
  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackConnection, { description: "Feedback items, newest first, with filters. Access-logged." })
  async feedbackItems(@Args(() => FeedbackListArgs) args: FeedbackListArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    const page = await feedbackService(ctx).list(args);
    // Loaded before graphql walks the page, so the fields answer without a promise per row: the
    // page's related rows, then those of the originals it selects (after, to reuse what is loaded).
    const related = relatedOf(ctx);
    await prefetchSelected(info, ["nodes"], page.nodes, related);
    const loadedOriginals = originalById(ctx);
    const originals = page.nodes.flatMap((i) => (i.duplicateOfId === null ? [] : (loadedOriginals.peek(i.duplicateOfId) ?? [])));
    await prefetchSelected(info, ["nodes", "duplicateOf"], originals, related);
    return page;
  }

  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackItem, { description: "One feedback item. Access-logged." })
  feedbackItem(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext) {
    return feedbackService(ctx).get(id);
  }

  @Authorized(SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT)
  @Mutation(() => FeedbackItem, { description: "Register feedback from a caseworker or from the e-service integration." })
  registerFeedback(@Arg("input", () => RegisterFeedbackInput) input: RegisterFeedbackInput, @Ctx() ctx: RequestContext) {
    return feedbackService(ctx).register(input, ctx.principal!.subject);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Assign a handler; the item moves to IN_PROGRESS." })
  assignFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("handler", () => String) handler: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).assign(id, handler, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Record the reply (återkoppling) sent to the submitter." })
  replyToFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ReplyInput) input: ReplyInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).reply(id, input, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Close the item. A submitter who wants a reply must have got one first." })
  closeFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("closedDate", () => LocalDateScalar, { nullable: true }) closedDate: LocalDate | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).close(id, closedDate ?? undefined, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Reopen a closed item for completion; its due date stays, so closing late counts as late." })
  reopenFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).reopen(id, reason, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Mark as a duplicate of another item (the same feedback sent twice) and close it." })
  markFeedbackDuplicate(
    @Arg("id", () => ID) id: string,
    @Arg("duplicateOfId", () => ID) duplicateOfId: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).markDuplicate(id, duplicateOfId, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Record that the item was forwarded to an external organisation, association or company." })
  forwardFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("organisation", () => String) organisation: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).forward(id, organisation, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Record the improvement the feedback led to (ständiga förbättringar)." })
  recordFeedbackImprovement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ImprovementInput) input: ImprovementInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).recordImprovement(id, input.kind, input.description, expectedVersion);
  }

  @FieldResolver(() => BusinessArea)
  businessArea(@Root() item: FeedbackItem, @Ctx() ctx: RequestContext) {
    return areaById(ctx).get(item.businessAreaId);
  }

  @FieldResolver(() => [FeedbackReply], { description: "Replies sent, oldest first: the first `first` (default 25, at most 100)." })
  replies(@Root() item: FeedbackItem, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(repliesByItem(ctx).get(item.id), first);
  }

  @FieldResolver(() => [FeedbackEvent], { description: "Handling history, oldest first: the first `first` (default 25, at most 100)." })
  history(@Root() item: FeedbackItem, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: RequestContext) {
    return takeFirst(eventsByItem(ctx).get(item.id), first);
  }

  @FieldResolver(() => FeedbackItem, { nullable: true, description: "The original, when this item is a duplicate." })
  duplicateOf(@Root() item: FeedbackItem, @Ctx() ctx: RequestContext) {
    return item.duplicateOfId === null ? null : originalById(ctx).get(item.duplicateOfId);
  }

  @FieldResolver(() => Boolean, { description: "Closed (finally) on or before the due date." })
  handledInTime(@Root() item: FeedbackItem) {
    return handledInTime(item);
  }

  @FieldResolver(() => Boolean, { description: "Open and past the due date." })
  overdue(@Root() item: FeedbackItem) {
    return isOverdue(item, todayLocalDate());
  }
}
