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
@ObjectType("AssistanceDecision", {
  description:
    "Beslut — the decision on an application for försörjningsstöd (one per application): granted, partly granted or rejected, with its reasons and legal basis. Appealable (överklagbart); never changed. Person-level: needs ekonomiskt-bistand:read.",
})
@Entity({ name: "eb_decision" })
@Index(["applicationId"], { unique: true })
@Index(["householdId", "month"])
export class Decision {
  @Field(() => ID, { description: "The decision's id: pass it to payAssistanceDecision." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The application decided." })
  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => ID, { description: "The household of the application." })
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

  @Field(() => DecisionOutcome, { description: "Granted, partly granted or rejected." })
  @Column({ type: "varchar", length: 16 })
  outcome!: DecisionOutcome;

  @Field(() => MoneyScalar, {
    description: "Beviljat belopp — the amount granted for the month, in kronor; 0 when rejected.",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, {
    description: 'Motivering — the reasons given to the applicant; "[gallrad]" once the household is gallrad.',
  })
  @Column({ type: "text" })
  reasons!: string;

  @Field(() => String, {
    description: "Lagrum — the legal basis, e.g. SoL 4 kap. 1 § (in the new socialtjänstlag 2025:400: 12 kap. 1 §).",
  })
  @Column({ type: "varchar", length: 200 })
  legalBasis!: string;

  @Field(() => String, { description: "The caseworker (token subject) who decided." })
  @Column({ type: "varchar", length: 128 })
  decidedBy!: string;

  @Field(() => LocalDateScalar, { description: "The decision date (beslutsdatum); a payout is not dated before it." })
  @Column({ ...dateColumn })
  decidedOn!: LocalDate;
}
