import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { Agreement } from "../agreement/agreement.entity";
import { YearlyReportKind } from "./follow-up.enums";

@ObjectType("IopFollowUpDue", {
  description: "A follow-up (uppföljning) that is due: the period ended and has not been followed up.",
})
export class FollowUpDueType {
  @Field(() => Agreement) agreement!: Agreement;
  @Field(() => LocalDateScalar, { nullable: true, description: "End of the last period followed up; null if never." })
  lastFollowedUpUntil!: LocalDate | null;
  @Field(() => LocalDateScalar) periodStart!: LocalDate;
  @Field(() => LocalDateScalar) periodEnd!: LocalDate;
  @Field(() => LocalDateScalar) dueDate!: LocalDate;
  @Field(() => Int) daysOverdue!: number;
}

@ObjectType("IopMissingReport", { description: "A yearly report the agreement requires that has not been received." })
export class MissingReportType {
  @Field(() => Agreement) agreement!: Agreement;
  @Field(() => Int) year!: number;
  @Field(() => YearlyReportKind) kind!: YearlyReportKind;
}
