import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { AnswerType } from "./follow-up.enums";

/** Utvärderingsmall — the shared evaluation template; its questions are data. */
@ObjectType("IopEvaluationTemplate", {
  description: "Utvärderingsmall — an evaluation template whose questions are data.",
})
@Entity({ name: "iop_evaluation_template" })
export class EvaluationTemplate {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String)
  @Index({ unique: true })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;
}

@ObjectType("IopEvaluationQuestion", { description: "A question of an evaluation template." })
@Entity({ name: "iop_evaluation_question" })
@Index(["templateId", "position"], { unique: true })
export class EvaluationQuestion {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  templateId!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  position!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 500 })
  text!: string;

  @Field(() => AnswerType)
  @Column({ type: "varchar", length: 16 })
  answerType!: AnswerType;

  @Field(() => Boolean)
  @Column({ type: "boolean", default: true })
  required!: boolean;
}
