import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import {
  MaxItems,
  StatisticsDisclosure,
  SuppressedFields,
  disclosureInfo,
  type DisclosurePolicy,
  type RequestContext,
} from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core/values";
import { DonationScopes } from "../scopes";
import { MAX_FUNDS } from "../shared/list-limits";
import { MAX_PAYMENT_DAYS, donationPayoutsByPaymentDate } from "./payment-days";

@ObjectType({
  description:
    "The donation payouts paid from one fund on one day (the day given when each was marked paid). A figure is null when disclosure control suppresses it (see suppressed).",
})
export class DonationPaymentDay {
  @Field(() => LocalDateScalar, { description: "The day the money was paid." })
  paymentDate!: LocalDate;

  @Field(() => ID, { description: "The fund paid from (DonationFund.id)." })
  fundId!: number;

  @Field(() => String, { description: "The fund's code." })
  fundCode!: string;

  @Field(() => String, { description: "The fund's name." })
  fundName!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The round the payouts belong to (DonationRound.id); null when they belong to more than one round.",
  })
  roundId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The round's name; null when the payouts belong to more than one round.",
  })
  roundName!: string | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The amount paid that day from the fund, in kronor (the payouts' decided amounts); null when suppressed.",
  })
  amount!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Payouts paid that day from the fund: one per person (one application per person and round); null when suppressed.",
  })
  payouts!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description:
    "Paid donation payouts per day paid and fund over a period, from the payment records; for a payout file for finance. No person data: without donationsfonder:stats:exact whole calendar months only, and a row of fewer payouts than the minimum count is suppressed with the cells that would reveal it; donationsfonder:stats:exact sees exact figures (access-logged).",
})
export class DonationPayoutsByPaymentDate {
  @Field(() => LocalDateScalar, { description: "The first day of the period, as asked." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period, as asked." })
  to!: LocalDate;

  @Field(() => [DonationPaymentDay], {
    description: "One row per day paid and fund with at least one payout paid, by day and then fund id.",
  })
  @MaxItems(MAX_PAYMENT_DAYS * MAX_FUNDS) // a row per day and fund
  days!: DonationPaymentDay[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The amount paid over the period, in kronor: the rows' sum; null when suppressed.",
  })
  amount!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description: "Payouts paid over the period: the rows' sum; null when suppressed.",
  })
  payouts!: number | null;

  @SuppressedFields()
  suppressed!: string[];

  policy!: DisclosurePolicy;
}

@Resolver(() => DonationPayoutsByPaymentDate)
export class PaymentDaysResolver {
  @Authorized(DonationScopes.STATS, DonationScopes.STATS_EXACT, DonationScopes.READ)
  @Query(() => DonationPayoutsByPaymentDate, {
    description:
      "Paid donation payouts per day paid and fund (amount and payouts) over at most 24 months, with the period's totals: the actual payment days, where donationReport has the rounds' planned payout dates. No person data; small rows are suppressed unless the caller holds donationsfonder:stats:exact.",
  })
  donationPayoutsByPaymentDate(
    @Arg("from", () => LocalDateScalar, {
      description: "The first day of the period; without donationsfonder:stats:exact, the first day of a month.",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The last day of the period, not before from; without donationsfonder:stats:exact, the last day of a month. The period covers at most 24 calendar months.",
    })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ): Promise<DonationPayoutsByPaymentDate> {
    return donationPayoutsByPaymentDate(ctx, from, to);
  }

  @FieldResolver(() => StatisticsDisclosure, {
    description: "How these figures were disclosure-controlled: exact or suppressed, and the minimum count shown.",
  })
  disclosure(@Root() r: DonationPayoutsByPaymentDate) {
    return disclosureInfo(r.policy, true);
  }
}
