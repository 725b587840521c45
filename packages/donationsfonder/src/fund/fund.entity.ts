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
  description:
    "Donationsfond — one of the municipality's social donation funds (usually a foundation, stiftelse), with its statutes: ändamål (the purposes it may pay for) and target group, kept as rules the allocation checks. Reference data: any donationsfonder scope may read it.",
})
@Entity({ name: "donation_fund" })
@Index(["code"], { unique: true })
export class Fund {
  @Field(() => ID, { description: "The fund's id; give it as input.id to updateDonationFund." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Short stable code, unique among the funds, e.g. SAMFOND_1." })
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

  @Field(() => MoneyScalar, {
    description:
      "Kapital — the fund's capital (kronor as a decimal string); what it distributes in a round is set per round (DonationFundBudget), at most this.",
  })
  @Column({ ...moneyColumn })
  capital!: Ore;

  @Field(() => Boolean, {
    description: "True: only applicants folkbokförda (registered as resident) in the municipality.",
  })
  @Column({ type: "boolean" })
  residentRequired!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "Youngest age, taken on the round's last application day; null = no lower limit.",
  })
  @Column({ type: "int", nullable: true, default: null })
  minAge!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Oldest age, taken on the round's last application day; null = no upper limit.",
  })
  @Column({ type: "int", nullable: true, default: null })
  maxAge!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Smallest household, the applicant included (e.g. 2 for families); null = any size.",
  })
  @Column({ type: "int", nullable: true, default: null })
  minHouseholdSize!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Income limit for a one-person household, in percent of the round's prisbasbelopp (the price base amount; 250 = 2.5 × prisbasbelopp); null = no income test.",
  })
  @Column({ type: "int", nullable: true, default: null })
  incomeLimitBasePercent!: number | null;

  @Field(() => Int, {
    description:
      "Added to the income limit for each household member beyond the first, in percent of prisbasbelopp; the limit is rounded down to whole öre.",
  })
  @Column({ type: "int", default: 0 })
  incomeLimitPerExtraPercent!: number;

  @Field(() => [Purpose], { description: "Ändamål — the purposes the fund may pay for." })
  @MaxItems(PURPOSES)
  @Column({ type: "simple-array" })
  purposes!: Purpose[];

  @Field(() => Boolean, {
    description: "False: the fund is left out of allocations run from now on (its earlier allocations stay).",
  })
  @Column({ type: "boolean", default: true })
  active!: boolean;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it back as input.expectedVersion to updateDonationFund.",
  })
  @VersionColumn()
  version!: number;
}
