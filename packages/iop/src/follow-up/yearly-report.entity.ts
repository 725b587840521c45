import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { YearlyReportKind } from "./follow-up.enums";

/** Verksamhetsberättelse / verksamhetsplan received from the partner for a year (once per kind and year). */
@ObjectType("IopYearlyReport", {
  description: "Verksamhetsberättelse, verksamhetsplan or kvalitetsbilaga received from the partner for a year.",
})
@Entity({ name: "iop_yearly_report" })
@Index(["agreementId", "year", "kind"], { unique: true })
@Index(["year"])
export class YearlyReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => Int, { description: "The year the report covers (or plans)." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => YearlyReportKind)
  @Column({ type: "varchar", length: 20 })
  kind!: YearlyReportKind;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  receivedOn!: LocalDate;

  @Field(() => Int, {
    nullable: true,
    description: "Antal individer som tagit del av insatsen — required on an activity report.",
  })
  @Column({ type: "int", nullable: true, default: null })
  individualsServed!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  notes!: string | null;
}
