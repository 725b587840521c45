import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";

/** Faktura — what a provider invoiced for a month (or at move-out), to compare with the invoice basis. */
@ObjectType({
  description:
    "An invoice (faktura) received from a provider for a month's placements, for one placement at move-out, or for its service fee; compared with the invoice basis.",
})
@Entity({ name: "rv_provider_invoice" })
@Index(["providerId", "invoiceNumber"], { unique: true })
@Index(["providerId", "month"])
export class ProviderInvoice {
  @Field(() => ID, { description: "The recorded invoice's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  providerId!: number;

  @Field(() => String, { description: "The provider's invoice number; each is recorded once." })
  @Column({ type: "varchar", length: 64 })
  invoiceNumber!: string;

  @Field(() => String, { description: "The calendar month the invoice covers, as YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => ID, { nullable: true, description: "Set for an invoice at move-out (utflyttning) of one placement." })
  @Column({ type: "int", nullable: true, default: null })
  placementId!: number | null;

  @Field(() => MoneyScalar, { description: "The invoiced amount, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => Boolean, {
    description:
      "An invoice of the fixed service fee (invoiced separately by the provider); not part of the monthly placement comparison.",
  })
  @Column({ type: "boolean", default: false })
  serviceFee!: boolean;

  @Field(() => LocalDateScalar, { description: "The day the invoice was received." })
  @Column({ ...dateColumn })
  receivedOn!: LocalDate;

  @Field(() => Date, { description: "When the invoice was recorded." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
