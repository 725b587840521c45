import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { DecisionOutcome } from "../enums";

/** Beslut — one per application (UNIQUE), appealable (överklagbart). */
@ObjectType("AssistanceDecision", { description: "Beslut om försörjningsstöd: bifall, delvis bifall eller avslag." })
@Entity({ name: "eb_decision" })
@Index(["applicationId"], { unique: true })
@Index(["householdId", "month"])
export class Decision {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => String, { description: "The month decided, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The calculation the decision rests on (null for decisions migrated from the previous system).",
  })
  @Column({ type: "int", nullable: true, default: null })
  calculationId!: number | null;

  @Field(() => DecisionOutcome)
  @Column({ type: "varchar", length: 16 })
  outcome!: DecisionOutcome;

  @Field(() => MoneyScalar, { description: "Beviljat belopp (0 when rejected)." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { description: "Motivering." })
  @Column({ type: "text" })
  reasons!: string;

  @Field(() => String, { description: "Lagrum, e.g. SoL 4 kap. 1 § (new SoL 2025:400: 12 kap. 1 §)." })
  @Column({ type: "varchar", length: 200 })
  legalBasis!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  decidedBy!: string;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  decidedOn!: LocalDate;
}
