import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Fördelning — what one eligible application gets from its fund, with the policy's explanation. */
@ObjectType("DonationAllocation", {
  description: "Fördelning — the amount an eligible application gets from its fund, and why.",
})
@Entity({ name: "donation_allocation" })
@Index(["applicationId"], { unique: true })
// Every lookup by round or round and fund (the adjustment's fund sum reads it index-only).
@Index(["roundId", "fundId", "amount", "applicationId"])
// A person's granted allocations in every round, for linking a decided round into the reach summary.
@Index(["personKey", "roundId", "amount"])
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

  /**
   * The applicant's `personKey` (copied from the application when the allocation is made; gallring
   * keeps it), so persons are linked across rounds without joining the applications. Never a GraphQL field.
   */
  @Column({ type: "varchar", length: 24 })
  personKey!: string;

  @Field(() => MoneyScalar, { description: "What the published policy gave (whole kronor)." })
  @Column({ ...moneyColumn })
  proposedAmount!: Ore;

  @Field(() => MoneyScalar, {
    description: "Current amount: the proposal, or a caseworker's adjustment (whole kronor).",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { description: "How the policy arrived at the proposal, in words." })
  @Column({ type: "text" })
  explanation!: string;

  @Field(() => Int, { description: "Pass back as expectedVersion when you adjust." })
  @VersionColumn()
  version!: number;
}
