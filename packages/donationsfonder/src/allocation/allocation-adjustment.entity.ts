import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Justering — a caseworker's change of an allocation before the board decision (append-only). */
@ObjectType("DonationAllocationAdjustment", {
  description: "Justering — who changed an allocation, when, from what, to what and why.",
})
@Entity({ name: "donation_allocation_adjustment" })
@Index(["allocationId"])
@Index(["roundId"])
export class AllocationAdjustment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  allocationId!: number;

  @Column({ type: "int" })
  roundId!: number;

  @Field(() => String, { description: "The caseworker (token subject)." })
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => Date)
  @Column({ type: "datetime" })
  adjustedAt!: Date;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  fromAmount!: Ore;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  toAmount!: Ore;

  @Field(() => String)
  @Column({ type: "varchar", length: 500 })
  reason!: string;
}
