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
@ObjectType({
  description:
    "FUT-ärende — a case investigating felaktiga utbetalningar (incorrect payments) to a household, with its reclaim decision (återkrav, SoL 9 kap. 1 §) and the money that came back. Person-level: needs ekonomiskt-bistand:read; reads are access-logged.",
})
@Entity({ name: "eb_incorrect_payment_case" })
@Index(["householdId"])
@Index(["status"])
export class IncorrectPaymentCase {
  @Field(() => ID, {
    description: "The case's id: pass it to updateIncorrectPaymentCase, decideReclaim and recoveries.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The household whose payouts are investigated." })
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => LocalDateScalar, { description: "The day the case was opened." })
  @Column({ ...dateColumn })
  openedOn!: LocalDate;

  @Field(() => IncorrectPaymentStatus, { description: "Where the case is." })
  @Column({ type: "varchar", length: 24 })
  status!: IncorrectPaymentStatus;

  @Field(() => String, {
    description: 'Why the case was opened (e.g. undeclared income); "[gallrad]" once the household is gallrad.',
  })
  @Column({ type: "text" })
  reason!: string;

  @Field(() => String, { description: "The caseworker (token subject) who opened the case." })
  @Column({ type: "varchar", length: 128 })
  investigator!: string;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Felaktigt utbetalt belopp — the amount found wrongly paid, in kronor; null until established.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  amountWronglyPaid!: Ore | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Återkrävt belopp — the amount reclaimed by the decision, in kronor; null until a reclaim is decided.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  reclaimAmount!: Ore | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The date of the reclaim decision; null until decided.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  reclaimDecidedOn!: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Lagrum of the reclaim decision, e.g. SoL 9 kap. 1 § (in the new socialtjänstlag 2025:400: 14 kap.); null until decided.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  reclaimLegalBasis!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The investigator's findings; null when none, and once the household is gallrad.",
  })
  @Column({ type: "text", nullable: true, default: null })
  notes!: string | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it as input.expectedVersion to updateIncorrectPaymentCase and decideReclaim.",
  })
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
