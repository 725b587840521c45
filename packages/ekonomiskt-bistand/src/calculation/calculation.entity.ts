import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";
import { CalculationLineKind, DecisionOutcome } from "../enums";

/** Beräkning — a stored calculation with its lines, so a caseworker and the applicant can see why. */
@ObjectType("AssistanceCalculation", {
  description: "Beräkning av försörjningsstöd: riksnorm + skäliga kostnader − inkomster.",
})
@Entity({ name: "eb_calculation" })
@Index(["applicationId"])
@Index(["householdId", "month"])
export class Calculation {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  applicationId!: number;

  @Field(() => ID)
  @Column({ type: "int" })
  householdId!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 7 })
  month!: string;

  @Column({ type: "int" })
  claimsRevision!: number;

  @Field(() => Int, { description: "The riksnorm year used." })
  @Column({ type: "int" })
  riksnormYear!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  householdSize!: number;

  @Field(() => MoneyScalar, { description: "Riksnorm for the household." })
  @Column({ ...moneyColumn })
  norm!: Ore;

  @Field(() => MoneyScalar, { description: "Skäliga kostnader, after caps." })
  @Column({ ...moneyColumn })
  reasonableCosts!: Ore;

  @Field(() => MoneyScalar, { description: "Incomes counted, after disregards." })
  @Column({ ...moneyColumn })
  countedIncome!: Ore;

  @Field(() => MoneyScalar, {
    description: "norm + reasonable costs − counted income; negative when incomes exceed the need.",
  })
  @Column({ ...moneyColumn })
  balance!: Ore;

  @Field(() => MoneyScalar, { description: "Försörjningsstöd: the balance, never below zero." })
  @Column({ ...moneyColumn })
  assistance!: Ore;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  workIncomeDisregarded!: Ore;

  @Field(() => String, {
    nullable: true,
    description: "First month the work-income disregard applied (its 24 months run from there).",
  })
  @Column({ type: "varchar", length: 7, nullable: true, default: null })
  workIncentiveSince!: string | null;

  @Field(() => DecisionOutcome)
  @Column({ type: "varchar", length: 16 })
  suggestedOutcome!: DecisionOutcome;

  @Field(() => Date)
  @Column({ type: "datetime" })
  calculatedAt!: Date;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  calculatedBy!: string;
}

@ObjectType("AssistanceCalculationLine", { description: "En rad i beräkningen." })
@Entity({ name: "eb_calculation_line" })
@Index(["calculationId"])
export class CalculationLine {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  calculationId!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  position!: number;

  @Field(() => CalculationLineKind)
  @Column({ type: "varchar", length: 32 })
  kind!: CalculationLineKind;

  @Field(() => ID, { nullable: true })
  @Column({ type: "int", nullable: true, default: null })
  memberId!: number | null;

  @Field(() => String)
  @Column({ type: "varchar", length: 300 })
  label!: string;

  @Field(() => String, { description: "How the amount was arrived at." })
  @Column({ type: "varchar", length: 500 })
  basis!: string;

  @Field(() => MoneyScalar, { description: "Signed: norm and costs positive, incomes negative, disregards positive." })
  @Column({ ...moneyColumn })
  amount!: Ore;
}
