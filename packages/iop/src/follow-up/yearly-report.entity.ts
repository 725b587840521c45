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
  @Field(() => ID, { description: "The report's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => Int, { description: "The year the report covers (or plans)." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => YearlyReportKind, { description: "Which report." })
  @Column({ type: "varchar", length: 20 })
  kind!: YearlyReportKind;

  @Field(() => LocalDateScalar, { description: "The day it was received." })
  @Column({ ...dateColumn })
  receivedOn!: LocalDate;

  @Field(() => Int, {
    nullable: true,
    description:
      "Antal individer — the number of individuals served in the year; given on an ACTIVITY_REPORT, null on the others.",
  })
  @Column({ type: "int", nullable: true, default: null })
  individualsServed!: number | null;

  @Field(() => String, { nullable: true, description: "Notes on the report; null when none." })
  @Column({ type: "text", nullable: true, default: null })
  notes!: string | null;
}
