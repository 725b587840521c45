import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/** Återkoppling — a reply sent to the submitter. */
@ObjectType({ description: "Återkoppling — a reply sent to the submitter." })
@Entity({ name: "feedback_reply" })
@Index(["feedbackId"])
export class FeedbackReply {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  feedbackId!: number;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  repliedDate!: LocalDate;

  @Field(() => String)
  @Column({ type: "text" })
  text!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  repliedBy!: string;
}
