import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { LocalDateScalar, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { SynpunkterScopes } from "../scopes";
import { feedbackStatistics } from "./statistics.service";
import { FeedbackStatistics } from "./statistics.types";

@Resolver()
export class FeedbackStatisticsResolver {
  @Authorized(SynpunkterScopes.STATS, SynpunkterScopes.READ)
  @Query(() => FeedbackStatistics, {
    description: "Statistics for any period (on the received date): the tables of 'Redovisning av inkomna synpunkter'. No person data.",
  })
  feedbackStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return feedbackStatistics(ctx.ds, from, to);
  }
}
