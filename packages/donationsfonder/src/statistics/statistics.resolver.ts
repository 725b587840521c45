import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { LocalDateScalar, disclosurePolicy, logExactStatisticsRead, type LocalDate, type RequestContext } from "@arbetsliv/core";
import { DonationScopes } from "../scopes";
import { StatisticsService } from "./statistics.service";
import { DonationReport } from "./statistics.types";

@Resolver()
export class StatisticsResolver {
  @Authorized(DonationScopes.STATS, DonationScopes.STATS_EXACT, DonationScopes.READ)
  @Query(() => DonationReport, {
    description: "Utdelning per omgång och fond — applications, granted, rejected by reason, amount distributed, persons reached; for the rounds paid out in [from, to]. No person data.",
  })
  async donationReport(@Arg("from", () => LocalDateScalar) from: LocalDate, @Arg("to", () => LocalDateScalar) to: LocalDate, @Ctx() ctx: RequestContext) {
    // Exact with donationsfonder:stats:exact (access-logged); otherwise small counts suppressed.
    const policy = disclosurePolicy(ctx, "donationsfonder");
    const report = await new StatisticsService(ctx.ds.manager).report(from, to, policy);
    await logExactStatisticsRead(ctx, policy, "donationsfonder", "Query.donationReport", `${from}..${to}`);
    return report;
  }
}
