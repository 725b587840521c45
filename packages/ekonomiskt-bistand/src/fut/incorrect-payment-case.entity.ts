import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { IncorrectPaymentStatus } from "../enums";

/** FUT-ärende — investigation of incorrect payouts, with the reclaim (återkrav) decision. */
@ObjectType({ description: "FUT-ärende (felaktiga utbetalningar) med återkravsbeslut." })
@Entity({ name: "eb_incorrect_payment_case" })
@Index(["householdId"])
@Index(["status"])
export class IncorrectPaymentCase {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  openedOn!: LocalDate;

  @Field(() => IncorrectPaymentStatus)
  @Column({ type: "varchar", length: 24 })
  status!: IncorrectPaymentStatus;

  @Field(() => String, { description: "Why the case was opened (e.g. undeclared income)." })
  @Column({ type: "text" })
  reason!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  investigator!: string;

  @Field(() => MoneyScalar, { nullable: true, description: "Felaktigt utbetalt belopp." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  amountWronglyPaid!: Ore | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Återkrävt belopp." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  reclaimAmount!: Ore | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ ...dateColumn, nullable: true, default: null })
  reclaimDecidedOn!: LocalDate | null;

  @Field(() => String, { nullable: true, description: "e.g. SoL 9 kap. 1 § (new SoL 2025:400: 14 kap.)." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  reclaimLegalBasis!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  notes!: string | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

@Entity({ name: "eb_incorrect_payment_case_payout" })
@Index(["caseId", "payoutId"], { unique: true })
@Index(["payoutId"])
export class IncorrectPaymentCasePayout {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  caseId!: number;

  @Column({ type: "int" })
  payoutId!: number;
}
