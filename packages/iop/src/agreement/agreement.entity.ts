import { Field, ID, Int, ObjectType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from "typeorm";
import {
  LocalDateScalar,
  MoneyScalar,
  dateColumn,
  moneyColumn,
  type LocalDate,
  type Ore,
} from "@arbetsliv/core/values";
import { AgreementStatus, PartySide } from "./agreement.enums";

/**
 * Överenskommelse om idéburet offentligt partnerskap — one IOP agreement. Agreements are
 * public-sector documents; their contact persons are person-level (see AgreementContact).
 */
@ObjectType("IopAgreement", {
  description:
    "Överenskommelse om idéburet offentligt partnerskap (IOP) — an agreement between the municipality and a non-profit partner: its terms, status, renewals and follow-up. A public-sector document; only its contacts are person-level. Scope iop:read.",
})
@Entity({ name: "iop_agreement" })
@Index(["partnerId"])
@Index(["status"])
@Index(["startDate", "finalEndDate"])
export class Agreement {
  @Field(() => ID, {
    description: "The agreement's id: pass it as input.id or input.agreementId to the IOP mutations.",
  })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { nullable: true, description: 'Number of the agreement, e.g. "IOP nr 2".' })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  number!: string | null;

  @Field(() => String, { description: "Title of the agreement." })
  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Column({ type: "int" })
  partnerId!: number;

  @Column({ type: "int", nullable: true, default: null })
  predecessorId!: number | null;

  @Column({ type: "int" })
  fundingBudgetId!: number;

  @Field(() => String, {
    nullable: true,
    description: "Syfte — the purpose of the partnership; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  purpose!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Mål — the goals the partnership works towards; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  goals!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Tjänster — the services the agreement covers; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  services!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Kommunens ansvar — what the municipality undertakes; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  municipalityResponsibilities!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Partnerns ansvar — what the partner undertakes; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  partnerResponsibilities!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Samverkan — how the parties meet and follow the partnership up; null when not recorded.",
  })
  @Column({ type: "text", nullable: true, default: null })
  cooperation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Omförhandling — how and when either party may ask to renegotiate.",
  })
  @Column({ type: "text", nullable: true, default: null })
  renegotiation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Ansvarig enhet — the municipal unit responsible, e.g. Relationsvåldsenheten; null when not recorded.",
  })
  @Column({ type: "varchar", length: 200, nullable: true, default: null })
  responsibleUnit!: string | null;

  @Field(() => LocalDateScalar, { description: "First day in force." })
  @Column({ ...dateColumn })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the initial period; null = until further notice (tills vidare).",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  endDate!: LocalDate | null;

  @Field(() => Int, {
    nullable: true,
    description: "Automatisk förlängning — months per automatic renewal after endDate; null = no automatic renewal.",
  })
  @Column({ type: "int", nullable: true, default: null })
  renewalTermMonths!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Uppsägningstid — notice must be given at least this many months before a term ends; null = none agreed.",
  })
  @Column({ type: "int", nullable: true, default: null })
  noticeMonths!: number | null;

  @Field(() => AgreementStatus, {
    description: "Where the agreement is in its status flow (changeIopAgreementStatus, giveIopNotice).",
  })
  @Column({ type: "varchar", length: 16 })
  status!: AgreementStatus;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the agreement ends for good as things stand (derived); null while it renews automatically or runs until further notice.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  finalEndDate!: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Day notice (uppsägning) was given; null unless status is NOTICE_GIVEN (or it ended after notice).",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  noticeGivenOn!: LocalDate | null;

  @Field(() => PartySide, { nullable: true, description: "Which party gave notice; null when none has." })
  @Column({ type: "varchar", length: 16, nullable: true, default: null })
  noticeGivenBy!: PartySide | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Serviceavgift — the fixed yearly service fee in kronor (decimal string); null when there is none.",
  })
  @Column({ ...moneyColumn, nullable: true, default: null })
  annualServiceFee!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Months between follow-ups with the evaluation template (6 = twice a year); null = no regular follow-up.",
  })
  @Column({ type: "int", nullable: true, default: null })
  followUpIntervalMonths!: number | null;

  @Column({ type: "int", nullable: true, default: null })
  evaluationTemplateId!: number | null;

  @Field(() => Boolean, {
    description: "The partner submits a yearly verksamhetsberättelse (with the number of individuals served).",
  })
  @Column({ type: "boolean", default: false })
  requiresActivityReport!: boolean;

  @Field(() => Boolean, { description: "The partner submits a yearly verksamhetsplan." })
  @Column({ type: "boolean", default: false })
  requiresActivityPlan!: boolean;

  @Field(() => Boolean, { description: "The partner submits a yearly kvalitetsbilaga with the activity report." })
  @Column({ type: "boolean", default: false })
  requiresQualityAppendix!: boolean;

  @Field(() => Int, {
    description:
      "Optimistic-locking version, raised by every change: pass it back as input.expectedVersion when you change the agreement.",
  })
  @VersionColumn()
  version!: number;

  @Field(() => Date, { description: "When the agreement was registered (timestamp, UTC)." })
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
