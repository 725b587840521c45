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
@ObjectType({ description: "Synpunkt — a feedback item (beröm, fråga, förslag, klagomål) and its handling." })
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
// closedDate IS NULL and dueDate < today is a range over the few open items, receivedDate covered.
@Index("IDX_feedback_open_due", ["closedDate", "dueDate", "receivedDate"])
export class FeedbackItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => FeedbackKind)
  @Column({ type: "varchar", length: 16 })
  kind!: FeedbackKind;

  @Field(() => FeedbackCriterion)
  @Column({ type: "varchar", length: 32 })
  criterion!: FeedbackCriterion;

  @Column({ type: "int" })
  businessAreaId!: number;

  @Field(() => FeedbackChannel)
  @Column({ type: "varchar", length: 16 })
  channel!: FeedbackChannel;

  @Field(() => String, { description: "Who registered it: a caseworker's id or the e-service integration." })
  @Column({ type: "varchar", length: 128 })
  registeredBy!: string;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  receivedDate!: LocalDate;

  @Field(() => String, { description: "The feedback in the submitter's words. May hold personal details." })
  @Column({ type: "text" })
  description!: string;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, { nullable: true, description: "Submitter's name; null when anonymous." })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  submitterName!: string | null;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  submitterEmail!: string | null;

  @Authorized(SynpunkterScopes.READ)
  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  submitterPhone!: string | null;

  @Field(() => Boolean, {
    description: "Önskar återkoppling — the submitter wants a reply (never true when anonymous).",
  })
  @Column({ type: "boolean" })
  wantsReply!: boolean;

  @Field(() => FeedbackStatus)
  @Column({ type: "varchar", length: 16 })
  status!: FeedbackStatus;

  @Field(() => LocalDateScalar, { description: "Received date + the business area's handling time." })
  @Column({ ...dateColumn })
  dueDate!: LocalDate;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 128, nullable: true, default: null })
  assignedTo!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of the latest closing; null while open." })
  @Column({ ...dateColumn, nullable: true, default: null })
  closedDate!: LocalDate | null;

  @Field(() => Number, { description: "Replies sent (kept with each reply, so statistics need no join)." })
  @Column({ type: "int", default: 0 })
  replyCount!: number;

  @Field(() => Number, { description: "Times reopened for completion." })
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

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  improvementDescription!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Gallrad — the date person data was removed by retention.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  anonymisedDate!: LocalDate | null;

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the item." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
