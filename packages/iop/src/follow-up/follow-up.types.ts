import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { Agreement } from "../agreement/agreement.entity";
import { YearlyReportKind } from "./follow-up.enums";

@ObjectType("IopFollowUpDue", {
  description: "A follow-up (uppföljning) that is due: the period ended and has not been followed up.",
})
export class FollowUpDueType {
  @Field(() => Agreement, { description: "The agreement to follow up." }) agreement!: Agreement;
  @Field(() => LocalDateScalar, { nullable: true, description: "End of the last period followed up; null if never." })
  lastFollowedUpUntil!: LocalDate | null;
  @Field(() => LocalDateScalar, { description: "First day of the period due." }) periodStart!: LocalDate;
  @Field(() => LocalDateScalar, { description: "Last day of the period due." }) periodEnd!: LocalDate;
  @Field(() => LocalDateScalar, { description: "The day the follow-up became due (the period's end)." })
  dueDate!: LocalDate;
  @Field(() => Int, { description: "Days from dueDate to asOf." }) daysOverdue!: number;
}

@ObjectType("IopMissingReport", { description: "A yearly report the agreement requires that has not been received." })
export class MissingReportType {
  @Field(() => Agreement, { description: "The agreement that requires the report." }) agreement!: Agreement;
  @Field(() => Int, { description: "The year the report covers." }) year!: number;
  @Field(() => YearlyReportKind, { description: "The report missing." }) kind!: YearlyReportKind;
}
