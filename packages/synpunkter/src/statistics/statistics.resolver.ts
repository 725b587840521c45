import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { LocalDateScalar, ValidationError, assertWholeMonths, disclosurePolicy, logExactStatisticsRead, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { SynpunkterScopes } from "../scopes";
import { feedbackStatistics } from "./statistics.service";
import { FeedbackStatistics } from "./statistics.types";

@Resolver()
export class FeedbackStatisticsResolver {
  @Authorized(SynpunkterScopes.STATS, SynpunkterScopes.STATS_EXACT, SynpunkterScopes.READ)
  @Query(() => FeedbackStatistics, {
    description: "Statistics for any period (on the received date): the tables of 'Redovisning av inkomna synpunkter'. No person data.",
  })
  async feedbackStatistics(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    // Exact with synpunkter:stats:exact (access-logged); otherwise whole months and small counts suppressed.
    const policy = disclosurePolicy(ctx, "synpunkter");
    if (from > to) throw new ValidationError("to", "order", "must not be before from");
    assertWholeMonths(policy, from, to);
    await logExactStatisticsRead(ctx, policy, "synpunkter", "Query.feedbackStatistics", `${from}..${to}`);
    return feedbackStatistics(ctx.ds, from, to, policy);
  }
}
