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
  description: "Återbetalning eller återsökt ersättning som minskar nettokostnaden.",
})
@Entity({ name: "eb_recovery" })
@Index(["receivedDate"])
@Index(["householdId"])
export class Recovery {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => RecoveryKind)
  @Column({ type: "varchar", length: 24 })
  kind!: RecoveryKind;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => ID, { nullable: true })
  @Column({ type: "int", nullable: true, default: null })
  incorrectPaymentCaseId!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true, default: null })
  note!: string | null;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;
}
