import { Field, Float, Int, ObjectType } from "type-graphql";
import { LocalDateScalar, type LocalDate } from "@arbetsliv/core";
import { BusinessArea } from "../business-area/business-area.entity";
import { FeedbackCriterion, FeedbackKind } from "../feedback/feedback.enums";

@ObjectType({ description: "Counts per kind of feedback (beröm, fråga, förslag, klagomål) and their total." })
export class KindCounts {
  @Field(() => Int) praise!: number;
  @Field(() => Int) question!: number;
  @Field(() => Int) suggestion!: number;
  @Field(() => Int) complaint!: number;
  @Field(() => Int) total!: number;
}

@ObjectType({ description: "One business area: feedback received per kind and the most common kind(s)." })
export class BusinessAreaCounts extends KindCounts {
  @Field(() => BusinessArea) businessArea!: BusinessArea;
  @Field(() => [FeedbackKind], { description: "Vanligaste — the most common kind; several when tied (the report lists each)." })
  mostCommonKinds!: FeedbackKind[];
}

@ObjectType({ description: "One row of the criterion × kind table (Fördelning kommungemensamma kriterier)." })
export class CriterionCounts extends KindCounts {
  @Field(() => FeedbackCriterion) criterion!: FeedbackCriterion;
}

@ObjectType()
export class MonthCounts {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => Int) received!: number;
  @Field(() => Int, { description: "Items of the period finally closed in this month." }) closed!: number;
}

@ObjectType({ description: "Redovisning av inkomna synpunkter — the board report for a period, computed from the records." })
export class FeedbackStatistics {
  @Field(() => LocalDateScalar) from!: LocalDate;
  @Field(() => LocalDateScalar) to!: LocalDate;
  @Field(() => Int, { description: "Received in the period (inkomna)." }) received!: number;
  @Field(() => Int, { description: "Of those, closed now (avslutade)." }) closed!: number;
  @Field(() => Int, { description: "Of those, not closed now (ej avslutade)." }) notClosed!: number;
  @Field(() => Int, { description: "Finally closed on or before the due date." }) handledInTime!: number;
  @Field(() => Int, { description: "Finally closed after the due date (a reopened item closed late counts here)." }) handledLate!: number;
  @Field(() => Int, { description: "Still open and past the due date." }) openOverdue!: number;
  @Field(() => Int, { description: "Forwarded to an external organisation." }) forwarded!: number;
  @Field(() => Int, { description: "Led to an improvement (ständiga förbättringar)." }) improvements!: number;
  @Field(() => Int, { description: "Sent twice (marked as duplicates); still counted as received." }) duplicates!: number;
  @Field(() => Int, { description: "Reopened for completion at least once." }) reopened!: number;
  @Field(() => Int) wantedReply!: number;
  @Field(() => Int, { description: "Of those who wanted a reply, how many got one." }) repliedToWhoWanted!: number;
  @Field(() => Float, { nullable: true, description: "Days from received to final closing, closed items." }) averageHandlingDays!: number | null;
  @Field(() => Float, { nullable: true }) medianHandlingDays!: number | null;
  @Field(() => KindCounts) kinds!: KindCounts;
  @Field(() => [BusinessAreaCounts], { description: "Areas with feedback in the period, most feedback first." }) byBusinessArea!: BusinessAreaCounts[];
  @Field(() => [CriterionCounts], { description: "Every criterion, also those with zero (the report shows all four)." }) byCriterion!: CriterionCounts[];
  @Field(() => [MonthCounts]) byMonth!: MonthCounts[];
}
