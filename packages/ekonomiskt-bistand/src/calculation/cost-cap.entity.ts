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
@ObjectType({ description: "Skälighetsnivå — the cap for a reasonable cost type, from a date." })
@Entity({ name: "eb_cost_cap" })
@Index(["costType", "validFrom", "threshold"], { unique: true })
export class CostCap {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => CostType)
  @Column({ type: "varchar", length: 32 })
  costType!: CostType;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  validFrom!: LocalDate;

  @Field(() => CapBasis)
  @Column({ type: "varchar", length: 16 })
  basis!: CapBasis;

  @Field(() => Int, { description: "Applies from this many persons (or children)." })
  @Column({ type: "int" })
  threshold!: number;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => MoneyScalar, { description: "Added per person (or child) above the threshold." })
  @Column({ ...moneyColumn })
  perAdditional!: Ore;
}
