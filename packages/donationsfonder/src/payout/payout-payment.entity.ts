import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/**
 * Utbetald — the record that a payout was paid. UNIQUE on payoutId: a payout is marked paid
 * exactly once, however many requests race to do it.
 */
@ObjectType("DonationPayoutPayment", {
  description:
    "Utbetald — the record that a payout was paid: when, by whom and with which reference. At most one per payout.",
})
@Entity({ name: "donation_payout_payment" })
@Index(["payoutId"], { unique: true })
@Index(["roundId"])
// The payouts per day paid (donationPayoutsByPaymentDate) read a period of paidOn.
@Index(["paidOn"])
export class PayoutPayment {
  @Field(() => ID, { description: "The payment record's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  payoutId!: number;

  @Column({ type: "int" })
  roundId!: number;

  @Field(() => LocalDateScalar, { description: "The day the money was paid, as given when marked paid." })
  @Column({ ...dateColumn })
  paidOn!: LocalDate;

  @Field(() => Date, { description: "When it was marked paid in the system." })
  @Column({ type: "datetime" })
  recordedAt!: Date;

  @Field(() => String, { description: "Who marked it paid: the token subject." })
  @Column({ type: "varchar", length: 128 })
  paidBy!: string;

  @Field(() => String, {
    nullable: true,
    description: "The payment's reference in the finance system; null when none was given.",
  })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  reference!: string | null;
}
