import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { FeedbackEventType } from "./feedback.enums";

/** One step of an item's handling, kept so "reopened and closed late" stays visible. */
@ObjectType({ description: "A step in the handling history of a feedback item." })
@Entity({ name: "feedback_event" })
@Index(["feedbackId"])
export class FeedbackEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  feedbackId!: number;

  @Field(() => FeedbackEventType)
  @Column({ type: "varchar", length: 32 })
  type!: FeedbackEventType;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  date!: LocalDate;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  note!: string | null;
}
