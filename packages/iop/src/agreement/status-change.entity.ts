import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { AgreementStatus } from "./agreement.enums";

/** One step in an agreement's status flow (history; answers "which wound down in a period"). */
@ObjectType("IopStatusChange", {
  description: "A step in an agreement's status history, with the day it takes effect (registration is the first).",
})
@Entity({ name: "iop_status_change" })
@Index(["agreementId"])
@Index(["toStatus", "effectiveDate"])
export class StatusChange {
  @Field(() => ID, { description: "The status change's id; ids grow in the order the changes were recorded." })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => AgreementStatus, { nullable: true, description: "The status before; null for the registration." })
  @Column({ type: "varchar", length: 16, nullable: true, default: null })
  fromStatus!: AgreementStatus | null;

  @Field(() => AgreementStatus, { description: "The status after." })
  @Column({ type: "varchar", length: 16 })
  toStatus!: AgreementStatus;

  @Field(() => LocalDateScalar, {
    description: "The day it takes effect: start or signing day, notice day, wind-down start, or last day in force.",
  })
  @Column({ ...dateColumn })
  effectiveDate!: LocalDate;

  @Field(() => String, { description: "Who recorded it: the caller's subject (user or client id) from the token." })
  @Column({ type: "varchar", length: 128 })
  changedBy!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why: the note given, "registered" for the registration, or who gave notice and the last day in force.',
  })
  @Column({ type: "text", nullable: true, default: null })
  note!: string | null;

  @Field(() => Date, { description: "When it was recorded (timestamp, UTC)." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
