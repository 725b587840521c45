import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";

/** Uppföljning — one follow-up of an agreement for a period, answering the template's questions. */
@ObjectType("IopEvaluation", {
  description: "Uppföljning — a follow-up of an agreement for a period, with the template's answers.",
})
@Entity({ name: "iop_evaluation" })
@Index(["agreementId", "periodEnd"], { unique: true })
@Index(["conductedOn"])
export class Evaluation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Column({ type: "int" })
  templateId!: number;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  periodStart!: LocalDate;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  periodEnd!: LocalDate;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  conductedOn!: LocalDate;

  @Field(() => String, { description: "Who followed up: a unit or a role (e.g. the steering group)." })
  @Column({ type: "varchar", length: 200 })
  conductedBy!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  summary!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}

@ObjectType("IopEvaluationAnswer", { description: "The answer to one template question in a follow-up." })
@Entity({ name: "iop_evaluation_answer" })
@Index(["evaluationId", "questionId"], { unique: true })
export class EvaluationAnswer {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  evaluationId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  questionId!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  textValue!: string | null;

  @Field(() => Int, { nullable: true, description: "For NUMBER and SCALE_1_5 questions." })
  @Column({ type: "int", nullable: true, default: null })
  numberValue!: number | null;

  @Field(() => Boolean, { nullable: true, description: "For YES_NO questions." })
  @Column({ type: "boolean", nullable: true, default: null })
  booleanValue!: boolean | null;
}
