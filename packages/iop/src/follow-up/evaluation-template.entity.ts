import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { AnswerType } from "./follow-up.enums";

/** Utvärderingsmall — the shared evaluation template; its questions are data. */
@ObjectType("IopEvaluationTemplate", {
  description:
    "Utvärderingsmall — an evaluation template: the questions a follow-up (uppföljning) of an agreement answers.",
})
@Entity({ name: "iop_evaluation_template" })
export class EvaluationTemplate {
  @Field(() => ID, { description: "The template's id (an agreement's or a follow-up's templateId)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "The template's name, unique." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the template is for; null when not given." })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;
}

@ObjectType("IopEvaluationQuestion", { description: "A question of an evaluation template." })
@Entity({ name: "iop_evaluation_question" })
@Index(["templateId", "position"], { unique: true })
export class EvaluationQuestion {
  @Field(() => ID, { description: "The question's id (an answer's questionId)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  templateId!: number;

  @Field(() => Int, { description: "Its place in the template, from 1." })
  @Column({ type: "int" })
  position!: number;

  @Field(() => String, { description: "The question as asked." })
  @Column({ type: "varchar", length: 500 })
  text!: string;

  @Field(() => AnswerType, { description: "How it is answered." })
  @Column({ type: "varchar", length: 16 })
  answerType!: AnswerType;

  @Field(() => Boolean, { description: "Whether every follow-up must answer it." })
  @Column({ type: "boolean", default: true })
  required!: boolean;
}
