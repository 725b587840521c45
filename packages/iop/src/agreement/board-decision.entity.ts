import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { DecisionKind } from "./agreement.enums";

/**
 * Nämndbeslut — a board decision about an agreement, with what the decision itself states
 * (period, renewal, notice, fee). Kept beside the agreement's own terms because the two can
 * differ (e.g. § 125 vs the signed Kvinnojouren agreement).
 */
@ObjectType("IopBoardDecision", {
  description:
    "Nämndbeslut — a decision of the municipal board (nämnd) about an agreement, with the terms the decision itself states (kept beside the agreement's own terms, since the two can differ).",
})
@Entity({ name: "iop_board_decision" })
@Index(["agreementId"])
export class BoardDecision {
  @Field(() => ID, { description: "The decision's id (an amendment's input.boardDecisionId refers to it)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => DecisionKind, { description: "What the decision did to the agreement." })
  @Column({ type: "varchar", length: 16 })
  kind!: DecisionKind;

  @Field(() => String, {
    nullable: true,
    description: 'Diarienummer — the case registry number, e.g. "ALN 2021-00102"; null when not known.',
  })
  @Column({ type: "varchar", length: 60, nullable: true, default: null })
  diaryNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Paragraf — the section of the board minutes, e.g. "§ 125"; null when not known.',
  })
  @Column({ type: "varchar", length: 20, nullable: true, default: null })
  paragraph!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the board decided; null when not known." })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  @Field(() => String, { description: "What was decided." })
  @Column({ type: "text" })
  summary!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Period start as the decision states it; null when it states none.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  statedPeriodStart!: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Period end as the decision states it; null when it states none.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  statedPeriodEnd!: LocalDate | null;

  @Field(() => Int, {
    nullable: true,
    description: "Months per renewal as the decision states them; null when it states none.",
  })
  @Column({ type: "int", nullable: true, default: null })
  statedRenewalMonths!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Notice months as the decision states them; null when it states none.",
  })
  @Column({ type: "int", nullable: true, default: null })
  statedNoticeMonths!: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Yearly fee as the decision states it, in kronor (decimal string); null when it states none.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  statedAnnualFee!: Ore | null;
}

/** "ALN 2021-00102 § 125, 2021-10-14"; parts the record lacks are left out. */
export function decisionReference(d: Pick<BoardDecision, "diaryNumber" | "paragraph" | "decisionDate">): string {
  const parts = [[d.diaryNumber, d.paragraph].filter(Boolean).join(" "), d.decisionDate].filter(Boolean);
  return parts.length ? parts.join(", ") : "(no diary number or date recorded)";
}
