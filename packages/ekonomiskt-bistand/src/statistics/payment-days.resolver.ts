import { Arg, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MaxItems, StatisticsDisclosure, SuppressedFields, disclosureInfo, type RequestContext } from "@arbetsliv/core";
import { LocalDateScalar, MoneyScalar, type LocalDate, type Ore } from "@arbetsliv/core/values";
import type { DisclosurePolicy } from "@arbetsliv/core";
import { EkonomisktBistandScopes as S } from "../scopes";
import { MAX_PAYMENT_DAYS, assistancePayoutsByPaymentDate } from "./payment-days";

@ObjectType({
  description:
    "One payment date with payouts of försörjningsstöd: originals and corrections dated that day. A figure is null when disclosure control suppresses it (see suppressed).",
})
export class AssistancePaymentDay {
  @Field(() => LocalDateScalar, { description: "Utbetalningsdag — the payment date." })
  paymentDate!: LocalDate;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The amount paid on the day in kronor (öre exact): original payouts plus corrections dated that day (a correction may be negative). Money received back (recoveries) is not included; it is in assistanceIndicators.recovered by month received.",
  })
  amount!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description: "Payout entries dated that day, originals and corrections; suppressed with the day's households.",
  })
  payouts!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Distinct households with a payout or correction dated that day; null when suppressed.",
  })
  households!: number | null;

  @SuppressedFields()
  suppressed!: string[];
}

@ObjectType({
  description:
    "Payouts of försörjningsstöd per payment date over a period, computed from the payout records; for a payout file for finance. No person data: without ekonomiskt-bistand:stats:exact whole calendar months only, and a day with fewer households than the minimum count is suppressed with the cells that would reveal it; ekonomiskt-bistand:stats:exact sees exact figures (access-logged). The days of a month add up to assistanceIndicators' grossPaid for that month.",
})
export class AssistancePayoutsByPaymentDate {
  @Field(() => LocalDateScalar, { description: "The first day of the period, as asked." })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The last day of the period, as asked." })
  to!: LocalDate;

  @Field(() => [AssistancePaymentDay], {
    description: "Every payment date of the period with at least one payout or correction, oldest first.",
  })
  @MaxItems(MAX_PAYMENT_DAYS)
  days!: AssistancePaymentDay[];

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "The amount paid over the period in kronor: the days' sum, corrections included, recoveries not (equal to assistanceIndicators.grossPaid for the same period); null when suppressed.",
  })
  amount!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description: "Payout entries (originals and corrections) dated in the period: the days' sum; null when suppressed.",
  })
  payouts!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Distinct households with a payout or correction dated in the period; null when suppressed.",
  })
  households!: number | null;

  @SuppressedFields()
  suppressed!: string[];

  policy!: DisclosurePolicy;
}

@Resolver(() => AssistancePayoutsByPaymentDate)
export class PaymentDaysResolver {
  @Authorized(S.STATS, S.STATS_EXACT, S.READ)
  @Query(() => AssistancePayoutsByPaymentDate, {
    description:
      "Payouts of försörjningsstöd per payment date (amount, payout entries, households) over at most 24 months, with the period's totals. No person data; small days are suppressed unless the caller holds ekonomiskt-bistand:stats:exact.",
  })
  assistancePayoutsByPaymentDate(
    @Arg("from", () => LocalDateScalar, {
      description: "The first day of the period; without ekonomiskt-bistand:stats:exact, the first day of a month.",
    })
    from: LocalDate,
    @Arg("to", () => LocalDateScalar, {
      description:
        "The last day of the period, not before from; without ekonomiskt-bistand:stats:exact, the last day of a month. The period covers at most 24 calendar months.",
    })
    to: LocalDate,
    @Ctx() ctx: RequestContext,
  ): Promise<AssistancePayoutsByPaymentDate> {
    return assistancePayoutsByPaymentDate(ctx, from, to);
  }

  @FieldResolver(() => StatisticsDisclosure, {
    description: "How these figures were disclosure-controlled: exact or suppressed, and the minimum count shown.",
  })
  disclosure(@Root() r: AssistancePayoutsByPaymentDate) {
    return disclosureInfo(r.policy, true);
  }
}
