import { Field, Float, Int, ObjectType } from "type-graphql";
import { MAX_MONTHS_IN_PERIOD, MaxItems, StatisticsDisclosure, SuppressedFields } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { MAX_BUSINESS_AREAS } from "../business-area/list-limits";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";

/** Enum-valued tables hold at most one row per value. */
const KINDS = Object.keys(FeedbackKind).length;
const CRITERIA = Object.keys(FeedbackCriterion).length;

/** Null means suppressed by disclosure control (the field is then listed in `suppressed`). */
const SUPPRESSED = "Null when suppressed (listed in suppressed).";

@ObjectType({
  description:
    "Counts of feedback received per kind (beröm — praise, fråga — question, förslag — suggestion, klagomål — complaint) and their total. A count is null when disclosure control suppresses it.",
})
export class KindCounts {
  @Field(() => Int, { nullable: true, description: `Praise (beröm) received. ${SUPPRESSED}` }) praise!: number | null;
  @Field(() => Int, { nullable: true, description: `Questions (frågor) received. ${SUPPRESSED}` }) question!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: `Suggestions (förslag) received. ${SUPPRESSED}` }) suggestion!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: `Complaints (klagomål) received. ${SUPPRESSED}` }) complaint!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: `All kinds together. ${SUPPRESSED}` }) total!: number | null;
  @SuppressedFields() suppressed!: string[];
}

@ObjectType({ description: "One business area: feedback received per kind and the most common kind(s)." })
export class BusinessAreaCounts extends KindCounts {
  @Field(() => BusinessArea, { description: "The business area (verksamhetsområde) counted." })
  businessArea!: BusinessArea;
  @Field(() => [FeedbackKind], {
    description:
      "Vanligaste — the most common kind; several when tied (the report lists each). Empty when a count of the area is suppressed.",
  })
  @MaxItems(KINDS)
  mostCommonKinds!: FeedbackKind[];
}

@ObjectType({
  description:
    "One row of the criterion × kind table (Fördelning kommungemensamma kriterier — distribution over the city-wide criteria).",
})
export class CriterionCounts extends KindCounts {
  @Field(() => FeedbackCriterion, { description: "The criterion of this row." }) criterion!: FeedbackCriterion;
}

@ObjectType({
  description:
    "One month of the period (a month counts when any of its days is in the period). Items of the period closed after it count in `closed` of the report but in no month.",
})
export class MonthCounts {
  @Field(() => String, { description: "The calendar month, YYYY-MM." }) month!: string;
  @Field(() => Int, { nullable: true, description: `Items received in this month. ${SUPPRESSED}` }) received!:
    | number
    | null;
  @Field(() => Int, {
    nullable: true,
    description: `Items of the period finally closed in this month. ${SUPPRESSED}`,
  })
  closed!: number | null;
  @SuppressedFields() suppressed!: string[];
}

@ObjectType({
  description:
    "Redovisning av inkomna synpunkter — the report on feedback received, to the board, for a period on the received date, computed from the records. No person data; counts are null when disclosure control suppresses them (listed in suppressed).",
})
export class FeedbackStatistics {
  @Field(() => LocalDateScalar, { description: "The period's first day (received date), as asked." }) from!: LocalDate;
  @Field(() => LocalDateScalar, { description: "The period's last day (received date), included, as asked." })
  to!: LocalDate;
  @Field(() => Int, { nullable: true, description: "Received in the period (inkomna)." }) received!: number | null;
  @Field(() => Int, { nullable: true, description: "Of those, closed now (avslutade)." }) closed!: number | null;
  @Field(() => Int, { nullable: true, description: "Of those, not closed now (ej avslutade)." }) notClosed!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Finally closed on or before the due date." }) handledInTime!:
    | number
    | null;
  @Field(() => Int, {
    nullable: true,
    description: "Finally closed after the due date (a reopened item closed late counts here).",
  })
  handledLate!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "Received in the period, still open and past the due date: the due date is before today in Europe/Stockholm (the municipality's day), so it changes at midnight there.",
  })
  openOverdue!: number | null;
  @Field(() => Int, { nullable: true, description: "Forwarded to an external organisation." }) forwarded!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Led to an improvement (ständiga förbättringar)." }) improvements!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Sent twice (marked as duplicates); still counted as received." })
  duplicates!: number | null;
  @Field(() => Int, { nullable: true, description: "Reopened for completion at least once." }) reopened!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Of those received, how many wanted a reply (önskar återkoppling).",
  })
  wantedReply!: number | null;
  @Field(() => Int, { nullable: true, description: "Of those who wanted a reply, how many got one." })
  repliedToWhoWanted!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "Mean calendar days from received to final closing, over the closed items; rounded to one decimal, half up (1.25 → 1.3, 1.15 → 1.2, 1.24 → 1.2).",
  })
  averageHandlingDays!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "Median calendar days from received to final closing, over the closed items; not rounded: a whole number, or the midpoint of the two middle values (x.5) for an even count.",
  })
  medianHandlingDays!: number | null;
  @Field(() => KindCounts, { description: "Received per kind, all business areas together." }) kinds!: KindCounts;
  @Field(() => [BusinessAreaCounts], { description: "Areas with feedback in the period, most feedback first." })
  @MaxItems(MAX_BUSINESS_AREAS)
  byBusinessArea!: BusinessAreaCounts[];
  @Field(() => [CriterionCounts], { description: "Every criterion, also those with zero (the report shows all four)." })
  @MaxItems(CRITERIA)
  byCriterion!: CriterionCounts[];
  @Field(() => [MonthCounts], {
    description:
      "The months inside the period that have feedback received or closed, in order; never a month outside it.",
  })
  @MaxItems(MAX_MONTHS_IN_PERIOD)
  byMonth!: MonthCounts[];
  @SuppressedFields() suppressed!: string[];
  @Field(() => StatisticsDisclosure, {
    description:
      "Whether the figures are exact (synpunkter:stats:exact) or disclosure-controlled, and the smallest count shown.",
  })
  disclosure!: StatisticsDisclosure;
}
