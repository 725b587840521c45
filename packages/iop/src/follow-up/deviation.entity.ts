import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { DeviationSeverity } from "./follow-up.enums";

/** Avvikelse — the agreement was not carried out as decided. */
@ObjectType("IopDeviation", { description: "Avvikelse — a deviation from what the agreement and the board decided." })
@Entity({ name: "iop_deviation" })
@Index(["agreementId"])
@Index(["detectedOn"])
export class Deviation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Column({ type: "int", nullable: true, default: null })
  evaluationId!: number | null;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  detectedOn!: LocalDate;

  @Field(() => DeviationSeverity)
  @Column({ type: "varchar", length: 8 })
  severity!: DeviationSeverity;

  @Field(() => String)
  @Column({ type: "text" })
  description!: string;

  @Field(() => String, { nullable: true, description: "Åtgärd — what was done about it." })
  @Column({ type: "text", nullable: true, default: null })
  measures!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Null while open." })
  @Column({ ...dateColumn, nullable: true, default: null })
  resolvedOn!: LocalDate | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you resolve it." })
  @VersionColumn()
  version!: number;
}
