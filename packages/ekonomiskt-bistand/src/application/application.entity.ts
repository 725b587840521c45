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
@ObjectType("AssistanceApplication", {
  description:
    "Ansökan — an application for ekonomiskt bistånd (försörjningsstöd) for one calendar month, with its claimed costs, reported incomes, calculations and decision. Person-level: needs ekonomiskt-bistand:read; reads are access-logged.",
})
@Entity({ name: "eb_application" })
@Index(["householdId", "month"])
@Index(["ordinaryKey"], { unique: true })
export class Application {
  @Field(() => ID, {
    description: "The application's id: pass it to the claims, status, calculate and decide mutations.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The household that applied." })
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => String, { description: "The month applied for, YYYY-MM." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Field(() => ApplicationType, { description: "New, renewal or supplementary, chosen from the household's history." })
  @Column({ type: "varchar", length: 16 })
  type!: ApplicationType;

  @Field(() => ApplicationChannel, { description: "How the application came in." })
  @Column({ type: "varchar", length: 16 })
  channel!: ApplicationChannel;

  @Field(() => ApplicationStatus, { description: "Where the application is in its handling." })
  @Column({ type: "varchar", length: 24 })
  status!: ApplicationStatus;

  @Field(() => LocalDateScalar, {
    description: "The day the application came in (inkomstdatum): the handling time counts from it.",
  })
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Column({ type: "varchar", length: 24, nullable: true, default: null })
  ordinaryKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "What was asked for when a supplement was requested, or why it was withdrawn; null otherwise. Null once the household is gallrad.",
  })
  @Column({ type: "text", nullable: true, default: null })
  statusNote!: string | null;

  @Field(() => Int, {
    description:
      "Bumped whenever the claimed costs or incomes change; a decision needs a calculation of the current claims.",
  })
  @Column({ type: "int" })
  claimsRevision!: number;

  @Field(() => String, { description: "The caseworker (token subject) who registered the application." })
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Column({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change (calculating included): pass it as input.expectedVersion to the claims, status and decide mutations.",
  })
  @VersionColumn()
  version!: number;
}

@ObjectType("AssistanceClaimedCost", {
  description: "Yrkad kostnad — a reasonable cost claimed in an application, as claimed (before any cap).",
})
@Entity({ name: "eb_application_cost" })
@Index(["applicationId"])
export class ApplicationCost {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => CostType, { description: "What the cost is." })
  @Column({ type: "varchar", length: 32 })
  costType!: CostType;

  @Field(() => MoneyScalar, { description: "The amount claimed for the month, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => String, { nullable: true, description: "The note given with the claim; null when none." })
  @Column({ type: "varchar", length: 300, nullable: true, default: null })
  note!: string | null;
}

@ObjectType("AssistanceReportedIncome", {
  description: "An income reported in an application for the month applied for (before any disregard).",
})
@Entity({ name: "eb_application_income" })
@Index(["applicationId"])
export class ApplicationIncome {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => IncomeType, { description: "What the income is." })
  @Column({ type: "varchar", length: 32 })
  incomeType!: IncomeType;

  @Field(() => MoneyScalar, { description: "The income for the month, in kronor." })
  @Column({ ...moneyColumn })
  amount!: Ore;

  @Field(() => ID, {
    nullable: true,
    description: "The household member who has the income; null when it is the household's (e.g. child allowance).",
  })
  @Column({ type: "int", nullable: true, default: null })
  memberId!: number | null;
}
