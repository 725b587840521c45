import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsOptional, Length } from "class-validator";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";

@ArgsType()
export class PayoutListArgs extends PageArgs {
  @Field(() => ID, { description: "The round whose payout list to read (DonationRound.id)." })
  roundId!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: paid payouts only; false: those still to pay; null = all.",
  })
  paid?: boolean;

  @Field(() => ID, { nullable: true, description: "Only payouts from this fund (DonationFund.id); null = all funds." })
  fundId?: string;
}

@InputType("MarkDonationPayoutPaidInput", {
  description: "That a payout (utbetalning) of a decided round has been paid, and when.",
})
export class MarkPaidInput {
  @Field(() => ID, { description: "The payout (DonationPayout.id)." })
  payoutId!: string;

  @Field(() => LocalDateScalar, {
    description: "The day the money was paid (not before the decision, not in the future).",
  })
  paidOn!: LocalDate;

  @Field(() => String, {
    nullable: true,
    description: "The payment's reference in the finance system, 1–64 characters; null = none.",
  })
  @IsOptional()
  @Length(1, 64)
  reference?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
