import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MaxItems } from "@arbetsliv/core";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";
import { ALL_AGE_GROUPS, ChildAgeGroup, LUNCH_AGE_GROUPS } from "../enums";
import type { RiksnormTable } from "./riksnorm-table";

@ObjectType({ description: "The riksnorm's monthly personal costs of a child in one age group." })
export class RiksnormChildAmount {
  @Field(() => ChildAgeGroup, { description: "The age group." })
  ageGroup!: ChildAgeGroup;

  @Field(() => MoneyScalar, { description: "The amount per month, in kronor." })
  amount!: Ore;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'The lower amount for a child under 7 who eats lunch at preschool 5 days a week ("ej lunch"), in kronor; null for groups of 7 and over, and when the year has no variant.',
  })
  amountLunchAtPreschool!: Ore | null;
}

const CHILD_COLUMNS: Record<ChildAgeGroup, keyof RiksnormYear> = {
  UNDER_1: "childUnder1",
  AGE_1_2: "child1to2",
  AGE_3: "child3",
  AGE_4_6: "child4to6",
  AGE_7_10: "child7to10",
  AGE_11_14: "child11to14",
  AGE_15_18: "child15to18",
  AGE_19_20: "child19to20",
};
const LUNCH_COLUMNS: Partial<Record<ChildAgeGroup, keyof RiksnormYear>> = {
  UNDER_1: "lunchUnder1",
  AGE_1_2: "lunch1to2",
  AGE_3: "lunch3",
  AGE_4_6: "lunch4to6",
};
const COMMON_COLUMNS = ["common1", "common2", "common3", "common4", "common5", "common6", "common7"] as const;

const money = { ...moneyColumn };
const optionalMoney = { ...moneyColumn, nullable: true, default: null };

/**
 * Riksnormen för ett kalenderår (socialtjänstförordningen 2 kap. 1 §), stored as data: one row per
 * year, entered from the official SFS text — never derived from another year.
 */
@ObjectType({
  description:
    "Riksnorm — the national standard amount for everyday costs set yearly by the government (socialtjänstförordningen 2 kap. 1 §), for one calendar year, as entered from the official SFS text. Amounts are kronor per month. Public data.",
})
@Entity({ name: "eb_riksnorm_year" })
@Index(["year"], { unique: true })
export class RiksnormYear {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => Int, { description: "The calendar year; a month is calculated with its own year's riksnorm." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar, { description: "Personliga kostnader — personal costs of a single adult per month." })
  @Column(money)
  adultSingle!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Personliga kostnader — personal costs of a cohabiting couple (sambor), for the two together, per month.",
  })
  @Column(money)
  adultCohabitingPair!: Ore;

  @Column(money) childUnder1!: Ore;
  @Column(money) child1to2!: Ore;
  @Column(money) child3!: Ore;
  @Column(money) child4to6!: Ore;
  @Column(money) child7to10!: Ore;
  @Column(money) child11to14!: Ore;
  @Column(money) child15to18!: Ore;
  @Column(money) child19to20!: Ore;
  @Column(optionalMoney) lunchUnder1!: Ore | null;
  @Column(optionalMoney) lunch1to2!: Ore | null;
  @Column(optionalMoney) lunch3!: Ore | null;
  @Column(optionalMoney) lunch4to6!: Ore | null;
  @Column(money) common1!: Ore;
  @Column(money) common2!: Ore;
  @Column(money) common3!: Ore;
  @Column(money) common4!: Ore;
  @Column(money) common5!: Ore;
  @Column(money) common6!: Ore;
  @Column(money) common7!: Ore;

  @Field(() => MoneyScalar, {
    description: "Prisbasbelopp for the year: the yearly limit of a child's earnings that are not counted as income.",
  })
  @Column(money)
  prisbasbelopp!: Ore;

  @Field(() => String, { description: "Where the amounts come from (SFS number or publication)." })
  @Column({ type: "varchar", length: 500 })
  source!: string;

  @Field(() => String, {
    description:
      "Who added the year: an administrator's token subject, or the reference-data loader for official years.",
  })
  @Column({ type: "varchar", length: 128 })
  addedBy!: string;

  @Column({ type: "datetime" })
  addedAt!: Date;

  @Field(() => [RiksnormChildAmount], {
    description: "Personliga kostnader per child living at home, one entry per age group (all eight, youngest first).",
  })
  @MaxItems(ALL_AGE_GROUPS.length)
  get children(): RiksnormChildAmount[] {
    return ALL_AGE_GROUPS.map((ageGroup) => ({
      ageGroup,
      amount: this[CHILD_COLUMNS[ageGroup]] as Ore,
      amountLunchAtPreschool: LUNCH_COLUMNS[ageGroup] ? ((this[LUNCH_COLUMNS[ageGroup]!] as Ore | null) ?? null) : null,
    }));
  }

  @Field(() => [MoneyScalar], {
    description:
      "Gemensamma hushållskostnader — common household costs per month for 1…7 persons (index 0 is one person); above 7, add the 6→7 difference per person.",
  })
  @MaxItems(COMMON_COLUMNS.length)
  get commonByHouseholdSize(): Ore[] {
    return COMMON_COLUMNS.map((c) => this[c]);
  }

  toTable(): RiksnormTable {
    const children = {} as Record<ChildAgeGroup, Ore>;
    for (const g of ALL_AGE_GROUPS) children[g] = this[CHILD_COLUMNS[g]] as Ore;
    const hasLunch = LUNCH_AGE_GROUPS.every(
      (g) => this[LUNCH_COLUMNS[g]!] !== null && this[LUNCH_COLUMNS[g]!] !== undefined,
    );
    let lunch: Partial<Record<ChildAgeGroup, Ore>> | null = null;
    if (hasLunch) {
      lunch = {};
      for (const g of LUNCH_AGE_GROUPS) lunch[g] = this[LUNCH_COLUMNS[g]!] as Ore;
    }
    return {
      year: this.year,
      adultSingle: this.adultSingle,
      adultCohabitingPair: this.adultCohabitingPair,
      children,
      childrenLunchAtPreschool: lunch,
      commonByHouseholdSize: this.commonByHouseholdSize,
      prisbasbelopp: this.prisbasbelopp,
    };
  }

  /** Column values for a table (for inserts). */
  static columnsFor(table: RiksnormTable): Partial<RiksnormYear> {
    const row: Record<string, unknown> = {
      year: table.year,
      adultSingle: table.adultSingle,
      adultCohabitingPair: table.adultCohabitingPair,
      prisbasbelopp: table.prisbasbelopp,
    };
    for (const g of ALL_AGE_GROUPS) row[CHILD_COLUMNS[g]] = table.children[g];
    for (const g of LUNCH_AGE_GROUPS) row[LUNCH_COLUMNS[g]!] = table.childrenLunchAtPreschool?.[g] ?? null;
    COMMON_COLUMNS.forEach((c, i) => (row[c] = table.commonByHouseholdSize[i]));
    return row as Partial<RiksnormYear>;
  }
}
