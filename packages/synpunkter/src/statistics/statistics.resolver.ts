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
      "Statistics for any period (on the received date): the tables of 'Redovisning av inkomna synpunkter'. No person data.",
  })
  feedbackStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackStatisticsFor(ctx, from, to);
  }
}
