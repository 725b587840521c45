import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Komplettering — an amendment to an agreement, adding amounts for given years. */
@ObjectType("IopAmendment", {
  description: "Komplettering — an amendment to an agreement that adds amounts for given years.",
})
@Entity({ name: "iop_amendment" })
@Index(["agreementId"])
export class Amendment {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;

  @Column({ type: "int", nullable: true, default: null })
  boardDecisionId!: number | null;
}

/** One year's amount of an amendment (+150 tkr for 2022). */
@ObjectType("IopAmendmentAmount", { description: "An amount an amendment adds for one calendar year." })
@Entity({ name: "iop_amendment_amount" })
@Index(["amendmentId", "year"], { unique: true })
@Index(["agreementId", "year"])
export class AmendmentAmount {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  amendmentId!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => Int)
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar)
  @Column({ ...moneyColumn })
  amount!: Ore;
}
