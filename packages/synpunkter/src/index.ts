import { defineModule } from "@arbetsliv/core";
import { BusinessArea } from "./business-area/business-area.entity";
import { synpunkterEvents } from "./events";
import { BusinessAreaResolver } from "./business-area/business-area.resolver";
import { FeedbackEvent } from "./feedback/feedback-event.entity";
import { FeedbackItem } from "./feedback/feedback-item.entity";
import { FeedbackReply } from "./feedback/feedback-reply.entity";
import { FeedbackResolver } from "./feedback/feedback.resolver";
import { feedbackItemGraph } from "./feedback/feedback.graph";
import { synpunkterMigrations } from "./migrations";
import { SynpunkterScopes } from "./scopes";
import { seedSynpunkterDemo } from "./seed/demo";
import { FeedbackStatisticsResolver } from "./statistics/statistics.resolver";
import { feedbackRetention } from "./retention/feedback-retention";
import { FeedbackMonthClosed, FeedbackMonthHandling, FeedbackMonthSummary } from "./statistics/feedback-summary.entity";
import { feedbackSummaries } from "./statistics/feedback-summary";

export const synpunkterModule = defineModule({
  name: "synpunkter",
  description:
    "Synpunkter — citizen feedback: registration, handling within deadline, replies, statistics to the board.",
  entities: [
    BusinessArea,
    FeedbackItem,
    FeedbackReply,
    FeedbackEvent,
    FeedbackMonthSummary,
    FeedbackMonthClosed,
    FeedbackMonthHandling,
  ],
  resolvers: [FeedbackResolver, BusinessAreaResolver, FeedbackStatisticsResolver],
  graphs: [feedbackItemGraph],
  migrations: synpunkterMigrations,
  scopes: [
    {
      name: SynpunkterScopes.READ,
      description: "Read feedback items with description and submitter contact (access-logged).",
      personLevel: true,
    },
    { name: SynpunkterScopes.WRITE, description: "Register and handle feedback." },
    { name: SynpunkterScopes.SUBMIT, description: "Register feedback only (the e-service integration)." },
    {
      name: SynpunkterScopes.STATS,
      description:
        "Statistics for the board; no person data. Whole calendar months; counts below DISCLOSURE_MIN_CELL (3) and the cells that would reveal them are suppressed.",
    },
    {
      name: SynpunkterScopes.STATS_EXACT,
      description:
        "The board secretariat's report: exact statistics including small counts (a cell of 1 can point to a complainant; every read is access-logged).",
      personLevel: true,
    },
    {
      name: SynpunkterScopes.EVENTS,
      description:
        "Receive the domain's events: ids and non-personal facts; details through GraphQL with your own scopes.",
    },
  ],
  events: synpunkterEvents,
  seedDemo: (ds) => seedSynpunkterDemo(ds),
  retention: feedbackRetention,
  summaries: feedbackSummaries,
});

export { SynpunkterScopes } from "./scopes";
export { BusinessArea } from "./business-area/business-area.entity";
export { FeedbackItem } from "./feedback/feedback-item.entity";
export { FeedbackReply } from "./feedback/feedback-reply.entity";
export { FeedbackEvent } from "./feedback/feedback-event.entity";
export { feedbackStatistics, splitPeriod, controlFeedbackStatistics } from "./statistics/statistics.service";
export { COUNTER_SUMS_SQL, SUMMARY_COUNTERS, rebuildFeedbackSummaries } from "./statistics/feedback-summary";
export { FeedbackMonthClosed, FeedbackMonthHandling, FeedbackMonthSummary } from "./statistics/feedback-summary.entity";
export { seedSynpunkterDemo } from "./seed/demo";
export { MUNICIPAL_TIME_ZONE, municipalToday } from "./feedback/municipal-date";
export * from "./events";
