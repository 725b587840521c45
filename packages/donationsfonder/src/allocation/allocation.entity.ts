import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Fördelning — what one eligible application gets from its fund, with the policy's explanation. */
@ObjectType("DonationAllocation", {
  description:
    "Fördelning — the amount an ELIGIBLE application gets from its fund in a round: the published policy's proposal, a caseworker's adjustment, and why. Final once the committee has decided. Person-level: read through the application or the payout list.",
})
@Entity({ name: "donation_allocation" })
@Index(["applicationId"], { unique: true })
// Every lookup by round or round and fund (the adjustment's fund sum reads it index-only).
@Index(["roundId", "fundId", "amount", "applicationId"])
// A person's granted allocations in every round, for linking a decided round into the reach summary.
@Index(["personKey", "roundId", "amount"])
export class Allocation {
  @Field(() => ID, { description: "The allocation's id; give it as input.allocationId to adjustDonationAllocation." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The round (DonationRound.id)." })
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID, { description: "The fund it is paid from (DonationFund.id); the fund itself is `fund`." })
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => ID, { description: "The application (DonationApplication.id)." })
  @Column({ type: "int" })
  applicationId!: number;

  /**
   * The applicant's `personKey` (copied from the application when the allocation is made; gallring
   * keeps it), so persons are linked across rounds without joining the applications. Never a GraphQL field.
   */
  @Column({ type: "varchar", length: 24 })
  personKey!: string;

  @Field(() => MoneyScalar, {
    description: "What the published policy gave, whole kronor (kronor as a decimal string); adjustments leave it.",
  })
  @Column({ ...moneyColumn })
  proposedAmount!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "The current amount, whole kronor (kronor as a decimal string): the proposal, or the latest adjustment. 0 kr means nothing is paid.",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { description: "How the policy arrived at the proposal, in words (English)." })
  @Column({ type: "text" })
  explanation!: string;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every adjustment: pass it back as input.expectedVersion to adjustDonationAllocation.",
  })
  @VersionColumn()
  version!: number;
}
