import { Authorized, Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { FeedbackChannel, FeedbackCriterion, FeedbackKind, FeedbackStatus, ImprovementKind } from "./feedback.enums";
import { SynpunkterScopes } from "../scopes";

/** Synpunkt — one feedback item from a citizen, user or customer. */
@ObjectType({
  description:
    "Synpunkt — a feedback item from a citizen, user or customer: beröm (praise), fråga (question), förslag (suggestion) or klagomål (complaint), and its handling within the business area's handling time (handläggningstid). Person-level: readable with synpunkter:read, every read access-logged.",
})
@Entity({ name: "feedback_item" })
@Index(["receivedDate"])
@Index(["businessAreaId", "receivedDate"])
// Covers the statistics' pass over the days at a period's edges (whole months come from the
// summary rows) and the rebuild: every column the report groups or sums is in the index, so
// those days are read from the index alone (no row lookups).
@Index("IDX_feedback_statistics", [
  "receivedDate",
  "businessAreaId",
  "kind",
  "criterion",
  "closedDate",
  "dueDate",
  "wantsReply",
  "replyCount",
  "reopenedCount",
  "duplicateOfId",
  "improvementKind",
  "forwardedTo",
])
@Index(["status", "dueDate"])
// Open items past their due date in a period (the statistics' openOverdue, the overdue filter):
// closedDate IS NULL and dueDate < the municipality's today is a range over the few open items, receivedDate covered.
@Index("IDX_feedback_open_due", ["closedDate", "dueDate", "receivedDate"])
export class FeedbackItem {
  @Field(() => ID, { description: "The item's id; name it as input.id when you change the item." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => FeedbackKind, { description: "What kind of feedback it is." })
  @Column({ type: "varchar", length: 16 })
  kind!: FeedbackKind;

  @Field(() => FeedbackCriterion, { description: "The city-wide criterion (kommungemensamt kriterium) it concerns." })
  @Column({ type: "varchar", length: 32 })
  criterion!: FeedbackCriterion;

  @Column({ type: "int" })
  businessAreaId!: number;

  @Field(() => FeedbackChannel, { description: "How it reached the administration." })
  @Column({ type: "varchar", length: 16 })
  channel!: FeedbackChannel;

  @Field(() => String, { description: "Who registered it: a caseworker's id or the e-service integration." })
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Field(() => LocalDateScalar, {
    description: "The day it was received; the statistics' periods and the due date count from it.",
  })
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => String, {
    description: 'The feedback in the submitter\'s words. May hold personal details; "[gallrad]" after retention.',
  })
  @Column({ type: "text" })
  description!: string;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, { nullable: true, description: "Submitter's name; null when anonymous." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  submitterName!: string | null;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, {
    nullable: true,
    description: "Submitter's e-mail address, for the reply; null when not given.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  submitterEmail!: string | null;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, { nullable: true, description: "Submitter's phone number, for the reply; null when not given." })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  submitterPhone!: string | null;

  @Field(() => Boolean, {
    description: "Önskar återkoppling — the submitter wants a reply (never true when anonymous).",
  })
  @Column({ type: "boolean" })
  wantsReply!: boolean;

  @Field(() => FeedbackStatus, { description: "Where the handling stands." })
  @Column({ type: "varchar", length: 16 })
  status!: FeedbackStatus;

  @Field(() => LocalDateScalar, {
    description:
      "Received date + the business area's handling time (calendar days), set at registration; reopening does not move it.",
  })
  @Column({ ...dateColumn })
  dueDate!: LocalDate;

  @Field(() => String, { nullable: true, description: "The handler's id (handläggare); null until assigned." })
  @Column({ type: "varchar", length: 128, nullable: true, default: null })
  assignedTo!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the latest closing; null while open." })
  @Column({ ...dateColumn, nullable: true, default: null })
  closedDate!: LocalDate | null;

  @Field(() => Int, { description: "Replies sent (kept with each reply, so statistics need no join)." })
  @Column({ type: "int", default: 0 })
  replyCount!: number;

  @Field(() => Int, { description: "Times reopened for completion." })
  @Column({ type: "int", default: 0 })
  reopenedCount!: number;

  @Column({ type: "int", nullable: true, default: null })
  duplicateOfId!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "External organisation, association or company it was forwarded to.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  forwardedTo!: string | null;

  @Field(() => ImprovementKind, { nullable: true, description: "The improvement it led to, if any." })
  @Column({ type: "varchar", length: 32, nullable: true, default: null })
  improvementKind!: ImprovementKind | null;

  @Field(() => String, { nullable: true, description: "What was improved; null when no improvement is recorded." })
  @Column({ type: "text", nullable: true, default: null })
  improvementDescription!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Gallrad — the day retention removed the item's person data (description, contact, reply texts, notes); null while kept.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, {
    description:
      "Optimistic locking: pass it back as input.expectedVersion when you change the item; every change raises it.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, {
    description: "When the record was created in this system (UTC timestamp), not the received date.",
  })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date, { description: "When the record was last changed in this system (UTC timestamp)." })
  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
