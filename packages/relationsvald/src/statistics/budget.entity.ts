import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Budget — the yearly cost budget for relationsvåld (9 802 tkr in 2021), kept as data. */
@ObjectType({
  description:
    "The yearly cost budget (budget för kostnader) of relationsvåld placements, e.g. 9 802 tkr for 2021; reports spread it over the year's days. Public figures.",
})
@Entity({ name: "rv_budget" })
@Index(["year"], { unique: true })
export class PlacementBudget {
  @Field(() => ID, { description: "The budget's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int, { description: "The calendar year; one budget per year." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar, { description: "The year's cost budget, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true, description: "A note on the budget, e.g. its decision; null: none." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  note!: string | null;

  @Field(() => Int, {
    description:
      "The optimistic-locking version, 1 when set and raised by every change: pass it back as input.expectedVersion.",
  })
  @VersionColumn()
  version!: number;
}
