import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/** Återkoppling — a reply sent to the submitter. */
@ObjectType({ description: "Återkoppling — a reply sent to the submitter of a feedback item." })
@Entity({ name: "feedback_reply" })
@Index(["feedbackId"])
export class FeedbackReply {
  @Field(() => ID, { description: "The reply's id; replies are in id order, oldest first." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  feedbackId!: number;

  @Field(() => LocalDateScalar, { description: "The day the reply was sent." })
  @Column({ ...dateColumn })
  repliedDate!: LocalDate;

  @Field(() => String, { description: 'The reply\'s text as sent; "[gallrad]" after retention removed it.' })
  @Column({ type: "text" })
  text!: string;

  @Field(() => String, { description: "Who recorded the reply (a caseworker's id)." })
  @Column({ type: "varchar", length: 128 })
  repliedBy!: string;
}
