import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Justering — a caseworker's change of an allocation before the board decision (append-only). */
@ObjectType("DonationAllocationAdjustment", {
  description:
    "Justering — a caseworker's change of an allocation before the committee's decision: who, when, from what, to what and why. Append-only.",
})
@Entity({ name: "donation_allocation_adjustment" })
@Index(["allocationId"])
@Index(["roundId"])
export class AllocationAdjustment {
  @Field(() => ID, { description: "The adjustment's id; adjustments are numbered in the order they were made." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  allocationId!: number;

  @Column({ type: "int" })
  roundId!: number;

  @Field(() => String, { description: "The caseworker who adjusted: the token subject." })
  @Column({ type: "varchar", length: 128 })
  actor!: string;

  @Field(() => Date, { description: "When the adjustment was made." })
  @Column({ type: "datetime" })
  adjustedAt!: Date;

  @Field(() => MoneyScalar, {
    description: "The allocation's amount before, whole kronor (kronor as a decimal string).",
  })
  @Column({ ...moneyColumn })
  fromAmount!: Ore;

  @Field(() => MoneyScalar, { description: "The amount after, whole kronor (kronor as a decimal string)." })
  @Column({ ...moneyColumn })
  toAmount!: Ore;

  @Field(() => String, { description: "Why, as the caseworker gave it (3–500 characters)." })
  @Column({ type: "varchar", length: 500 })
  reason!: string;
}
