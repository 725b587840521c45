import { defineEventType, recordEvent } from "@arbetsliv/core";
import type { EntityManager } from "typeorm";
import type { FeedbackItem } from "./feedback/feedback-item.entity";
import { FeedbackEventType } from "./feedback/feedback.enums";
import { handledInTime } from "./feedback/feedback.rules";
import { SynpunkterScopes } from "./scopes";

/**
 * The events of synpunkter for integrators (e.g. the e-service learning that its feedback was
 * answered). Data holds ids, codes and dates only: never the description, the reply text, the
 * reason for reopening, the organisation forwarded to, nor anything about the submitter. A
 * receiver reads details through GraphQL with its own scopes (synpunkter:read, access-logged).
 */
const common = {
  domain: "synpunkter",
  version: 1,
  scope: SynpunkterScopes.EVENTS,
  subjectType: "FeedbackItem",
} as const;

const itemId = { type: "id", description: "The feedback item (FeedbackItem.id)." } as const;
const areaId = { type: "id", description: "Its business area (verksamhetsområde)." } as const;
const status = {
  type: "enum",
  description: "FeedbackStatus after the change: RECEIVED, IN_PROGRESS or CLOSED.",
} as const;

export const FeedbackReceived = defineEventType<{
  feedbackItemId: string;
  businessAreaId: string;
  kind: string;
  criterion: string;
  channel: string;
  receivedDate: string;
  dueDate: string;
}>({
  ...common,
  name: "feedback.received",
  description: "A feedback item was registered (by a caseworker or the e-service).",
  data: {
    feedbackItemId: itemId,
    businessAreaId: areaId,
    kind: { type: "enum", description: "FeedbackKind: PRAISE, QUESTION, SUGGESTION or COMPLAINT." },
    criterion: {
      type: "enum",
      description: "FeedbackCriterion: TREATMENT, PHYSICAL_ENVIRONMENT, INFORMATION or SERVICES.",
    },
    channel: { type: "enum", description: "FeedbackChannel: E_SERVICE, EMAIL, PHONE, LETTER or VISIT." },
    receivedDate: { type: "date", description: "When it was received." },
    dueDate: { type: "date", description: "When it must be handled (the business area's handling days)." },
  },
});

export const FeedbackAnswered = defineEventType<{
  feedbackItemId: string;
  businessAreaId: string;
  repliedDate: string;
  replyCount: number;
  status: string;
}>({
  ...common,
  name: "feedback.answered",
  description: "A reply (återkoppling) to the submitter was recorded. The text is read through GraphQL.",
  data: {
    feedbackItemId: itemId,
    businessAreaId: areaId,
    repliedDate: { type: "date", description: "When the reply was sent." },
    replyCount: { type: "integer", description: "Replies recorded for the item so far." },
    status,
  },
});

export const FeedbackClosed = defineEventType<{
  feedbackItemId: string;
  businessAreaId: string;
  closedDate: string;
  dueDate: string;
  handledInTime: boolean;
}>({
  ...common,
  name: "feedback.closed",
  description: "The item was closed (handled). A duplicate closed by marking it is feedback.marked-duplicate instead.",
  data: {
    feedbackItemId: itemId,
    businessAreaId: areaId,
    closedDate: { type: "date", description: "When it was closed." },
    dueDate: { type: "date", description: "Its due date." },
    handledInTime: { type: "boolean", description: "Closed on or before the due date." },
  },
});

export const FeedbackReopened = defineEventType<{
  feedbackItemId: string;
  businessAreaId: string;
  reopenedCount: number;
  dueDate: string;
  status: string;
}>({
  ...common,
  name: "feedback.reopened",
  description: "A closed item was reopened for completion (its due date stays). The reason is read through GraphQL.",
  data: {
    feedbackItemId: itemId,
    businessAreaId: areaId,
    reopenedCount: { type: "integer", description: "Times the item has been reopened." },
    dueDate: { type: "date", description: "Its due date (unchanged by reopening)." },
    status,
  },
});

export const FeedbackForwarded = defineEventType<{
  feedbackItemId: string;
  businessAreaId: string;
  forwardedDate: string;
}>({
  ...common,
  name: "feedback.forwarded",
  description:
    "The item was forwarded to an external organisation, association or company. Which one is read through GraphQL.",
  data: {
    feedbackItemId: itemId,
    businessAreaId: areaId,
    forwardedDate: { type: "date", description: "When it was recorded as forwarded." },
  },
});

export const FeedbackMarkedDuplicate = defineEventType<{
  feedbackItemId: string;
  duplicateOfId: string;
  businessAreaId: string;
  closedDate: string;
}>({
  ...common,
  name: "feedback.marked-duplicate",
  description: "The item was marked as a duplicate of another (the same feedback sent twice) and thereby closed.",
  data: {
    feedbackItemId: itemId,
    duplicateOfId: { type: "id", description: "The original feedback item." },
    businessAreaId: areaId,
    closedDate: { type: "date", description: "The duplicate's closed date." },
  },
});

/** Every event type of synpunkter, for the module descriptor. */
export const synpunkterEvents = [
  FeedbackReceived,
  FeedbackAnswered,
  FeedbackClosed,
  FeedbackReopened,
  FeedbackForwarded,
  FeedbackMarkedDuplicate,
];

/**
 * Records the integrator event for a step of the handling history, in the step's transaction.
 * Steps that concern only the administration (assigning a handler, an improvement) have none.
 */
export async function recordFeedbackEvent(
  manager: EntityManager,
  step: FeedbackEventType,
  item: FeedbackItem,
  date: string,
): Promise<void> {
  const feedbackItemId = String(item.id);
  const businessAreaId = String(item.businessAreaId);
  const subjectId = item.id;
  switch (step) {
    case FeedbackEventType.REGISTERED:
      return recordEvent(manager, FeedbackReceived, {
        subjectId,
        data: {
          feedbackItemId,
          businessAreaId,
          kind: item.kind,
          criterion: item.criterion,
          channel: item.channel,
          receivedDate: item.receivedDate,
          dueDate: item.dueDate,
        },
      });
    case FeedbackEventType.REPLIED:
      return recordEvent(manager, FeedbackAnswered, {
        subjectId,
        data: { feedbackItemId, businessAreaId, repliedDate: date, replyCount: item.replyCount, status: item.status },
      });
    case FeedbackEventType.CLOSED:
      return recordEvent(manager, FeedbackClosed, {
        subjectId,
        data: {
          feedbackItemId,
          businessAreaId,
          closedDate: item.closedDate!,
          dueDate: item.dueDate,
          handledInTime: handledInTime(item),
        },
      });
    case FeedbackEventType.REOPENED:
      return recordEvent(manager, FeedbackReopened, {
        subjectId,
        data: {
          feedbackItemId,
          businessAreaId,
          reopenedCount: item.reopenedCount,
          dueDate: item.dueDate,
          status: item.status,
        },
      });
    case FeedbackEventType.FORWARDED:
      return recordEvent(manager, FeedbackForwarded, {
        subjectId,
        data: { feedbackItemId, businessAreaId, forwardedDate: date },
      });
    case FeedbackEventType.MARKED_DUPLICATE:
      return recordEvent(manager, FeedbackMarkedDuplicate, {
        subjectId,
        data: {
          feedbackItemId,
          duplicateOfId: String(item.duplicateOfId),
          businessAreaId,
          closedDate: item.closedDate!,
        },
      });
    case FeedbackEventType.ASSIGNED:
    case FeedbackEventType.IMPROVEMENT_RECORDED:
      return;
  }
}
