import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { FeedbackEventType } from "./feedback.enums";

/** One step of an item's handling, kept so "reopened and closed late" stays visible. */
@ObjectType({
  description:
    "A step in the handling history of a feedback item, kept so a reopened and late-closed item stays visible.",
})
@Entity({ name: "feedback_event" })
@Index(["feedbackId"])
export class FeedbackEvent {
  @Field(() => ID, { description: "The step's id; the history is in id order, oldest first." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  feedbackId!: number;

  @Field(() => FeedbackEventType, { description: "Which step it was." })
  @Column({ type: "varchar", length: 32 })
  type!: FeedbackEventType;

  @Field(() => LocalDateScalar, {
    description:
      "The day the step was taken (given when back-registering a past case, otherwise today in Europe/Stockholm).",
  })
  @Column({ ...dateColumn })
  date!: LocalDate;

  @Field(() => String, { description: "Who took the step: a caseworker's id or the e-service integration." })
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The step's detail: the handler (ASSIGNED), the reason (REOPENED), the organisation (FORWARDED), the original (MARKED_DUPLICATE) or the improvement kind; null otherwise or after retention.",
  })
  @Column({ type: "text", nullable: true, default: null })
  note!: string | null;
}
