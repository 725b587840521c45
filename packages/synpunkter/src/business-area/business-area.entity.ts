import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn, Unique } from "typeorm";

/** Verksamhetsområde — areas are data, so the administration can add one without a release. */
@ObjectType({
  description:
    "Verksamhetsområde — a business area of the administration that feedback is about; its handling time sets the items' due dates.",
})
@Entity({ name: "feedback_business_area" })
@Unique(["name"])
export class BusinessArea {
  @Field(() => ID, { description: "The area's id; give it as businessAreaId when registering feedback." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { description: "The area's name, unique." })
  @Column({ type: "varchar", length: 120 })
  name!: string;

  @Field(() => Int, { description: "Handling time in calendar days: due date = received date + this." })
  @Column({ type: "int" })
  handlingDays!: number;

  @Field(() => Boolean, {
    description: "Whether new feedback can be registered under it; inactive areas keep their items.",
  })
  @Column({ type: "boolean", default: true })
  active!: boolean;
}
