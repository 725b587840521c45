import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Utdelningsbart belopp — what one fund has to distribute in one round (its return, whole kronor). */
@ObjectType("DonationFundBudget", {
  description: "Utdelningsbart belopp — the amount a fund has to distribute in a round.",
})
@Entity({ name: "donation_fund_budget" })
@Index(["roundId", "fundId"], { unique: true })
export class FundBudget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  roundId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  fundId!: number;

  @Field(() => MoneyScalar, { description: "Whole kronor available for distribution in the round." })
  @Column({ ...moneyColumn })
  available!: Ore;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
