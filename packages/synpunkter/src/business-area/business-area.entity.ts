import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";

/** Verksamhetsområde — areas are data, so the administration can add one without a release. */
@ObjectType({ description: "Verksamhetsområde — the business area a feedback item is about." })
@Entity({ name: "feedback_business_area" })
@Unique(["name"])
export class BusinessArea {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String)
  @Column({ type: "varchar", length: 120 })
  name!: string;

  @Field(() => Int, { description: "Handling time in calendar days: due date = received date + this." })
  @Column({ type: "int" })
  handlingDays!: number;

  @Field(() => Boolean)
  @Column({ type: "boolean", default: true })
  active!: boolean;
}
