import { computed, defineGraph, many, ref } from "@arbetsliv/core/read";
import { BusinessArea } from "../business-area/business-area.entity";
import { DOMAIN } from "../scopes";
import { FeedbackEvent } from "./feedback-event.entity";
import { FeedbackItem } from "./feedback-item.entity";
import { FeedbackReply } from "./feedback-reply.entity";
import { handledInTime, isOverdue } from "./feedback.rules";
import { municipalToday } from "./municipal-date";

/** A feedback item's relations and computed fields: the read layer makes their resolvers, loaders and prefetch. */
export const feedbackItemGraph = defineGraph(FeedbackItem, {
  domain: DOMAIN,
  relations: {
    businessArea: ref(() => BusinessArea, "businessAreaId", {
      description: "The business area (verksamhetsområde) the item is about; its handling time set the due date.",
    }),
    replies: many(() => FeedbackReply, "feedbackId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "Replies sent, oldest first: the first `first` (default 25, at most 100).",
    }),
    history: many(() => FeedbackEvent, "feedbackId", {
      order: { id: "ASC" },
      paging: "slice",
      description: "Handling history, oldest first: the first `first` (default 25, at most 100).",
    }),
    // The originals are person-level too: access-logged like the list itself.
    duplicateOf: ref(() => FeedbackItem, "duplicateOfId", {
      nullable: true,
      description: "The original, when this item is a duplicate.",
      accessLog: { operation: "FeedbackItem.duplicateOf", recordType: "FeedbackItem" },
    }),
  },
  computed: {
    handledInTime: computed(
      () => Boolean,
      ["status", "closedDate", "dueDate"],
      (item) => handledInTime(item),
      {
        description:
          "Finally closed on or before the due date (a reopened item counts by its last closing); false while open.",
      },
    ),
    overdue: computed(
      () => Boolean,
      ["closedDate", "dueDate"],
      (item) => isOverdue(item, municipalToday()),
      {
        description:
          "Open and past the due date: the due date is before today in Europe/Stockholm (the municipality's day, not UTC's).",
      },
    ),
  },
});
