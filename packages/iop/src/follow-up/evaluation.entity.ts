import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/** Uppföljning — one follow-up of an agreement for a period, answering the template's questions. */
@ObjectType("IopEvaluation", {
  description: "Uppföljning — a follow-up of an agreement for a period, answering an evaluation template's questions.",
})
@Entity({ name: "iop_evaluation" })
@Index(["agreementId", "periodEnd"], { unique: true })
@Index(["conductedOn"])
export class Evaluation {
  @Field(() => ID, { description: "The follow-up's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Column({ type: "int" })
  templateId!: number;

  @Field(() => LocalDateScalar, { description: "First day of the period followed up." })
  @Column({ ...dateColumn })
  periodStart!: LocalDate;

  @Field(() => LocalDateScalar, {
    description: "Last day of the period followed up (one follow-up per agreement and period end).",
  })
  @Column({ ...dateColumn })
  periodEnd!: LocalDate;

  @Field(() => LocalDateScalar, { description: "The day the follow-up was made." })
  @Column({ ...dateColumn })
  conductedOn!: LocalDate;

  @Field(() => String, { description: "Who followed up: a unit or a role (e.g. the steering group)." })
  @Column({ type: "varchar", length: 200 })
  conductedBy!: string;

  @Field(() => String, { nullable: true, description: "Summary of the follow-up; null when not given." })
  @Column({ type: "text", nullable: true, default: null })
  summary!: string | null;

  @Field(() => Date, { description: "When it was recorded (timestamp, UTC)." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}

@ObjectType("IopEvaluationAnswer", { description: "The answer to one template question in a follow-up." })
@Entity({ name: "iop_evaluation_answer" })
@Index(["evaluationId", "questionId"], { unique: true })
export class EvaluationAnswer {
  @Field(() => ID, { description: "The answer's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  evaluationId!: number;

  @Field(() => ID, { description: "The template question answered (IopEvaluationQuestion.id)." })
  @Column({ type: "int" })
  questionId!: number;

  @Field(() => String, {
    nullable: true,
    description: "The text answer (TEXT questions) or a comment on another answer; null when none.",
  })
  @Column({ type: "text", nullable: true, default: null })
  textValue!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The number answered, for NUMBER and SCALE_1_5 questions; null for the others.",
  })
  @Column({ type: "int", nullable: true, default: null })
  numberValue!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Yes (true) or no (false), for YES_NO questions; null for the others.",
  })
  @Column({ type: "boolean", nullable: true, default: null })
  booleanValue!: boolean | null;
}
