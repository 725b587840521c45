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
@ObjectType({
  description:
    "A daily fee (dygnsavgift): what the municipality pays a provider per person and night for a placement type, in force for a period. Fees of one provider and type never overlap.",
})
@Entity({ name: "rv_provider_fee" })
@Index(["providerId", "placementType", "validFrom"], { unique: true })
export class ProviderDailyFee {
  @Field(() => ID, { description: "The fee's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  providerId!: number;

  @Field(() => PlacementType, { description: "The placement type the fee applies to." })
  @Column({ type: "varchar", length: 32 })
  placementType!: PlacementType;

  @Field(() => LocalDateScalar, { description: "The first night the fee is in force." })
  @Column({ ...dateColumn })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last night in force (inclusive); null: until further notice.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  validTo!: LocalDate | null;

  @Field(() => MoneyScalar, { description: "What this municipality pays per person and night, in kronor." })
  @Column({ ...moneyColumn })
  dailyFee!: Ore;

  @Field(() => Boolean, {
    description:
      "Rabatterad dygnsavgift: dailyFee is the discounted fee for municipalities covered by the provider's IOP (idéburet offentligt partnerskap — a partnership with a non-profit).",
  })
  @Column({ type: "boolean", default: false })
  iopDiscounted!: boolean;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The fee other placing municipalities pay, in kronor, when this one is discounted; null otherwise.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  standardDailyFee!: Ore | null;
}
