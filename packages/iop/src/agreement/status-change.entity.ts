import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { LocalDateScalar, dateColumn, type LocalDate } from "@arbetsliv/core/values";
import { AgreementStatus } from "./agreement.enums";

/** One step in an agreement's status flow (history; answers "which wound down in a period"). */
@ObjectType("IopStatusChange", { description: "A status change of an agreement, with the date it takes effect." })
@Entity({ name: "iop_status_change" })
@Index(["agreementId"])
@Index(["toStatus", "effectiveDate"])
export class StatusChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int" })
  agreementId!: number;

  @Field(() => AgreementStatus, { nullable: true })
  @Column({ type: "varchar", length: 16, nullable: true, default: null })
  fromStatus!: AgreementStatus | null;

  @Field(() => AgreementStatus)
  @Column({ type: "varchar", length: 16 })
  toStatus!: AgreementStatus;

  @Field(() => LocalDateScalar)
  @Column({ ...dateColumn })
  effectiveDate!: LocalDate;

  @Field(() => String)
  @Column({ type: "varchar", length: 128 })
  changedBy!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true, default: null })
  note!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;
}
