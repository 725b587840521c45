import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** The budget an agreement is paid from: the committee's own or another (e.g. Socialt hållbart Borås). */
@ObjectType("IopFundingBudget", {
  description:
    "Finansiering — a budget that pays agreements: the committee's own or another (e.g. Socialt hållbart Borås). Costs and counts are reported per budget.",
})
@Entity({ name: "iop_funding_budget" })
export class FundingBudget {
  @Field(() => ID, { description: "The budget's id (an agreement's fundingBudgetId)." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "Short stable code, e.g. ALN or SHB." })
  @Index({ unique: true })
  @Column({ type: "varchar", length: 32 })
  code!: string;

  @Field(() => String, { description: "The budget's name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the budget is for; null when not given." })
  @Column({ type: "text", nullable: true, default: null })
  description!: string | null;
}
