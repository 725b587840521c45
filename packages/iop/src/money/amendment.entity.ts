import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { MoneyScalar, moneyColumn, type Ore } from "@arbetsliv/core/values";

/** Komplettering — an amendment to an agreement, adding amounts for given years. */
@ObjectType("IopAmendment", {
  description:
    "Komplettering — an amendment to an agreement that adds (or takes away) amounts for given years; the costs count them in those years.",
})
@Entity({ name: "iop_amendment" })
@Index(["agreementId"])
export class Amendment {
  @Field(() => ID, { description: "The amendment's id." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => String, { description: "Title of the amendment." })
  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: "What it is for; null when not given." })
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

  @Field(() => Int, { description: "The calendar year the amount is for." })
  @Column({ type: "int" })
  year!: number;

  @Field(() => MoneyScalar, {
    description: "Added for that year, in kronor (decimal string); negative when it reduces.",
  })
  @Column({ ...moneyColumn })
  amount!: Ore;
}
