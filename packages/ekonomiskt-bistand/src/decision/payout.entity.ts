import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { PayoutType } from "../enums";

/**
 * Utbetalning. Exactly once per decision: an ORIGINAL payout carries `onceKey` = its decision id
 * under a UNIQUE index, so a retried or concurrent request can never insert a second one.
 * Corrections are new rows (type CORRECTION, onceKey null) referencing the original; nothing is
 * ever updated or deleted.
 */
@ObjectType("AssistancePayout", {
  description: "Utbetalning av försörjningsstöd; rättelser är nya poster, aldrig ändringar.",
})
@Entity({ name: "eb_payout" })
@Index(["onceKey"], { unique: true })
// Covering for the summary rebuild (GROUP BY householdId, month) and the household-month lookups.
@Index(["householdId", "month", "amount"])
@Index(["month"])
// Covering for the payment-day sums of the summary rebuild (a lookup per payout for the amount took a minute at 1.36 M rows).
@Index(["paymentDate", "amount"])
@Index(["decisionId"])
export class Payout {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  decisionId!: number;

  @Field(() => String, { description: "The month the payout concerns, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => PayoutType)
  @Column({ type: "varchar", length: 16 })
  type!: PayoutType;

  @Field(() => MoneyScalar, { description: "Signed: a correction may be negative." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  paymentDate!: LocalDate;

  @Field(() => String, { description: "Mottagare (the applicant, or e.g. the landlord for rent paid directly)." })
  @Column({ type: "varchar", length: 200 })
  recipient!: string;

  @Column({ type: "int", nullable: true, default: null })
  onceKey!: number | null;

  @Field(() => ID, { nullable: true, description: "The original payout a correction refers to." })
  @Column({ type: "int", nullable: true, default: null })
  correctsPayoutId!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  reason!: string | null;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  createdBy!: string;

  @Column({ type: "datetime" })
  createdAt!: Date;
}
