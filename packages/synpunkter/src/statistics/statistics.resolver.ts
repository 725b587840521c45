import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { SynpunkterScopes } from "../scopes";
import { feedbackStatisticsFor } from "./statistics.service";
import { FeedbackStatistics } from "./statistics.types";

@Resolver()
export class FeedbackStatisticsResolver {
  @Authorized(SynpunkterScopes.STATS, SynpunkterScopes.STATS_EXACT, SynpunkterScopes.READ)
  @Query(() => FeedbackStatistics, {
    description:
      "Statistics for a period on the received date: the tables of 'Redovisning av inkomna synpunkter' (the report on feedback received, to the board). No person data. With synpunkter:stats whole calendar months only and small counts suppressed; with synpunkter:stats:exact any period, exact, and the read is access-logged.",
  })
  feedbackStatistics(
    @Arg("from", () => LocalDateScalar, {
      description: "The period's first day (received date); with synpunkter:stats the first day of a month.",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The period's last day (received date), included; not before from (rule order). With synpunkter:stats the last day of a month.",
    })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackStatisticsFor(ctx, from, to);
  }
}
