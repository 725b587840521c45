import { Field, Float, Int, ObjectType } from "type-graphql";
import { MAX_MONTHS_IN_PERIOD, MaxItems, StatisticsDisclosure, SuppressedFields } from "@arbetsliv/core";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core/values";
import { MAX_BUSINESS_AREAS } from "../business-area/list-limits";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";

/** Enum-valued tables hold at most one row per value. */
const KINDS = Object.keys(FeedbackKind).length;
const CRITERIA = Object.keys(FeedbackCriterion).length;

@ObjectType({ description: "Counts per kind of feedback (beröm, fråga, förslag, klagomål) and their total." })
export class KindCounts {
  @Field(() => Int, { nullable: true }) praise!: number | null;
  @Field(() => Int, { nullable: true }) question!: number | null;
  @Field(() => Int, { nullable: true }) suggestion!: number | null;
  @Field(() => Int, { nullable: true }) complaint!: number | null;
  @Field(() => Int, { nullable: true }) total!: number | null;
  @SuppressedFields() suppressed!: string[];
}

@ObjectType({ description: "One business area: feedback received per kind and the most common kind(s)." })
export class BusinessAreaCounts extends KindCounts {
  @Field(() => BusinessArea) businessArea!: BusinessArea;
  @Field(() => [FeedbackKind], {
    description:
      "Vanligaste — the most common kind; several when tied (the report lists each). Empty when a count of the area is suppressed.",
  })
  @MaxItems(KINDS)
  mostCommonKinds!: FeedbackKind[];
}

@ObjectType({ description: "One row of the criterion × kind table (Fördelning kommungemensamma kriterier)." })
export class CriterionCounts extends KindCounts {
  @Field(() => FeedbackCriterion) criterion!: FeedbackCriterion;
}

@ObjectType({
  description:
    "One month of the period (a month counts when any of its days is in the period). Items of the period closed after it count in `closed` of the report but in no month.",
})
export class MonthCounts {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => Int, { nullable: true }) received!: number | null;
  @Field(() => Int, { nullable: true, description: "Items of the period finally closed in this month." }) closed!:
    | number
    | null;
  @SuppressedFields() suppressed!: string[];
}

@ObjectType({
  description: "Redovisning av inkomna synpunkter — the board report for a period, computed from the records.",
})
export class FeedbackStatistics {
  @Field(() => LocalDateScalar) from!: LocalDate;
  @Field(() => LocalDateScalar) to!: LocalDate;
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
  @Field(() => Int, { nullable: true, description: "Still open and past the due date." }) openOverdue!: number | null;
  @Field(() => Int, { nullable: true, description: "Forwarded to an external organisation." }) forwarded!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Led to an improvement (ständiga förbättringar)." }) improvements!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: "Sent twice (marked as duplicates); still counted as received." })
  duplicates!: number | null;
  @Field(() => Int, { nullable: true, description: "Reopened for completion at least once." }) reopened!: number | null;
  @Field(() => Int, { nullable: true }) wantedReply!: number | null;
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
  @Field(() => KindCounts) kinds!: KindCounts;
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
  @Field(() => StatisticsDisclosure) disclosure!: StatisticsDisclosure;
}
