import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Utdelningsbart belopp — what one fund has to distribute in one round (its return, whole kronor). */
@ObjectType("DonationFundBudget", {
  description:
    "Utdelningsbart belopp — what one fund has to distribute in one round (typically its yield), set by an administrator while the round is OPEN. Reference data: any donationsfonder scope may read it.",
})
@Entity({ name: "donation_fund_budget" })
@Index(["roundId", "fundId"], { unique: true })
export class FundBudget {
  @Field(() => ID, { description: "The budget's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The round (DonationRound.id)." })
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID, { description: "The fund (DonationFund.id); the fund itself is `fund`." })
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => MoneyScalar, {
    description: "Whole kronor (kronor as a decimal string) the fund has to distribute in the round.",
  })
  @Column({ ...moneyColumn })
  available!: Ore;

  @Field(() => Int, { description: "Raised each time the amount is set again." })
  @VersionColumn()
  version!: number;
}
