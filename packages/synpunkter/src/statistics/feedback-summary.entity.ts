import { Column, Entity, PrimaryColumn } from "typeorm";

/*
 * Summary rows kept on write (see feedback-summary.ts): per month of the received date, so a
 * period's whole months are read from a few thousand rows instead of every item. Not exposed
 * in GraphQL; the statistics read them and the records stay the source.
 */

/**
 * Area × kind × criterion counters of the items received in one month. The key leads with
 * area, kind and criterion so the statistics' GROUP BY reads the rows in key order (no
 * temporary table); a period's months are a filter over a table of a few hundred rows a year.
 */
@Entity({ name: "feedback_month_summary" })
export class FeedbackMonthSummary {
  @PrimaryColumn({ type: "int" })
  businessAreaId!: number;

  @PrimaryColumn({ type: "varchar", length: 16 })
  kind!: string;

  @PrimaryColumn({ type: "varchar", length: 32 })
  criterion!: string;

  @PrimaryColumn({ type: "varchar", length: 7 })
  receivedMonth!: string;

  @Column({ type: "int", default: 0 }) received!: number;
  @Column({ type: "int", default: 0 }) closed!: number;
  @Column({ type: "int", default: 0 }) inTime!: number;
  @Column({ type: "int", default: 0 }) late!: number;
  @Column({ type: "int", default: 0 }) forwarded!: number;
  @Column({ type: "int", default: 0 }) improvements!: number;
  @Column({ type: "int", default: 0 }) duplicates!: number;
  @Column({ type: "int", default: 0 }) reopened!: number;
  @Column({ type: "int", default: 0 }) wantedReply!: number;
  @Column({ type: "int", default: 0 }) replied!: number;
}

/** Items received in one month by the month of their (final) closing; '' while not closed. */
@Entity({ name: "feedback_month_closed" })
export class FeedbackMonthClosed {
  @PrimaryColumn({ type: "varchar", length: 7 })
  receivedMonth!: string;

  @PrimaryColumn({ type: "varchar", length: 7 })
  closedMonth!: string;

  @Column({ type: "int", default: 0 }) n!: number;
}

/** Closed items received in one month by handling days (received → final closing): the histogram for average and median. */
@Entity({ name: "feedback_month_handling" })
export class FeedbackMonthHandling {
  @PrimaryColumn({ type: "varchar", length: 7 })
  receivedMonth!: string;

  @PrimaryColumn({ type: "int" })
  handlingDays!: number;

  @Column({ type: "int", default: 0 }) n!: number;
}
