import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Budget för försörjningsstöd (net cost) for a year, as the board decided it — data, not code. */
@ObjectType({
  description:
    "The board's budget for försörjningsstöd for one calendar year, as a net cost (paid − recovered). No person data.",
})
@Entity({ name: "eb_budget_year" })
@Index(["year"], { unique: true })
export class AssistanceBudgetYear {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int, { description: "The calendar year." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar, {
    description: "The budgeted net cost for the whole year, in kronor; the indicators spread it over the months.",
  })
  @Column({ ...moneyColumn })
  netCostBudget!: Ore;

  @Field(() => String, { description: "Who set the budget last (an administrator's token subject)." })
  @Column({ type: "varchar", length: 128 })
  setBy!: string;
}
