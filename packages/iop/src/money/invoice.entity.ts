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
import { InvoiceKind } from "./money.enums";

/** Faktura — an invoice from the partner under an agreement. Registered exactly once per invoice number. */
@ObjectType("IopInvoice", {
  description: "Faktura — an invoice from the partner under an agreement, registered once per invoice number.",
})
@Entity({ name: "iop_invoice" })
@Index(["agreementId", "invoiceNumber"], { unique: true })
@Index(["invoiceDate"])
export class Invoice {
  @Field(() => ID, { description: "The invoice's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => String, { description: "The partner's invoice number, unique within the agreement." })
  @Column({ type: "varchar", length: 60 })
  invoiceNumber!: string;

  @Field(() => LocalDateScalar, { description: "The invoice's date; it decides the year the cost counts in." })
  @Column({ ...dateColumn })
  invoiceDate!: LocalDate;

  @Field(() => InvoiceKind, { description: "Whether it bills an agreed amount or adds to the cost." })
  @Column({ type: "varchar", length: 16 })
  kind!: InvoiceKind;

  @Field(() => MoneyScalar, { description: "The invoiced amount, in kronor (decimal string)." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true, description: "What the invoice is for; null when not given." })
  @Column({ type: "varchar", length: 500, nullable: true, default: null })
  description!: string | null;

  @Field(() => Date, { description: "When it was registered here (timestamp, UTC)." })
  @CreateDateColumn({ type: "datetime" })
  registeredAt!: Date;
}
