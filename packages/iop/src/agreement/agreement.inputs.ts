import { IsEmail, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IdempotencyKeyField, PageArgs } from "@arbetsliv/core";
import {
  LocalDateScalar,
  MoneyScalar,
  OrganisationsnummerScalar,
  type LocalDate,
  type Ore,
  MoneyRange,
} from "@arbetsliv/core/values";
import { AgreementStatus, ContactRole, DecisionKind, PartySide } from "./agreement.enums";
import { MAX_YEARLY_AMOUNT } from "../input-limits";

@InputType("IopPartnerInput", { description: "An idéburen organisation." })
export class PartnerInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => OrganisationsnummerScalar)
  organisationsnummer!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  postalAddress?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/, { message: "postalCode must be a Swedish postal code (NNN NN)" })
  postalCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  city?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(8000)
  description?: string;
}

@InputType("IopPartnerFilter")
export class PartnerFilter {
  @Field(() => String, { nullable: true, description: "Part of the name." })
  @IsOptional()
  @MaxLength(200)
  name?: string;

  @Field(() => OrganisationsnummerScalar, { nullable: true })
  organisationsnummer?: string;
}

@ArgsType()
export class PartnerListArgs extends PageArgs {
  @Field(() => PartnerFilter, { nullable: true })
  @ValidateNested()
  filter?: PartnerFilter;
}

/** The terms of an agreement (create and update share them). */
@InputType("IopAgreementInput", { description: "Överenskommelse — the terms of an IOP agreement." })
export class AgreementInput {
  @Field(() => String, { nullable: true, description: 'e.g. "IOP nr 2"' })
  @IsOptional()
  @MaxLength(40)
  number?: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => ID, { nullable: true, description: "The agreement this one replaces (same partner)." })
  predecessorId?: string;

  @Field(() => ID, { description: "The budget that pays (iopFundingBudgets)." })
  fundingBudgetId!: string;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) purpose?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) goals?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) services?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) municipalityResponsibilities?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) partnerResponsibilities?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) cooperation?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(8000) renegotiation?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  responsibleUnit?: string;

  @Field(() => LocalDateScalar)
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the initial period; omit for until further notice.",
  })
  endDate?: LocalDate;

  @Field(() => Int, { nullable: true, description: "Months per automatic renewal; omit for none." })
  @IsOptional()
  @Min(1)
  @Max(120)
  renewalTermMonths?: number;

  @Field(() => Int, { nullable: true, description: "Notice months before a term ends." })
  @IsOptional()
  @Min(0)
  @Max(60)
  noticeMonths?: number;

  @Field(() => MoneyScalar, { nullable: true, description: "Fixed yearly service fee (serviceavgift)." })
  @MoneyRange(0, MAX_YEARLY_AMOUNT)
  annualServiceFee?: Ore;

  @Field(() => Int, { nullable: true, description: "Months between follow-ups (6 = twice a year)." })
  @IsOptional()
  @Min(1)
  @Max(60)
  followUpIntervalMonths?: number;

  @Field(() => ID, { nullable: true })
  evaluationTemplateId?: string;

  @Field(() => Boolean, { defaultValue: false }) requiresActivityReport!: boolean;
  @Field(() => Boolean, { defaultValue: false }) requiresActivityPlan!: boolean;
  @Field(() => Boolean, { defaultValue: false }) requiresQualityAppendix!: boolean;
}

@InputType("IopCreateAgreementInput")
export class CreateAgreementInput extends AgreementInput {
  @Field(() => AgreementStatus, {
    defaultValue: AgreementStatus.DRAFT,
    description: "DRAFT (default) or ACTIVE to register an agreement already signed.",
  })
  status!: AgreementStatus;

  // IsOptional: without it class-validator checks the pattern on an absent key too.
  @IdempotencyKeyField()
  @IsOptional()
  idempotencyKey?: string | null;
}

@InputType("IopAgreementFilter", { description: "Filters combine with AND." })
export class AgreementFilter {
  @Field(() => AgreementStatus, { nullable: true }) status?: AgreementStatus;
  @Field(() => ID, { nullable: true }) partnerId?: string;
  @Field(() => ID, { nullable: true }) fundingBudgetId?: string;
  @Field(() => OrganisationsnummerScalar, { nullable: true, description: "The partner's organisationsnummer." })
  organisationsnummer?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: "In force on this day." }) inForceOn?: LocalDate;
}

@ArgsType()
export class AgreementListArgs extends PageArgs {
  @Field(() => AgreementFilter, { nullable: true })
  @ValidateNested()
  filter?: AgreementFilter;
}

@InputType("IopStatusChangeInput")
export class StatusChangeInput {
  @Field(() => AgreementStatus)
  status!: AgreementStatus;

  @Field(() => LocalDateScalar, {
    description: "Signing day (ACTIVE), wind-down start (WINDING_DOWN), last day in force (TERMINATED, EXPIRED).",
  })
  effectiveDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: "WINDING_DOWN: last day of the wind-down." })
  windDownUntil?: LocalDate;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType("IopNoticeInput", { description: "Uppsägning — notice that the agreement shall not renew." })
export class NoticeInput {
  @Field(() => LocalDateScalar)
  noticeDate!: LocalDate;

  @Field(() => PartySide)
  givenBy!: PartySide;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType("IopContactInput")
export class ContactInput {
  @Field(() => PartySide) side!: PartySide;
  @Field(() => ContactRole) role!: ContactRole;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(120) title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) unit?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(200) email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: "phone must be a phone number" })
  phone?: string;
}

@InputType("IopBoardDecisionInput", { description: "Nämndbeslut and the terms it states." })
export class BoardDecisionInput {
  @Field(() => DecisionKind) kind!: DecisionKind;

  @Field(() => String, { nullable: true, description: "Diarienummer, e.g. ALN 2021-00102" })
  @IsOptional()
  @Length(1, 60)
  diaryNumber?: string;

  @Field(() => String, { nullable: true, description: "e.g. § 125" })
  @IsOptional()
  @Matches(/^§ ?\d{1,4}[a-z]?$/, { message: "paragraph must look like § 125" })
  paragraph?: string;

  @Field(() => LocalDateScalar, { nullable: true }) decisionDate?: LocalDate;

  @Field(() => String)
  @Length(1, 8000)
  summary!: string;

  @Field(() => LocalDateScalar, { nullable: true }) statedPeriodStart?: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true }) statedPeriodEnd?: LocalDate;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(120) statedRenewalMonths?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(0) @Max(60) statedNoticeMonths?: number;
  @Field(() => MoneyScalar, { nullable: true }) @MoneyRange(0, MAX_YEARLY_AMOUNT) statedAnnualFee?: Ore;
}

@InputType("IopFundingBudgetInput")
export class FundingBudgetInput {
  @Field(() => String, { description: "Short stable code, e.g. ALN, SHB." })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: "code must be 2–32 capital letters, digits, - or _" })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string;
}
