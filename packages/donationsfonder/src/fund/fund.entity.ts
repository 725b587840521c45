import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import { MaxItems } from "@arbetsliv/core";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";
import { Purpose } from "../shared/enums";
import { PURPOSES } from "../shared/list-limits";

/**
 * Donationsfond / stiftelse — one of the city's social donation funds, with its statutes
 * (ändamål and target group) kept as data so eligibility can be checked against them.
 */
@ObjectType("DonationFund", {
  description: "Donationsfond — a social donation fund and its statutes (ändamål) as rules.",
})
@Entity({ name: "donation_fund" })
@Index(["code"], { unique: true })
export class Fund {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Short stable code, e.g. SAMFOND_1." })
  @Column({ type: "varchar", length: 32 })
  code!: string;

  @Field(() => String, { description: 'Name as in the statutes, e.g. "Edvard Björnssons donation".' })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { description: "Ändamål — the statutes' purpose in words." })
  @Column({ type: "text" })
  statutes!: string;

  @Field(() => Int, {
    description: "Published order: an application draws from the first fund in this order that it qualifies for.",
  })
  @Column({ type: "int" })
  publishedOrder!: number;

  @Field(() => MoneyScalar, { description: "Kapital — the fund's capital." })
  @Column({ ...moneyColumn })
  capital!: Ore;

  @Field(() => Boolean, { description: "Only people resident (folkbokförda) in the municipality." })
  @Column({ type: "boolean" })
  residentRequired!: boolean;

  @Field(() => Int, { nullable: true, description: "Youngest age (on the last application day); null = no limit." })
  @Column({ type: "int", nullable: true, default: null })
  minAge!: number | null;

  @Field(() => Int, { nullable: true, description: "Oldest age (on the last application day); null = no limit." })
  @Column({ type: "int", nullable: true, default: null })
  maxAge!: number | null;

  @Field(() => Int, { nullable: true, description: "Smallest household (e.g. 2 for families); null = any." })
  @Column({ type: "int", nullable: true, default: null })
  minHouseholdSize!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Income limit for a one-person household, in percent of the year's prisbasbelopp (250 = 2.5 × pbb); null = no income test.",
  })
  @Column({ type: "int", nullable: true, default: null })
  incomeLimitBasePercent!: number | null;

  @Field(() => Int, {
    description: "Added to the income limit per additional household member, in percent of prisbasbelopp.",
  })
  @Column({ type: "int", default: 0 })
  incomeLimitPerExtraPercent!: number;

  @Field(() => [Purpose], { description: "Ändamål the fund may pay for." })
  @MaxItems(PURPOSES)
  @Column({ type: "simple-array" })
  purposes!: Purpose[];

  @Field(() => Boolean, { description: "Inactive funds are not assessed in new allocations." })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the fund." })
  @VersionColumn()
  version!: number;
}
