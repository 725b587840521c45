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
  description:
    "Utbetalning — a payout of försörjningsstöd for a decision: the ORIGINAL payment, made exactly once, or a later CORRECTION (rättelse) referring to it. Entries are never edited or deleted. Person-level: needs ekonomiskt-bistand:read.",
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
  @Field(() => ID, { description: "The payout's id: pass an ORIGINAL's to correctAssistancePayout or a FUT case." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The household paid." })
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => ID, { description: "The decision paid." })
  @Column({ type: "int" })
  decisionId!: number;

  @Field(() => String, { description: "The month the payout concerns, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => PayoutType, { description: "The original payment or a correction." })
  @Column({ type: "varchar", length: 16 })
  type!: PayoutType;

  @Field(() => MoneyScalar, {
    description: "The amount paid, in kronor; signed: a correction may be negative (an over-payment).",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar, {
    description: "Utbetalningsdag — the payment date; the statistics count costs by it.",
  })
  @Column({ ...dateColumn })
  paymentDate!: LocalDate;

  @Field(() => String, {
    description:
      'Mottagare — who was paid: the applicant, or e.g. the landlord for rent paid directly; "[gallrad]" once the household is gallrad.',
  })
  @Column({ type: "varchar", length: 200 })
  recipient!: string;

  @Column({ type: "int", nullable: true, default: null })
  onceKey!: number | null;

  @Field(() => ID, { nullable: true, description: "The ORIGINAL payout a correction refers to; null for an original." })
  @Column({ type: "int", nullable: true, default: null })
  correctsPayoutId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why a correction was made; null for an original and once the household is gallrad.",
  })
  @Column({ type: "text", nullable: true, default: null })
  reason!: string | null;

  @Field(() => String, { description: "The caseworker (token subject) who registered the entry." })
  @Column({ type: "varchar", length: 128 })
  createdBy!: string;

  @Column({ type: "datetime" })
  createdAt!: Date;
}
