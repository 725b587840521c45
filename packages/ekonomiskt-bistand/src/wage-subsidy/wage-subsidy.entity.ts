import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  PersonnummerScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { EmploymentType } from "../enums";
import { EkonomisktBistandScopes } from "../scopes";

/** "Växla bidrag mot lön": a person leaves försörjningsstöd for a subsidised job. */
@ObjectType({ description: "Växla bidrag mot lön — a person who left försörjningsstöd for a subsidised employment." })
@Entity({ name: "eb_wage_subsidy_employment" })
@Index(["startDate"])
@Index(["personnummer"])
@Index(["anonymisedDate"])
@Index(["householdId"])
export class WageSubsidyEmployment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => PersonnummerScalar, { nullable: true, description: "Null once gallrad." })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => String, { nullable: true, description: "Null once gallrad." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => ID, { nullable: true, description: "The household that received försörjningsstöd before." })
  @Column({ type: "int", nullable: true, default: null })
  householdId!: number | null;

  @Field(() => EmploymentType)
  @Column({ type: "varchar", length: 24 })
  employmentType!: EmploymentType;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  employer!: string | null;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true })
  @Column({ ...dateColumn, nullable: true, default: null })
  endDate!: LocalDate | null;

  @Field(() => MoneyScalar, {
    description: "Försörjningsstöd per month no longer paid (the household's assistance before the job).",
  })
  @Column({ ...moneyColumn })
  monthlyAssistanceBefore!: Ore;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Gallrad: the day the person data (identity number, name, employer) was removed.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  /**
   * Set when gallrad, shared by all of the person's employments gallrade together (the smallest of
   * their ids), so "persons" in the indicators are still counted as distinct persons.
   */
  @Column({ type: "int", nullable: true, default: null })
  anonymousPersonKey!: number | null;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

/** One month of an employment: the municipality's personnel cost, the subsidy received, the assistance not paid. */
@ObjectType({ description: "En månad av en anställning inom växla bidrag mot lön." })
@Entity({ name: "eb_wage_subsidy_month" })
@Index(["employmentId", "month"], { unique: true })
@Index(["month"])
export class WageSubsidyMonth {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  employmentId!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => MoneyScalar, { description: "Personalkostnad." })
  @Column({ ...moneyColumn })
  personnelCost!: Ore;

  @Field(() => MoneyScalar, { description: "Arbetsmarknadsstöd (employment subsidy from Arbetsförmedlingen)." })
  @Column({ ...moneyColumn })
  subsidy!: Ore;

  @Field(() => MoneyScalar, { description: "Minskad utbetalning av ekonomiskt bistånd this month." })
  @Column({ ...moneyColumn })
  assistanceNotPaid!: Ore;
}
