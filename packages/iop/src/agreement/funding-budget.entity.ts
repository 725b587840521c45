import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** The budget an agreement is paid from: the committee's own or another (e.g. Socialt hållbart Borås). */
@ObjectType("IopFundingBudget", {
  description: "Finansiering — the budget that pays an agreement (the committee's own or another).",
})
@Entity({ name: "iop_funding_budget" })
export class FundingBudget {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Short stable code, e.g. ALN or SHB." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code!: string;

  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;
}
