import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Budget — the yearly cost budget for relationsvåld (9 802 tkr in 2021), kept as data. */
@ObjectType({
  description: "Budget — the yearly cost budget for relationsvåld (kostnader), spread over the year's days in reports.",
})
@Entity({ name: "rv_budget" })
@Index(["year"], { unique: true })
export class PlacementBudget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  note!: string | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}
