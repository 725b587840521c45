import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { ApplicationChannel, ApplicationStatus, ApplicationType, CostType, IncomeType } from "../enums";

/**
 * Ansökan om försörjningsstöd for one calendar month. `ordinaryKey` ("<household>:<month>") is set
 * on a new or renewal application that is not withdrawn, and is UNIQUE: a household has at most one
 * ordinary application per month (a second one is a duplicate; after a decision it is supplementary).
 */
@ObjectType("AssistanceApplication", { description: "Ansökan om ekonomiskt bistånd för en månad." })
@Entity({ name: "eb_application" })
@Index(["householdId", "month"])
@Index(["ordinaryKey"], { unique: true })
export class Application {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => String, { description: "The month applied for, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => ApplicationType)
  @Column({ type: "varchar", length: 16 })
  type!: ApplicationType;

  @Field(() => ApplicationChannel)
  @Column({ type: "varchar", length: 16 })
  channel!: ApplicationChannel;

  @Field(() => ApplicationStatus)
  @Column({ type: "varchar", length: 24 })
  status!: ApplicationStatus;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  ordinaryKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What was asked for when a supplement was requested, or why it was withdrawn.",
  })
  @Column({ type: "text", nullable: true, default: null })
  statusNote!: string | null;

  @Field(() => Int, {
    description:
      "Bumped whenever the claimed costs or incomes change; a decision needs a calculation of the current claims.",
  })
  @Column({ type: "int" })
  claimsRevision!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Column({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Int)
  @VersionColumn()
  version!: number;
}

@ObjectType("AssistanceClaimedCost", { description: "Yrkad kostnad i ansökan." })
@Entity({ name: "eb_application_cost" })
@Index(["applicationId"])
export class ApplicationCost {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => CostType)
  @Column({ type: "varchar", length: 32 })
  costType!: CostType;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true, default: null })
  note!: string | null;
}

@ObjectType("AssistanceReportedIncome", { description: "Inkomst som redovisats i ansökan." })
@Entity({ name: "eb_application_income" })
@Index(["applicationId"])
export class ApplicationIncome {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => IncomeType)
  @Column({ type: "varchar", length: 32 })
  incomeType!: IncomeType;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => ID, { nullable: true, description: "The household member who has the income." })
  @Column({ type: "int", nullable: true, default: null })
  memberId!: number | null;
}
