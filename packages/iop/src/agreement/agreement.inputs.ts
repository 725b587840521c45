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
  Range,
  VERSION_RANGE,
} from "@arbetsliv/core/values";
import { AgreementStatus, ContactRole, DecisionKind, PartySide } from "./agreement.enums";
import { MAX_YEARLY_AMOUNT } from "../input-limits";

const EXPECTED_VERSION = (record: string) =>
  `The ${record}'s version as you last read it (its \`version\` field): a stale version is refused with CONFLICT (optimistic locking). Required, here or in the deprecated top-level argument.`;

@InputType("IopPartnerInput", {
  description:
    "An idéburen organisation — a non-profit (association, foundation, church body) that can be a partner in an IOP (idéburet offentligt partnerskap, a partnership between the municipality and a non-profit). createIopPartner takes the details; updateIopPartner takes them with `id` and `expectedVersion` and replaces every detail (omitted optional details are cleared).",
})
export class PartnerInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "updateIopPartner: the partner to change (required, here or in the deprecated top-level argument). createIopPartner refuses it: a new partner gets its id when registered.",
  })
  id?: string;

  @Field(() => Int, {
    nullable: true,
    description: `updateIopPartner: ${EXPECTED_VERSION("partner")} createIopPartner refuses it.`,
  })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number;

  @Field(() => String, { description: "The organisation's registered name, 1–200 characters." })
  @Length(1, 200)
  name!: string;

  @Field(() => OrganisationsnummerScalar, {
    description:
      "Organisationsnummer — the Swedish organisation number (NNNNNN-NNNN, check digit validated); unique among partners (a taken one is CONFLICT).",
  })
  organisationsnummer!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Postadress — street or box address, e.g. "Box 979"; at most 200 characters.',
  })
  @IsOptional()
  @MaxLength(200)
  postalAddress?: string;

  @Field(() => String, { nullable: true, description: 'Postnummer — Swedish postal code, "NNN NN" or "NNNNN".' })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/, { message: "postalCode must be a Swedish postal code (NNN NN)" })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: "Postort — the postal town, at most 100 characters." })
  @IsOptional()
  @MaxLength(100)
  city?: string;

  @Field(() => String, {
    nullable: true,
    description: "Bakgrund — who the organisation is and what it does, at most 8 000 characters.",
  })
  @IsOptional()
  @MaxLength(8000)
  description?: string;
}

@InputType("IopPartnerFilter", { description: "Narrows iopPartners; the filters combine with AND." })
export class PartnerFilter {
  @Field(() => String, {
    nullable: true,
    description: "Part of the name, case-insensitive (at most 200 characters).",
  })
  @IsOptional()
  @MaxLength(200)
  name?: string;

  @Field(() => OrganisationsnummerScalar, {
    nullable: true,
    description: "Only the partner with this organisationsnummer (with or without the hyphen).",
  })
  organisationsnummer?: string;
}

@ArgsType()
export class PartnerListArgs extends PageArgs {
  @Field(() => PartnerFilter, { nullable: true, description: "Which partners; omit for all." })
  @ValidateNested()
  filter?: PartnerFilter;
}

/**
 * The terms of an agreement, shared by create and update (never an argument itself, so not in the
 * schema: each of the two input types below inherits its fields).
 */
@InputType("IopAgreementTermsInput", { description: "The terms of an IOP agreement (överenskommelse)." })
export class AgreementTermsInput {
  @Field(() => String, {
    nullable: true,
    description: 'The agreement\'s own number, e.g. "IOP nr 2"; at most 40 characters.',
  })
  @IsOptional()
  @MaxLength(40)
  number?: string;

  @Field(() => String, { description: "Title of the agreement, 1–200 characters." })
  @Length(1, 200)
  title!: string;

  @Field(() => ID, { description: "The non-profit partner (iopPartners) the agreement is made with." })
  partnerId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement this one replaces: another agreement with the same partner that started earlier. Omit when it replaces none.",
  })
  predecessorId?: string;

  @Field(() => ID, { description: "The budget that pays the agreement (iopFundingBudgets)." })
  fundingBudgetId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Syfte — the purpose of the partnership (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  purpose?: string;

  @Field(() => String, {
    nullable: true,
    description: "Mål — the goals the partnership works towards (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  goals?: string;

  @Field(() => String, {
    nullable: true,
    description: "Tjänster — the services the agreement covers (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  services?: string;

  @Field(() => String, {
    nullable: true,
    description: "Kommunens ansvar — what the municipality undertakes (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  municipalityResponsibilities?: string;

  @Field(() => String, {
    nullable: true,
    description: "Partnerns ansvar — what the partner undertakes (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  partnerResponsibilities?: string;

  @Field(() => String, {
    nullable: true,
    description: "Samverkan — how the parties meet and follow the partnership up (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  cooperation?: string;

  @Field(() => String, {
    nullable: true,
    description: "Omförhandling — how and when either party may ask to renegotiate (at most 8 000 characters).",
  })
  @IsOptional()
  @MaxLength(8000)
  renegotiation?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Ansvarig enhet — the municipal unit responsible, e.g. Relationsvåldsenheten (at most 200 characters).",
  })
  @IsOptional()
  @MaxLength(200)
  responsibleUnit?: string;

  @Field(() => LocalDateScalar, { description: "First day the agreement is in force." })
  startDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the initial period, not before startDate; omit for until further notice (tills vidare).",
  })
  endDate?: LocalDate;

  @Field(() => Int, {
    nullable: true,
    description:
      "Automatisk förlängning — months per automatic renewal after endDate (1–120; needs endDate); omit for none.",
  })
  @IsOptional()
  @Min(1)
  @Max(120)
  renewalTermMonths?: number;

  @Field(() => Int, {
    nullable: true,
    description: "Uppsägningstid — notice must be given at least this many months before a term ends (0–60).",
  })
  @IsOptional()
  @Min(0)
  @Max(60)
  noticeMonths?: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      "Serviceavgift — the fixed yearly service fee, in kronor (decimal string), 0–100 000 000 kr; omit when there is none. Costs count it pro rata for the days in force.",
  })
  @MoneyRange(0, MAX_YEARLY_AMOUNT)
  annualServiceFee?: Ore;

  @Field(() => Int, {
    nullable: true,
    description:
      "Months between follow-ups (uppföljning) with the evaluation template (1–60; 6 = twice a year); omit for none.",
  })
  @IsOptional()
  @Min(1)
  @Max(60)
  followUpIntervalMonths?: number;

  @Field(() => ID, {
    nullable: true,
    description: "The evaluation template (iopEvaluationTemplates) follow-ups answer by default; omit for none.",
  })
  evaluationTemplateId?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "The partner submits a yearly verksamhetsberättelse (activity report) with the number of individuals served.",
  })
  requiresActivityReport!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "The partner submits a yearly verksamhetsplan (activity plan).",
  })
  requiresActivityPlan!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "The partner submits a yearly kvalitetsbilaga (quality appendix) with the activity report.",
  })
  requiresQualityAppendix!: boolean;
}

@InputType("IopAgreementInput", {
  description:
    "Överenskommelse — the new terms of an IOP agreement (idéburet offentligt partnerskap, a partnership with a non-profit) for updateIopAgreement, with the agreement's id and the version you read. Every term is replaced: an omitted optional term is cleared.",
})
export class AgreementInput extends AgreementTermsInput {
  @Field(() => ID, {
    nullable: true,
    description: "The agreement to change. Required, here or in the deprecated top-level argument `id`.",
  })
  id?: string;

  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION("agreement") })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number;
}

@InputType("IopCreateAgreementInput", {
  description:
    "A new IOP agreement (överenskommelse om idéburet offentligt partnerskap, a partnership with a non-profit): its terms and its first status.",
})
export class CreateAgreementInput extends AgreementTermsInput {
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

@InputType("IopAgreementFilter", { description: "Narrows iopAgreements; the filters combine with AND." })
export class AgreementFilter {
  @Field(() => AgreementStatus, { nullable: true, description: "Only agreements with this status." })
  status?: AgreementStatus;
  @Field(() => ID, { nullable: true, description: "Only the agreements with this partner." })
  partnerId?: string;
  @Field(() => ID, { nullable: true, description: "Only the agreements this funding budget pays." })
  fundingBudgetId?: string;
  @Field(() => OrganisationsnummerScalar, { nullable: true, description: "The partner's organisationsnummer." })
  organisationsnummer?: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Only agreements in force on this day (not drafts, started, not yet ended).",
  })
  inForceOn?: LocalDate;
}

@ArgsType()
export class AgreementListArgs extends PageArgs {
  @Field(() => AgreementFilter, { nullable: true, description: "Which agreements; omit for all." })
  @ValidateNested()
  filter?: AgreementFilter;
}

/**
 * The version field of the inputs that step an agreement's status (changeIopAgreementStatus,
 * giveIopNotice); IopAgreementInput repeats it, as it already extends the terms. Only its
 * subclasses are arguments, so this type itself never appears in the schema.
 */
@InputType("IopAgreementChangeFields")
export abstract class AgreementChangeFields {
  @Field(() => Int, { nullable: true, description: EXPECTED_VERSION("agreement") })
  @IsOptional()
  @Range(...VERSION_RANGE)
  expectedVersion?: number;
}

@InputType("IopStatusChangeInput", {
  description:
    "A step in an agreement's status flow (DRAFT → ACTIVE → NOTICE_GIVEN / WINDING_DOWN → TERMINATED / EXPIRED), checked against the agreement's terms; recorded in its statusHistory.",
})
export class StatusChangeInput extends AgreementChangeFields {
  @Field(() => ID, {
    nullable: true,
    description: "The agreement to move. Required, here or in the deprecated top-level argument `id`.",
  })
  id?: string;

  @Field(() => AgreementStatus, {
    description: "The status to move to; a transition the flow does not allow is refused (rule `transition`).",
  })
  status!: AgreementStatus;

  @Field(() => LocalDateScalar, {
    description: "Signing day (ACTIVE), wind-down start (WINDING_DOWN), last day in force (TERMINATED, EXPIRED).",
  })
  effectiveDate!: LocalDate;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "WINDING_DOWN: last day of the wind-down (avveckling), not before effectiveDate; required then, ignored otherwise.",
  })
  windDownUntil?: LocalDate;

  @Field(() => String, { nullable: true, description: "Why, for the status history (at most 2 000 characters)." })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType("IopNoticeInput", {
  description:
    "Uppsägning — notice that the agreement shall not renew: it ends at the end of the first term whose notice deadline the notice meets.",
})
export class NoticeInput extends AgreementChangeFields {
  @Field(() => ID, {
    nullable: true,
    description: "The agreement given notice. Required, here or in the deprecated top-level argument `id`.",
  })
  id?: string;

  @Field(() => LocalDateScalar, {
    description: "The day notice was given; it decides which term end the agreement reaches.",
  })
  noticeDate!: LocalDate;

  @Field(() => PartySide, { description: "Which party gave notice." })
  givenBy!: PartySide;

  @Field(() => String, {
    nullable: true,
    description:
      "For the status history; omitted, the history says who gave notice and the last day in force (at most 2 000 characters).",
  })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType("IopContactInput", {
  description:
    "A kontaktperson (contact person) or other role named in an agreement. Person-level data: reads are access-logged and retention clears name, e-mail and phone five years after the agreement ended.",
})
export class ContactInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The agreement the contact belongs to. Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => PartySide, { description: "Which party the person represents." })
  side!: PartySide;
  @Field(() => ContactRole, { description: "The person's role in the agreement." })
  role!: ContactRole;
  @Field(() => String, {
    nullable: true,
    description:
      "Befattning — job title, e.g. Verksamhetschef (at most 120 characters). A name or a title is required.",
  })
  @IsOptional()
  @MaxLength(120)
  title?: string;
  @Field(() => String, {
    nullable: true,
    description: "The person's name, 1–200 characters; omit when the agreement names only the role (then give title).",
  })
  @IsOptional()
  @Length(1, 200)
  name?: string;
  @Field(() => String, {
    nullable: true,
    description: "Enhet — the unit the person works at, e.g. Relationsvåldsenheten (at most 200 characters).",
  })
  @IsOptional()
  @MaxLength(200)
  unit?: string;
  @Field(() => String, { nullable: true, description: "E-mail address (validated, at most 200 characters)." })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @Field(() => String, {
    nullable: true,
    description: "Phone number: digits, spaces, ( ) - and a leading +, 5–40 characters.",
  })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,40}$/, { message: "phone must be a phone number" })
  phone?: string;
}

@InputType("IopRemoveContactInput", { description: "Which contact person to remove from its agreement." })
export class RemoveContactInput {
  @Field(() => ID, {
    nullable: true,
    description: "The contact to remove (IopContact.id). Required, here or in the deprecated top-level argument `id`.",
  })
  id?: string;
}

@InputType("IopBoardDecisionInput", {
  description:
    "Nämndbeslut — a decision of the municipal board (nämnd) about an agreement, and the terms the decision itself states (kept beside the agreement's terms, since the two can differ).",
})
export class BoardDecisionInput {
  @Field(() => ID, {
    nullable: true,
    description: "The agreement decided on. Required, here or in the deprecated top-level argument `agreementId`.",
  })
  agreementId?: string;

  @Field(() => DecisionKind, { description: "What the decision did to the agreement." })
  kind!: DecisionKind;

  @Field(() => String, {
    nullable: true,
    description: "Diarienummer — the case's registry number, e.g. ALN 2021-00102 (1–60 characters).",
  })
  @IsOptional()
  @Length(1, 60)
  diaryNumber?: string;

  @Field(() => String, { nullable: true, description: "Paragraf in the board's minutes, e.g. § 125." })
  @IsOptional()
  @Matches(/^§ ?\d{1,4}[a-z]?$/, { message: "paragraph must look like § 125" })
  paragraph?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the board decided; omit when not known." })
  decisionDate?: LocalDate;

  @Field(() => String, { description: "What was decided, 1–8 000 characters." })
  @Length(1, 8000)
  summary!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "First day of the period the decision states." })
  statedPeriodStart?: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the period the decision states; not before statedPeriodStart.",
  })
  statedPeriodEnd?: LocalDate;
  @Field(() => Int, { nullable: true, description: "Months per renewal the decision states (1–120)." })
  @IsOptional()
  @Min(1)
  @Max(120)
  statedRenewalMonths?: number;
  @Field(() => Int, { nullable: true, description: "Notice months the decision states (0–60)." })
  @IsOptional()
  @Min(0)
  @Max(60)
  statedNoticeMonths?: number;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: "The yearly fee the decision states, in kronor (decimal string), not negative.",
  })
  @MoneyRange(0, MAX_YEARLY_AMOUNT)
  statedAnnualFee?: Ore;
}

@InputType("IopFundingBudgetInput", {
  description: "A budget that can pay agreements (finansiering), e.g. the committee's own or Socialt hållbart Borås.",
})
export class FundingBudgetInput {
  @Field(() => String, { description: "Short stable code, e.g. ALN, SHB: 2–32 of A–Z, 0–9, - and _; unique." })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: "code must be 2–32 capital letters, digits, - or _" })
  code!: string;

  @Field(() => String, { description: "The budget's name, 1–200 characters." })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: "What the budget is for (at most 4 000 characters)." })
  @IsOptional()
  @MaxLength(4000)
  description?: string;
}
