import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, versionArg, type LocalDate } from "@arbetsliv/core/values";
import { Actor, readOne, readPage } from "@arbetsliv/core/read";
import { SynpunkterScopes } from "../scopes";
import { FeedbackItem } from "./feedback-item.entity";
import { feedbackItemGraph } from "./feedback.graph";
import {
  FeedbackListArgs,
  ImprovementInput,
  RegisterFeedbackInput,
  ReplyInput,
  STEP_DATE_DESCRIPTION,
} from "./feedback.inputs";
import { feedbackService } from "./feedback.service";

const FeedbackConnection = ConnectionType(FeedbackItem, "FeedbackItem");

/** The optional date of a handling step (same rules on every step). */
const stepDateArg = { nullable: true, description: STEP_DATE_DESCRIPTION } as const;

@Resolver(() => FeedbackItem)
export class FeedbackResolver {
  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackConnection, { description: "Feedback items, newest first, with filters. Access-logged." })
  feedbackItems(
    @Args(() => FeedbackListArgs) args: FeedbackListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, feedbackItemGraph, (columns) => feedbackService(ctx).list(args, columns));
  }

  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackItem, { nullable: true, description: "One feedback item. Access-logged." })
  feedbackItem(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readOne(ctx, info, feedbackItemGraph, () => feedbackService(ctx).get(id));
  }

  @Authorized(SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT)
  @Mutation(() => FeedbackItem, {
    description: "Register feedback from a caseworker or from the e-service integration.",
  })
  registerFeedback(
    @Arg("input", () => RegisterFeedbackInput) input: RegisterFeedbackInput,
    @Actor() actor: string,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).register(input, actor);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Assign a handler; the item moves to IN_PROGRESS." })
  assignFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("handler", () => String) handler: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("assignedDate", () => LocalDateScalar, stepDateArg) assignedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).assign(id, handler, expectedVersion, assignedDate);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description:
      "Record the reply (återkoppling) sent to the submitter; a RECEIVED item moves to IN_PROGRESS (a closed item must be reopened first).",
  })
  replyToFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ReplyInput) input: ReplyInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).reply(id, input, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: "Close the item. A submitter who wants a reply must have got one first.",
  })
  closeFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("closedDate", () => LocalDateScalar, stepDateArg) closedDate: LocalDate | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).close(id, closedDate ?? undefined, expectedVersion);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: "Reopen a closed item for completion; its due date stays, so closing late counts as late.",
  })
  reopenFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("reopenedDate", () => LocalDateScalar, stepDateArg) reopenedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).reopen(id, reason, expectedVersion, reopenedDate);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: "Mark as a duplicate of another item (the same feedback sent twice) and close it.",
  })
  markFeedbackDuplicate(
    @Arg("id", () => ID) id: string,
    @Arg("duplicateOfId", () => ID) duplicateOfId: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("markedDate", () => LocalDateScalar, stepDateArg) markedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).markDuplicate(id, duplicateOfId, expectedVersion, markedDate);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: "Record that the item was forwarded to an external organisation, association or company.",
  })
  forwardFeedback(
    @Arg("id", () => ID) id: string,
    @Arg("organisation", () => String) organisation: string,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Arg("forwardedDate", () => LocalDateScalar, stepDateArg) forwardedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).forward(id, organisation, expectedVersion, forwardedDate);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, { description: "Record the improvement the feedback led to (ständiga förbättringar)." })
  recordFeedbackImprovement(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ImprovementInput) input: ImprovementInput,
    @Arg("expectedVersion", () => Int, versionArg()) expectedVersion: number,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).recordImprovement(id, input, expectedVersion);
  }
}
