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
  description: "Överenskommelse om idéburet offentligt partnerskap (IOP) — an agreement with a non-profit.",
})
@Entity({ name: "iop_agreement" })
@Index(["partnerId"])
@Index(["status"])
@Index(["startDate", "finalEndDate"])
export class Agreement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => String, { nullable: true, description: 'Number of the agreement, e.g. "IOP nr 2".' })
  @Column({ type: "varchar", length: 40, nullable: true, default: null })
  number!: string | null;

  @Field(() => String)
  @Column({ type: "varchar", length: 200 })
  title!: string;

  @Column({ type: "int" })
  partnerId!: number;

  @Column({ type: "int", nullable: true, default: null })
  predecessorId!: number | null;

  @Column({ type: "int" })
  fundingBudgetId!: number;

  @Field(() => String, { nullable: true, description: "Syfte." })
  @Column({ type: "text", nullable: true, default: null })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: "Mål." })
  @Column({ type: "text", nullable: true, default: null })
  goals!: string | null;

  @Field(() => String, { nullable: true, description: "Tjänster som överenskommelsen innefattar — services covered." })
  @Column({ type: "text", nullable: true, default: null })
  services!: string | null;

  @Field(() => String, { nullable: true, description: "Kommunens ansvar." })
  @Column({ type: "text", nullable: true, default: null })
  municipalityResponsibilities!: string | null;

  @Field(() => String, { nullable: true, description: "Partnerns ansvar." })
  @Column({ type: "text", nullable: true, default: null })
  partnerResponsibilities!: string | null;

  @Field(() => String, { nullable: true, description: "Samverkan och samarbete — dialogue and follow-up." })
  @Column({ type: "text", nullable: true, default: null })
  cooperation!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Omförhandling — how and when either party may ask to renegotiate.",
  })
  @Column({ type: "text", nullable: true, default: null })
  renegotiation!: string | null;

  @Field(() => String, { nullable: true, description: "Ansvarig enhet, e.g. Relationsvåldsenheten." })
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
    description: "Automatisk förlängning: months per renewal; null = no automatic renewal.",
  })
  @Column({ type: "int", nullable: true, default: null })
  renewalTermMonths!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Uppsägningstid: notice must be given at least this many months before a term ends.",
  })
  @Column({ type: "int", nullable: true, default: null })
  noticeMonths!: number | null;

  @Field(() => AgreementStatus)
  @Column({ type: "varchar", length: 16 })
  status!: AgreementStatus;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the agreement ends for good as things stand (derived); null while it renews automatically or runs until further notice.",
  })
  @Column({ ...dateColumn, nullable: true, default: null })
  finalEndDate!: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Day notice (uppsägning) was given." })
  @Column({ ...dateColumn, nullable: true, default: null })
  noticeGivenOn!: LocalDate | null;

  @Field(() => PartySide, { nullable: true })
  @Column({ type: "varchar", length: 16, nullable: true, default: null })
  noticeGivenBy!: PartySide | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Fast serviceavgift per år — fixed yearly service fee." })
  @Column({ ...moneyColumn, nullable: true, default: null })
  annualServiceFee!: Ore | null;

  @Field(() => Int, {
    nullable: true,
    description: "Months between follow-ups with the evaluation template (6 = twice a year).",
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

  @Field(() => Int, { description: "Pass back as expectedVersion when you change the agreement." })
  @VersionColumn()
  version!: number;

  @Field(() => Date)
  @CreateDateColumn({ type: "datetime" })
  createdAt!: Date;

  @UpdateDateColumn({ type: "datetime" })
  updatedAt!: Date;
}
