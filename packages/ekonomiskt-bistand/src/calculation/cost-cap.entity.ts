import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { CapBasis, CostType } from "../enums";

/**
 * Skälighetsnivå — the municipality's cap for a reasonable cost type (e.g. highest acceptable rent
 * by number of children, home insurance by household size). Rule tables are data: a new set for a
 * cost type takes effect from `validFrom`.
 */
@ObjectType({
  description:
    "Skälighetsnivå — one step of the municipality's cap for a reasonable cost type (e.g. the highest acceptable rent by number of children), in effect from a date until a later set for the type. The step with the highest threshold the household reaches applies: amount + perAdditional × (count − threshold). Public rule data.",
})
@Entity({ name: "eb_cost_cap" })
@Index(["costType", "validFrom", "threshold"], { unique: true })
export class CostCap {
  @Field(() => ID, { description: "The cap step's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => CostType, { description: "The reasonable cost type capped." })
  @Column({ type: "varchar", length: 32 })
  costType!: CostType;

  @Field(() => LocalDateScalar, {
    description: "The first day the step applies (a month is calculated with the caps in effect on its first day).",
  })
  @Column({ ...dateColumn })
  validFrom!: LocalDate;

  @Field(() => CapBasis, { description: "What the threshold counts: persons or children." })
  @Column({ type: "varchar", length: 16 })
  basis!: CapBasis;

  @Field(() => Int, { description: "Applies from this many persons (or children)." })
  @Column({ type: "int" })
  threshold!: number;

  @Field(() => MoneyScalar, { description: "The cap per month at the threshold, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => MoneyScalar, { description: "Added to the cap per person (or child) above the threshold, in kronor." })
  @Column({ ...moneyColumn })
  perAdditional!: Ore;
}
