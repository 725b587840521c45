import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core";

/** Fördelning — what one eligible application gets from its fund, with the policy's explanation. */
@ObjectType("DonationAllocation", { description: "Fördelning — the amount an eligible application gets from its fund, and why." })
@Entity({ name: "donation_allocation" })
@Index(["applicationId"], { unique: true })
// Covers the report's allocation pass (per round and fund: count, granted, amount, the join key)
// and every lookup by round or round and fund.
@Index(["roundId", "fundId", "amount", "applicationId"])
export class Allocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => MoneyScalar, { description: "What the published policy gave (whole kronor)." })
  @Column({ ...moneyColumn })
  proposedAmount!: Ore;

  @Field(() => MoneyScalar, { description: "Current amount: the proposal, or a caseworker's adjustment (whole kronor)." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { description: "How the policy arrived at the proposal, in words." })
  @Column({ type: "text" })
  explanation!: string;

  @Field(() => Int, { description: "Pass back as expectedVersion when you adjust." })
  @VersionColumn()
  version!: number;
}
