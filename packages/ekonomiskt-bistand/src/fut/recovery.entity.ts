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
import { RecoveryKind } from "../enums";

/** Återbetalning — money that came back (reclaims, retroactive benefits); reduces the net cost. */
@ObjectType("AssistanceRecovery", {
  description:
    "Återbetalning — money that came back to the municipality (a reclaim repaid, a retroactive benefit, a voluntary repayment); it reduces the net cost in the indicators by its received date. Person-level: needs ekonomiskt-bistand:read.",
})
@Entity({ name: "eb_recovery" })
@Index(["receivedDate"])
@Index(["householdId"])
export class Recovery {
  @Field(() => ID, { description: "The recovery's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The household the money came from or concerns." })
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => RecoveryKind, { description: "Why the money came back." })
  @Column({ type: "varchar", length: 24 })
  kind!: RecoveryKind;

  @Field(() => MoneyScalar, { description: "The amount received, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar, {
    description: "The day the money was received: the month it reduces the net cost in.",
  })
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => ID, { nullable: true, description: "The FUT case it repays; null when it belongs to none." })
  @Column({ type: "int", nullable: true, default: null })
  incorrectPaymentCaseId!: number | null;

  @Field(() => String, { nullable: true, description: "A note; null when none, and once the household is gallrad." })
  @Column({ type: "varchar", length: 300, nullable: true, default: null })
  note!: string | null;

  @Field(() => String, { description: "The caseworker (token subject) who registered it." })
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;
}
