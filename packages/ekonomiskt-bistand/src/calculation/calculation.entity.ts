import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";
import { CalculationLineKind, DecisionOutcome } from "../enums";

/** Beräkning — a stored calculation with its lines, so a caseworker and the applicant can see why. */
@ObjectType("AssistanceCalculation", {
  description:
    "Beräkning — a stored calculation of försörjningsstöd for an application's month: riksnorm (the national standard amount for everyday costs set yearly by the government, socialtjänstförordningen 2 kap. 1 §) + skäliga kostnader (reasonable costs, capped) − counted incomes, with every line, so the caseworker and the applicant can see why. Never changed; a new calculation is a new record. Money is kronor; amounts are whole öre, shares rounded half up. Person-level: needs ekonomiskt-bistand:read; reads are access-logged.",
})
@Entity({ name: "eb_calculation" })
@Index(["applicationId"])
@Index(["householdId", "month"])
export class Calculation {
  @Field(() => ID, { description: "The calculation's id (a decision refers to it as calculationId)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { description: "The application calculated." })
  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => ID, { description: "The household of the application." })
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => String, { description: "The month calculated, YYYY-MM (the application's month)." })
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Column({ type: "int" })
  claimsRevision!: number;

  @Field(() => Int, { description: "The riksnorm year used: the calendar year of the month." })
  @Column({ type: "int" })
  riksnormYear!: number;

  @Field(() => Int, {
    description: "Persons counted for the common household costs: the members that month in the application.",
  })
  @Column({ type: "int" })
  householdSize!: number;

  @Field(() => MoneyScalar, {
    description:
      "The household's riksnorm for the month: every member's personal costs plus the common household costs.",
  })
  @Column({ ...moneyColumn })
  norm!: Ore;

  @Field(() => MoneyScalar, {
    description: "Skäliga kostnader (reasonable costs) counted, each capped at its skälighetsnivå (CostCap).",
  })
  @Column({ ...moneyColumn })
  reasonableCosts!: Ore;

  @Field(() => MoneyScalar, {
    description:
      "Incomes counted: every reported income less the work-income and children's-earnings disregards (0 or more).",
  })
  @Column({ ...moneyColumn })
  countedIncome!: Ore;

  @Field(() => MoneyScalar, {
    description: "norm + reasonableCosts − countedIncome; negative when the incomes exceed the need.",
  })
  @Column({ ...moneyColumn })
  balance!: Ore;

  @Field(() => MoneyScalar, {
    description: "Försörjningsstöd — the assistance the month calls for: the balance, never below zero.",
  })
  @Column({ ...moneyColumn })
  assistance!: Ore;

  @Field(() => MoneyScalar, {
    description: "Jobbstimulans: the part of employment income not counted (25 %), 0 when it does not apply.",
  })
  @Column({ ...moneyColumn })
  workIncomeDisregarded!: Ore;

  @Field(() => String, {
    nullable: true,
    description:
      "The first month the work-income disregard applied, YYYY-MM (its 24 months run from there); null when none was disregarded.",
  })
  @Column({ type: "varchar", length: 7, nullable: true, default: null })
  workIncentiveSince!: string | null;

  @Field(() => DecisionOutcome, {
    description:
      "The outcome the figures suggest — REJECTED when no assistance is needed, PARTLY_GRANTED when a cost was capped, GRANTED otherwise; the caseworker decides.",
  })
  @Column({ type: "varchar", length: 16 })
  suggestedOutcome!: DecisionOutcome;

  @Field(() => Date, { description: "When the calculation was made (timestamp, UTC)." })
  @Column({ type: "datetime" })
  calculatedAt!: Date;

  @Field(() => String, { description: "The caseworker (token subject) who calculated." })
  @Column({ type: "varchar", length: 128 })
  calculatedBy!: string;
}

@ObjectType("AssistanceCalculationLine", {
  description:
    "One line of a calculation (beräkning): a norm amount, a cost, an income or a disregard, with how it was arrived at.",
})
@Entity({ name: "eb_calculation_line" })
@Index(["calculationId"])
export class CalculationLine {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  calculationId!: number;

  @Field(() => Int, { description: "The line's place in the calculation, from 1." })
  @Column({ type: "int" })
  position!: number;

  @Field(() => CalculationLineKind, { description: "What the line is." })
  @Column({ type: "varchar", length: 32 })
  kind!: CalculationLineKind;

  @Field(() => ID, {
    nullable: true,
    description:
      "The household member the line is about (a person's norm, income or disregard); null for household lines.",
  })
  @Column({ type: "int", nullable: true, default: null })
  memberId!: number | null;

  @Field(() => String, { description: 'The line\'s text, in Swedish as on the decision (e.g. "Hushållsel").' })
  @Column({ type: "varchar", length: 300 })
  label!: string;

  @Field(() => String, {
    description:
      "How the amount was arrived at, in Swedish (the riksnorm amount used, the cap applied, the disregard's base).",
  })
  @Column({ type: "varchar", length: 500 })
  basis!: string;

  @Field(() => MoneyScalar, {
    description:
      "Signed kronor: norm and costs positive, incomes negative, disregards positive; the lines add up to the balance.",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;
}
