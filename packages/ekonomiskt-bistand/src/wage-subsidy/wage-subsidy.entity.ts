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
@ObjectType({
  description:
    "Växla bidrag mot lön (swapping benefit for wages) — a person who left försörjningsstöd for a subsidised employment (arbetsmarknadsanställning), with the months that show what it cost and saved. Person-level: needs ekonomiskt-bistand:read; reads are access-logged.",
})
@Entity({ name: "eb_wage_subsidy_employment" })
@Index(["startDate"])
@Index(["personnummer"])
@Index(["anonymisedDate"])
@Index(["householdId"])
export class WageSubsidyEmployment {
  @Field(() => ID, {
    description: "The employment's id: pass it to recordWageSubsidyMonth and endWageSubsidyEmployment.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => PersonnummerScalar, {
    nullable: true,
    description: "The employee's personnummer; needs ekonomiskt-bistand:read. Null once gallrad (person data removed).",
  })
  @Column({ type: "varchar", length: 12, nullable: true, default: null })
  personnummer!: string | null;

  @Authorized(EkonomisktBistandScopes.READ)
  @Field(() => String, {
    nullable: true,
    description: "The employee's name; needs ekonomiskt-bistand:read. Null once gallrad.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  name!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The household that received försörjningsstöd before; null when not registered here.",
  })
  @Column({ type: "int", nullable: true, default: null })
  householdId!: number | null;

  @Field(() => EmploymentType, { description: "The kind of subsidised employment." })
  @Column({ type: "varchar", length: 24 })
  employmentType!: EmploymentType;

  @Field(() => String, { nullable: true, description: "The employer; null when not given, and once gallrad." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  employer!: string | null;

  @Field(() => LocalDateScalar, { description: "The first day of the employment." })
  @Column({ ...dateColumn })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "The last day of the employment; null while it runs." })
  @Column({ ...dateColumn, nullable: true, default: null })
  endDate!: LocalDate | null;

  @Field(() => MoneyScalar, {
    description: "Försörjningsstöd per month no longer paid (the household's assistance before the job), in kronor.",
  })
  @Column({ ...moneyColumn })
  monthlyAssistanceBefore!: Ore;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the employment was gallrad (its person data — identity number, name, employer — removed); null while it is not.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  /**
   * Set when gallrad, shared by all of the person's employments gallrade together (the smallest of
   * their ids), so "persons" in the indicators are still counted as distinct persons.
   */
  @Column({ type: "int", nullable: true, default: null })
  anonymousPersonKey!: number | null;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it as input.expectedVersion to endWageSubsidyEmployment.",
  })
  @VersionColumn()
  version!: number;
}

/** One month of an employment: the municipality's personnel cost, the subsidy received, the assistance not paid. */
@ObjectType({
  description:
    "One recorded month of an employment in växla bidrag mot lön: the personnel cost, the subsidy received and the assistance not paid. Recorded once per month, never changed.",
})
@Entity({ name: "eb_wage_subsidy_month" })
@Index(["employmentId", "month"], { unique: true })
@Index(["month"])
export class WageSubsidyMonth {
  @Field(() => ID, { description: "The month record's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The employment the month belongs to." })
  @Column({ type: "int" })
  employmentId!: number;

  @Field(() => String, { description: "The month, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => MoneyScalar, {
    description: "Personalkostnad — the employer's personnel cost for the month, in kronor.",
  })
  @Column({ ...moneyColumn })
  personnelCost!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Arbetsmarknadsstöd — the employment subsidy received from Arbetsförmedlingen for the month, in kronor.",
  })
  @Column({ ...moneyColumn })
  subsidy!: Ore;

  @Field(() => MoneyScalar, {
    description: "Ekonomiskt bistånd not paid this month because of the job (minskad utbetalning), in kronor.",
  })
  @Column({ ...moneyColumn })
  assistanceNotPaid!: Ore;
}
