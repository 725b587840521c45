import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsOptional, Length } from "class-validator";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";

@ArgsType()
export class PayoutListArgs extends PageArgs {
  @Field(() => ID)
  roundId!: string;

  @Field(() => Boolean, { nullable: true, description: "true: paid only; false: still to pay." })
  paid?: boolean;

  @Field(() => ID, { nullable: true })
  fundId?: string;
}

@InputType("MarkDonationPayoutPaidInput")
export class MarkPaidInput {
  @Field(() => ID)
  payoutId!: string;

  @Field(() => LocalDateScalar, {
    description: "The day the money was paid (not before the decision, not in the future).",
  })
  paidOn!: LocalDate;

  @Field(() => String, { nullable: true, description: "Payment reference from the finance system." })
  @IsOptional()
  @Length(1, 64)
  reference?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
