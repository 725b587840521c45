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
  description: "Nämndbeslut — a board decision about an agreement and the terms it states.",
})
@Entity({ name: "iop_board_decision" })
@Index(["agreementId"])
export class BoardDecision {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => DecisionKind)
  @Column({ type: "varchar", length: 16 })
  kind!: DecisionKind;

  @Field(() => String, { nullable: true, description: 'Diarienummer, e.g. "ALN 2021-00102"; null when not known.' })
  @Column({ type: "varchar", length: 60, nullable: true, default: null })
  diaryNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Paragraf, e.g. "§ 125".' })
  @Column({ type: "varchar", length: 20, nullable: true, default: null })
  paragraph!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ ...dateColumn, nullable: true, default: null })
  decisionDate!: LocalDate | null;

  @Field(() => String)
  @Column({ type: "text" })
  summary!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Period start as the decision states it." })
  @Column({ ...dateColumn, nullable: true, default: null })
  statedPeriodStart!: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Period end as the decision states it." })
  @Column({ ...dateColumn, nullable: true, default: null })
  statedPeriodEnd!: LocalDate | null;

  @Field(() => Int, { nullable: true, description: "Renewal months as the decision states them." })
  @Column({ type: "int", nullable: true, default: null })
  statedRenewalMonths!: number | null;

  @Field(() => Int, { nullable: true, description: "Notice months as the decision states them." })
  @Column({ type: "int", nullable: true, default: null })
  statedNoticeMonths!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Yearly fee as the decision states it." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  statedAnnualFee!: Ore | null;
}

/** "ALN 2021-00102 § 125, 2021-10-14"; parts the record lacks are left out. */
export function decisionReference(d: Pick<BoardDecision, "diaryNumber" | "paragraph" | "decisionDate">): string {
  const parts = [[d.diaryNumber, d.paragraph].filter(Boolean).join(" "), d.decisionDate].filter(Boolean);
  return parts.length ? parts.join(", ") : "(no diary number or date recorded)";
}
