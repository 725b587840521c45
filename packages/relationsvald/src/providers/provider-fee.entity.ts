import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { PlacementType } from "../enums";

/**
 * Dygnsavgift — the daily fee per person this municipality pays a provider for a placement
 * type, in force validFrom..validTo. When the municipality is covered by the provider's IOP,
 * the stored fee is the discounted one and `standardDailyFee` keeps what other placing
 * municipalities pay.
 */
@ObjectType({ description: "Dygnsavgift — daily fee per person for a placement type, with its validity period." })
@Entity({ name: "rv_provider_fee" })
@Index(["providerId", "placementType", "validFrom"], { unique: true })
export class ProviderDailyFee {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  providerId!: number;

  @Field(() => PlacementType)
  @Column({ type: "varchar", length: 32 })
  placementType!: PlacementType;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day in force; null = until further notice." })
  @Column({ ...dateColumn, nullable: true, default: null })
  validTo!: LocalDate | null;

  @Field(() => MoneyScalar, { description: "What this municipality pays per person and night." })
  @Column({ ...moneyColumn })
  dailyFee!: Ore;

  @Field(() => Boolean, {
    description: "Rabatterad dygnsavgift — the discounted fee for municipalities covered by the provider's IOP.",
  })
  @Column({ type: "boolean", default: false })
  iopDiscounted!: boolean;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The fee other placing municipalities pay, when this one is discounted.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  standardDailyFee!: Ore | null;
}
