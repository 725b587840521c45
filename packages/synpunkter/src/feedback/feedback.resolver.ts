import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  ConnectionType,
  movedArgOptions,
  movedVersionArgOptions,
  optionalMoved,
  requiredMoved,
  requiredMovedArgument,
  type RequestContext,
} from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { Actor, readOne, readPage } from "@arbetsliv/core/read";
import { SynpunkterScopes } from "../scopes";
import { FeedbackItem } from "./feedback-item.entity";
import { feedbackItemGraph } from "./feedback.graph";
import {
  AssignFeedbackInput,
  CloseFeedbackInput,
  FeedbackListArgs,
  ForwardFeedbackInput,
  ImprovementInput,
  MarkFeedbackDuplicateInput,
  RegisterFeedbackInput,
  ReopenFeedbackInput,
  ReplyInput,
  STEP_DATE_DESCRIPTION,
} from "./feedback.inputs";
import { feedbackService, type StepTarget } from "./feedback.service";

const FeedbackConnection = ConnectionType(FeedbackItem, "FeedbackItem");

/** A top-level argument of a handling step that moved into its `input` (deprecated, still accepted). */
const moved = (name: string, description: string) =>
  movedArgOptions(name, `${description} Deprecated: give input.${name}.`);

const ID_ARG = moved("id", "The feedback item to change (FeedbackItem.id).");
const VERSION_ARG = movedVersionArgOptions(
  "The item's version you read (FeedbackItem.version); a stale one gives CONFLICT. Deprecated: give input.expectedVersion.",
);
const stepDateArg = (name: string) => moved(name, STEP_DATE_DESCRIPTION);

/** What a step's mutation names the item, version and date by: `input.x`, or the deprecated argument. */
function stepTarget(
  input: { id?: string | null; expectedVersion?: number | null } | null | undefined,
  id: string | null | undefined,
  expectedVersion: number | null | undefined,
  date: { name: string; inInput: LocalDate | null | undefined; argument: LocalDate | null | undefined },
): StepTarget {
  const inputForm = input != null;
  return {
    id: requiredMoved("id", input?.id, id),
    expectedVersion: requiredMovedArgument("expectedVersion", input?.expectedVersion, expectedVersion),
    date: optionalMoved(date.name, date.inInput, date.argument, { inputForm }),
  };
}

const RETURNS_NEW_VERSION = "Returns the item with its new version; a stale input.expectedVersion gives CONFLICT.";

@Resolver(() => FeedbackItem)
export class FeedbackResolver {
  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackConnection, {
    description:
      "Feedback items, newest received first, with filters (synpunkter:read). Person-level: every page is access-logged with the items' ids.",
  })
  feedbackItems(
    @Args(() => FeedbackListArgs) args: FeedbackListArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readPage(ctx, info, feedbackItemGraph, (columns) => feedbackService(ctx).list(args, columns));
  }

  @Authorized(SynpunkterScopes.READ)
  @Query(() => FeedbackItem, {
    nullable: true,
    description:
      "One feedback item (synpunkter:read); access-logged. Null with NOT_FOUND when there is none with this id.",
  })
  feedbackItem(
    @Arg("id", () => ID, { description: "The item's id (FeedbackItem.id)." }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readOne(ctx, info, feedbackItemGraph, () => feedbackService(ctx).get(id));
  }

  @Authorized(SynpunkterScopes.WRITE, SynpunkterScopes.SUBMIT)
  @Mutation(() => FeedbackItem, {
    description:
      "Register feedback from a caseworker or from the e-service integration (synpunkter:write or synpunkter:submit); returns the item with version 1, status RECEIVED and its due date. With input.idempotencyKey a retry returns the first answer.",
  })
  registerFeedback(
    @Arg("input", () => RegisterFeedbackInput, { description: "The feedback to register." })
    input: RegisterFeedbackInput,
    @Actor() actor: string,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackService(ctx).register(input, actor);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Assign a handler; the item moves to IN_PROGRESS (a closed item must be reopened first). ${RETURNS_NEW_VERSION}`,
  })
  assignFeedback(
    @Arg("input", () => AssignFeedbackInput, {
      nullable: true,
      description: "The item, the handler and the version you read. Give every value here.",
    })
    input: AssignFeedbackInput | null | undefined,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("handler", () => String, moved("handler", "The handler's id (a caseworker's user id)."))
    handler: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Arg("assignedDate", () => LocalDateScalar, stepDateArg("assignedDate")) assignedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "assignedDate",
      inInput: input?.assignedDate,
      argument: assignedDate,
    });
    return feedbackService(ctx).assign(target, requiredMovedArgument("handler", input?.handler, handler));
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Record the reply (återkoppling) sent to the submitter; a RECEIVED item moves to IN_PROGRESS (a closed item must be reopened first). An anonymous submitter cannot get one (rule reply-needs-contact). ${RETURNS_NEW_VERSION}`,
  })
  replyToFeedback(
    @Arg("input", () => ReplyInput, { description: "The item, the reply's text and the version you read." })
    input: ReplyInput,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "repliedDate",
      inInput: input.repliedDate,
      argument: undefined,
    });
    return feedbackService(ctx).reply(target, input.text);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Close the item (status CLOSED, closedDate set). A submitter who wants a reply must have got one first (rule reply-before-close). ${RETURNS_NEW_VERSION}`,
  })
  closeFeedback(
    @Arg("input", () => CloseFeedbackInput, {
      nullable: true,
      description: "The item, the version you read and the closing date. Give every value here.",
    })
    input: CloseFeedbackInput | null | undefined,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Arg("closedDate", () => LocalDateScalar, stepDateArg("closedDate")) closedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "closedDate",
      inInput: input?.closedDate,
      argument: closedDate,
    });
    return feedbackService(ctx).close(target);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Reopen a closed item for completion (komplettering); it becomes IN_PROGRESS and its due date stays, so closing late counts as late. A duplicate cannot be reopened (reopen its original). ${RETURNS_NEW_VERSION}`,
  })
  reopenFeedback(
    @Arg("input", () => ReopenFeedbackInput, {
      nullable: true,
      description: "The item, the reason and the version you read. Give every value here.",
    })
    input: ReopenFeedbackInput | null | undefined,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("reason", () => String, moved("reason", "Why it is reopened; kept as the history step's note."))
    reason: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Arg("reopenedDate", () => LocalDateScalar, stepDateArg("reopenedDate")) reopenedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "reopenedDate",
      inInput: input?.reopenedDate,
      argument: reopenedDate,
    });
    return feedbackService(ctx).reopen(target, requiredMovedArgument("reason", input?.reason, reason));
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Mark as a duplicate of another item (the same feedback sent twice) and close it; it still counts as received. ${RETURNS_NEW_VERSION}`,
  })
  markFeedbackDuplicate(
    @Arg("input", () => MarkFeedbackDuplicateInput, {
      nullable: true,
      description: "The item, its original and the version you read. Give every value here.",
    })
    input: MarkFeedbackDuplicateInput | null | undefined,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("duplicateOfId", () => ID, moved("duplicateOfId", "The original (FeedbackItem.id)."))
    duplicateOfId: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Arg("markedDate", () => LocalDateScalar, stepDateArg("markedDate")) markedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "markedDate",
      inInput: input?.markedDate,
      argument: markedDate,
    });
    const original = requiredMoved("duplicateOfId", input?.duplicateOfId, duplicateOfId);
    return feedbackService(ctx).markDuplicate(target, original);
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Record that the item was forwarded to an external organisation, association or company; its status does not change. ${RETURNS_NEW_VERSION}`,
  })
  forwardFeedback(
    @Arg("input", () => ForwardFeedbackInput, {
      nullable: true,
      description: "The item, the organisation and the version you read. Give every value here.",
    })
    input: ForwardFeedbackInput | null | undefined,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("organisation", () => String, moved("organisation", "The organisation it was forwarded to."))
    organisation: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Arg("forwardedDate", () => LocalDateScalar, stepDateArg("forwardedDate"))
    forwardedDate: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "forwardedDate",
      inInput: input?.forwardedDate,
      argument: forwardedDate,
    });
    return feedbackService(ctx).forward(
      target,
      requiredMovedArgument("organisation", input?.organisation, organisation),
    );
  }

  @Authorized(SynpunkterScopes.WRITE)
  @Mutation(() => FeedbackItem, {
    description: `Record the improvement the feedback led to (ständiga förbättringar); a later one replaces it. ${RETURNS_NEW_VERSION}`,
  })
  recordFeedbackImprovement(
    @Arg("input", () => ImprovementInput, { description: "The item, the improvement and the version you read." })
    input: ImprovementInput,
    @Arg("id", () => ID, ID_ARG) id: string | null | undefined,
    @Arg("expectedVersion", () => Int, VERSION_ARG) expectedVersion: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    const target = stepTarget(input, id, expectedVersion, {
      name: "recordedDate",
      inInput: input.recordedDate,
      argument: undefined,
    });
    return feedbackService(ctx).recordImprovement(target, input);
  }
}
