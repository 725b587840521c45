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
      "Utdelning per omgång och fond (what was distributed, per round and fund) — applications, granted, rejected by reason, amounts allocated, distributed and paid, persons reached — for the rounds whose planned payout date is in [from, to]. No person data. With donationsfonder:stats small counts are suppressed; donationsfonder:stats:exact gives exact figures and is access-logged; donationsfonder:read sees them as :stats does.",
  })
  donationReport(
    @Arg("from", () => LocalDateScalar, { description: "First day of the period (inclusive)." }) from: LocalDate,
    @Arg("to", () => LocalDateScalar, { description: "Last day of the period (inclusive); not before from." })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ) {
    return statisticsService(ctx).donationReport(from, to);
  }
}
