import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { DeviationSeverity } from "./follow-up.enums";

/** Avvikelse — the agreement was not carried out as decided. */
@ObjectType("IopDeviation", {
  description:
    "Avvikelse — a deviation from what the agreement and the board decided, found in a follow-up or reported on its own; open until resolved.",
})
@Entity({ name: "iop_deviation" })
@Index(["agreementId"])
@Index(["detectedOn"])
export class Deviation {
  @Field(() => ID, { description: "The deviation's id (resolveIopDeviation's input.id)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Column({ type: "int", nullable: true, default: null })
  evaluationId!: number | null;

  @Field(() => LocalDateScalar, { description: "The day it was found." })
  @Column({ ...dateColumn })
  detectedOn!: LocalDate;

  @Field(() => DeviationSeverity, { description: "How serious it is." })
  @Column({ type: "varchar", length: 8 })
  severity!: DeviationSeverity;

  @Field(() => String, { description: "What happened." })
  @Column({ type: "text" })
  description!: string;

  @Field(() => String, {
    nullable: true,
    description: "Åtgärd — what was done about it; null while nothing is recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  measures!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day it was resolved; null while open." })
  @Column({ ...dateColumn, nullable: true, default: null })
  resolvedOn!: LocalDate | null;

  @Field(() => Int, {
    description: "Optimistic-locking version: pass it back as input.expectedVersion when you resolve the deviation.",
  })
  @VersionColumn()
  version!: number;
}
