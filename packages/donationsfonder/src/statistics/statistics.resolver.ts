import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { DonationScopes } from "../scopes";
import { statisticsService } from "./statistics.service";
import { DonationReport } from "./statistics.types";

@Resolver()
export class StatisticsResolver {
  @Authorized(DonationScopes.STATS, DonationScopes.STATS_EXACT, DonationScopes.READ)
  @Query(() => DonationReport, {
    description:
      "Utdelning per omgång och fond — applications, granted, rejected by reason, amount distributed, persons reached; for the rounds paid out in [from, to]. No person data.",
  })
  donationReport(
    @Arg("from", () => LocalDateScalar) from: LocalDate,
    @Arg("to", () => LocalDateScalar) to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).donationReport(from, to);
  }
}
