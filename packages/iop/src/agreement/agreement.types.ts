import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { Agreement } from "./agreement.entity";
import { AgreementEventKind } from "./agreement.enums";

@ObjectType("IopTerm", { description: "One term (avtalsperiod) of an agreement: the initial period or a renewal." })
export class TermType {
  @Field(() => Int, { description: "0 = the initial period, 1 = the first renewal, …" })
  index!: number;

  @Field(() => Boolean, { description: "True for a renewal term." })
  renewal!: boolean;

  @Field(() => LocalDateScalar, { description: "First day of the term." })
  start!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day; null for until further notice." })
  end!: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day to give notice so the agreement does not renew after this term.",
  })
  noticeDeadline!: LocalDate | null;
}

@ObjectType("IopNoticeDeadline", {
  description:
    "Sista dag för uppsägning — the last day to give notice before an agreement's next automatic renewal, and when the board must decide.",
})
export class NoticeDeadlineType {
  @Field(() => Agreement, { description: "The agreement that renews." })
  agreement!: Agreement;

  @Field(() => LocalDateScalar, { description: "The term end the notice would end the agreement on." })
  termEnd!: LocalDate;

  @Field(() => LocalDateScalar, {
    description: "Notice must be given on or before this day (termEnd − notice months).",
  })
  noticeDeadline!: LocalDate;

  @Field(() => LocalDateScalar, { description: "Without notice the agreement runs to this day." })
  renewedUntil!: LocalDate;

  @Field(() => LocalDateScalar, {
    description: "A board decision is needed by this day (noticeDeadline − boardLeadDays).",
  })
  decisionNeededBy!: LocalDate;

  @Field(() => Int, { description: "Days from asOf to the notice deadline (0 on the day itself)." })
  daysLeft!: number;
}

@ObjectType("IopAgreementEvent", {
  description: "Something that happens to an agreement on a day: starts, renews, winds down, ends, is replaced.",
})
export class AgreementEventType {
  @Field(() => AgreementEventKind, { description: "What happens." })
  kind!: AgreementEventKind;

  @Field(() => LocalDateScalar, {
    description: "STARTS/RENEWS/WINDS_DOWN: first day; ENDS/REPLACED: last day in force.",
  })
  date!: LocalDate;

  @Field(() => Agreement, { description: "The agreement it happens to." })
  agreement!: Agreement;

  @Field(() => Agreement, { nullable: true, description: "REPLACED: the successor agreement." })
  successor!: Agreement | null;
}
