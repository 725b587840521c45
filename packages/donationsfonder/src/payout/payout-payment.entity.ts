import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/**
 * Utbetald — the record that a payout was paid. UNIQUE on payoutId: a payout is marked paid
 * exactly once, however many requests race to do it.
 */
@ObjectType("DonationPayoutPayment", { description: "Utbetald — when and by whom a payout was paid." })
@Entity({ name: "donation_payout_payment" })
@Index(["payoutId"], { unique: true })
@Index(["roundId"])
export class PayoutPayment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  payoutId!: number;

  @Column({ type: "int" })
  roundId!: number;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  paidOn!: LocalDate;

  @Field(() => Date)
  @Column({ type: "datetime" })
  recordedAt!: Date;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  paidBy!: string;

  @Field(() => String, { nullable: true, description: "Payment reference from the finance system." })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  reference!: string | null;
}
