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
@ObjectType("IopInvoice", { description: "Faktura — an invoice from the partner under an agreement." })
@Entity({ name: "iop_invoice" })
@Index(["agreementId", "invoiceNumber"], { unique: true })
@Index(["invoiceDate"])
export class Invoice {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => String, { description: "The partner's invoice number." })
  @Column({ type: "varchar", length: 60 })
  invoiceNumber!: string;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  invoiceDate!: LocalDate;

  @Field(() => InvoiceKind)
  @Column({ type: "varchar", length: 16 })
  kind!: InvoiceKind;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 500, nullable: true, default: null })
  description!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  registeredAt!: Date;
}
