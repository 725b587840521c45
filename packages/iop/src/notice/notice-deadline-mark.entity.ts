import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { dateColumn, type LocalDate } from "@arbetsliv/core/values";

/** What a notice deadline led to: a warning before it, or the automatic renewal after it passed. */
export enum NoticeDeadlineMarkKind {
  WARNING = "WARNING",
  RENEWED = "RENEWED",
}

/**
 * One row per agreement, notice deadline and kind, inserted in the same transaction as the event
 * it stands for. The unique key is what makes the scheduled jobs record each event exactly once,
 * however often (or on how many processes at once) they run.
 */
@Entity({ name: "iop_notice_deadline_mark" })
@Index(["agreementId", "noticeDeadline", "kind"], { unique: true })
export class NoticeDeadlineMark {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Column({ ...dateColumn })
  noticeDeadline!: LocalDate;

  @Column({ type: "varchar", length: 16 })
  kind!: NoticeDeadlineMarkKind;

  /** ISO 8601 UTC: when the job recorded it. */
  @Column({ type: "varchar", length: 24 })
  recordedAt!: string;
}
