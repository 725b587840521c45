import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { AccompanyingChild } from "../clients/child.entity";

/** A child covered by a placement, with the child's own assessment and decision. */
@ObjectType({
  description:
    "A child covered by a placement, with its own assessment (bedömning) and decision (beslut): since 1 April 2024 each accompanying child is an individual with its own decision.",
})
@Entity({ name: "rv_placement_child" })
@Index(["placementId", "childId"], { unique: true })
@Index(["childId"])
export class PlacementChildDecision {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  placementId!: number;

  @Column({ type: "int" })
  childId!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the child's own needs were assessed; null only while an acute placement awaits it.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  assessedOn!: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description: "The child's own decision (beslut); null only while an acute placement awaits it.",
  })
  @Column({ type: "varchar", length: 64, nullable: true, default: null })
  decisionReference!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the child's own decision; null only while an acute placement awaits it.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  /** Filled by the loader (joined in the same query); not a column. */
  @Field(() => AccompanyingChild, { description: "The child the decision concerns. Access-logged." })
  child!: AccompanyingChild;
}
