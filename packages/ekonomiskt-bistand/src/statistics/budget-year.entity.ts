import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Budget för försörjningsstöd (net cost) for a year, as the board decided it — data, not code. */
@ObjectType({ description: "Budget för försörjningsstöd (nettokostnad) ett år." })
@Entity({ name: "eb_budget_year" })
@Index(["year"], { unique: true })
export class AssistanceBudgetYear {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  netCostBudget!: Ore;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  setBy!: string;
}
