import { registerEnumType } from "type-graphql";

/** Roles of the people in a household (hushåll). */
export enum MemberRole {
  /** Sökande */
  APPLICANT = "APPLICANT",
  /** Medsökande — cohabiting partner (sambo/make/maka). */
  CO_APPLICANT = "CO_APPLICANT",
  /** Hemmavarande barn och skolungdom. */
  CHILD = "CHILD",
  /** En vuxen i hushållsgemenskapen som inte är sambo (e.g. an adult sibling or a lodger). */
  OTHER_ADULT = "OTHER_ADULT",
}
registerEnumType(MemberRole, {
  name: "AssistanceMemberRole",
  description: "Roll i hushållet — role in the household.",
});

export enum HousingType {
  RENTAL = "RENTAL",
  SUBLET = "SUBLET",
  OWNED = "OWNED",
  LODGER = "LODGER",
  SOCIAL_CONTRACT = "SOCIAL_CONTRACT",
  TEMPORARY = "TEMPORARY",
  HOMELESS = "HOMELESS",
}
registerEnumType(HousingType, {
  name: "AssistanceHousingType",
  description:
    "Boendeform: hyresrätt, andrahand, bostadsrätt/ägt, inneboende, socialt kontrakt, tillfälligt boende, bostadslös.",
});

export enum ChildAgeGroup {
  UNDER_1 = "UNDER_1",
  AGE_1_2 = "AGE_1_2",
  AGE_3 = "AGE_3",
  AGE_4_6 = "AGE_4_6",
  AGE_7_10 = "AGE_7_10",
  AGE_11_14 = "AGE_11_14",
  AGE_15_18 = "AGE_15_18",
  AGE_19_20 = "AGE_19_20",
}
registerEnumType(ChildAgeGroup, {
  name: "RiksnormChildAgeGroup",
  description: "Riksnormens åldersgrupper för barn och skolungdom.",
});

export const ALL_AGE_GROUPS: readonly ChildAgeGroup[] = Object.values(ChildAgeGroup);
/** Age groups under 7 that have a lower amount when the child eats lunch at preschool 5 days a week. */
export const LUNCH_AGE_GROUPS: readonly ChildAgeGroup[] = [
  ChildAgeGroup.UNDER_1,
  ChildAgeGroup.AGE_1_2,
  ChildAgeGroup.AGE_3,
  ChildAgeGroup.AGE_4_6,
];

export enum CostType {
  RENT = "RENT",
  HOUSEHOLD_ELECTRICITY = "HOUSEHOLD_ELECTRICITY",
  HOME_INSURANCE = "HOME_INSURANCE",
  WORK_TRAVEL = "WORK_TRAVEL",
  UNION_FEE = "UNION_FEE",
  UNEMPLOYMENT_INSURANCE_FEE = "UNEMPLOYMENT_INSURANCE_FEE",
  MEDICAL_CARE = "MEDICAL_CARE",
  DENTAL_CARE = "DENTAL_CARE",
  CHILDCARE_FEE = "CHILDCARE_FEE",
  OTHER = "OTHER",
}
registerEnumType(CostType, {
  name: "ReasonableCostType",
  description:
    "Skäliga kostnader utanför riksnormen: boende, hushållsel, hemförsäkring, arbetsresor, fackavgift, a-kasseavgift, läkarvård/medicin, tandvård, barnomsorgsavgift, övrigt.",
});

export const COST_LABELS: Record<CostType, string> = {
  RENT: "Boendekostnad",
  HOUSEHOLD_ELECTRICITY: "Hushållsel",
  HOME_INSURANCE: "Hemförsäkring",
  WORK_TRAVEL: "Arbetsresor",
  UNION_FEE: "Fackföreningsavgift",
  UNEMPLOYMENT_INSURANCE_FEE: "Arbetslöshetskassa",
  MEDICAL_CARE: "Läkarvård och medicin",
  DENTAL_CARE: "Akut tandvård",
  CHILDCARE_FEE: "Barnomsorgsavgift",
  OTHER: "Övrig skälig kostnad",
};

export enum IncomeType {
  EMPLOYMENT = "EMPLOYMENT",
  SICKNESS_BENEFIT = "SICKNESS_BENEFIT",
  PARENTAL_BENEFIT = "PARENTAL_BENEFIT",
  UNEMPLOYMENT_BENEFIT = "UNEMPLOYMENT_BENEFIT",
  ACTIVITY_SUPPORT = "ACTIVITY_SUPPORT",
  STUDY_GRANT = "STUDY_GRANT",
  CHILD_ALLOWANCE = "CHILD_ALLOWANCE",
  HOUSING_ALLOWANCE = "HOUSING_ALLOWANCE",
  MAINTENANCE_SUPPORT = "MAINTENANCE_SUPPORT",
  PENSION = "PENSION",
  OTHER = "OTHER",
}
registerEnumType(IncomeType, {
  name: "AssistanceIncomeType",
  description:
    "Inkomster: lön (inkomst av anställning), sjukpenning, föräldrapenning, a-kassa, aktivitetsstöd, CSN, barnbidrag, bostadsbidrag, underhållsstöd, pension, övrigt.",
});

export const INCOME_LABELS: Record<IncomeType, string> = {
  EMPLOYMENT: "Lön",
  SICKNESS_BENEFIT: "Sjukpenning",
  PARENTAL_BENEFIT: "Föräldrapenning",
  UNEMPLOYMENT_BENEFIT: "Arbetslöshetsersättning",
  ACTIVITY_SUPPORT: "Aktivitetsstöd",
  STUDY_GRANT: "Studiemedel",
  CHILD_ALLOWANCE: "Barnbidrag",
  HOUSING_ALLOWANCE: "Bostadsbidrag",
  MAINTENANCE_SUPPORT: "Underhållsstöd",
  PENSION: "Pension",
  OTHER: "Övrig inkomst",
};

export enum ApplicationType {
  NEW = "NEW",
  RENEWAL = "RENEWAL",
  SUPPLEMENTARY = "SUPPLEMENTARY",
}
registerEnumType(ApplicationType, {
  name: "AssistanceApplicationType",
  description:
    "Nyansökan, återansökan eller kompletterande ansökan — chosen automatically from the household's history.",
});

export enum ApplicationChannel {
  E_SERVICE = "E_SERVICE",
  PAPER = "PAPER",
  VISIT = "VISIT",
}
registerEnumType(ApplicationChannel, {
  name: "AssistanceApplicationChannel",
  description: "E-tjänst, pappersansökan eller besök.",
});

export enum ApplicationStatus {
  RECEIVED = "RECEIVED",
  UNDER_REVIEW = "UNDER_REVIEW",
  SUPPLEMENT_REQUESTED = "SUPPLEMENT_REQUESTED",
  DECIDED = "DECIDED",
  PAID = "PAID",
  CLOSED = "CLOSED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ApplicationStatus, {
  name: "AssistanceApplicationStatus",
  description: "Inkommen → under utredning → (komplettering begärd) → beslutad → utbetald → avslutad, eller återtagen.",
});

export enum DecisionOutcome {
  GRANTED = "GRANTED",
  PARTLY_GRANTED = "PARTLY_GRANTED",
  REJECTED = "REJECTED",
}
registerEnumType(DecisionOutcome, {
  name: "AssistanceDecisionOutcome",
  description: "Bifall, delvis bifall eller avslag.",
});

export enum PayoutType {
  ORIGINAL = "ORIGINAL",
  CORRECTION = "CORRECTION",
}
registerEnumType(PayoutType, {
  name: "AssistancePayoutType",
  description:
    "ORIGINAL pays a decision once; CORRECTION is a later entry (positive or negative) referencing the original — never an edit.",
});

export enum CalculationLineKind {
  NORM_ADULT_SINGLE = "NORM_ADULT_SINGLE",
  NORM_ADULTS_COHABITING = "NORM_ADULTS_COHABITING",
  NORM_CHILD = "NORM_CHILD",
  NORM_NON_PARTNER_ADULT = "NORM_NON_PARTNER_ADULT",
  NORM_COMMON = "NORM_COMMON",
  REASONABLE_COST = "REASONABLE_COST",
  INCOME = "INCOME",
  WORK_INCOME_DISREGARD = "WORK_INCOME_DISREGARD",
  CHILD_EARNINGS_DISREGARD = "CHILD_EARNINGS_DISREGARD",
}
registerEnumType(CalculationLineKind, {
  name: "AssistanceCalculationLineKind",
  description: "What a line of a calculation (beräkning) is.",
});

export enum CapBasis {
  HOUSEHOLD_SIZE = "HOUSEHOLD_SIZE",
  CHILDREN = "CHILDREN",
}
registerEnumType(CapBasis, {
  name: "CostCapBasis",
  description: "What a cost cap depends on: persons in the household or children in it.",
});

export enum IncorrectPaymentStatus {
  OPEN = "OPEN",
  INVESTIGATING = "INVESTIGATING",
  NO_INCORRECT_PAYMENT = "NO_INCORRECT_PAYMENT",
  RECLAIM_DECIDED = "RECLAIM_DECIDED",
  WRITTEN_OFF = "WRITTEN_OFF",
  CLOSED = "CLOSED",
}
registerEnumType(IncorrectPaymentStatus, { name: "IncorrectPaymentStatus", description: "FUT-ärendets status." });

export enum RecoveryKind {
  RECLAIM_REPAYMENT = "RECLAIM_REPAYMENT",
  RETROACTIVE_BENEFIT = "RETROACTIVE_BENEFIT",
  VOLUNTARY_REPAYMENT = "VOLUNTARY_REPAYMENT",
}
registerEnumType(RecoveryKind, {
  name: "AssistanceRecoveryKind",
  description:
    "Återbetalning: återkrav efter beslut (FUT), återsökt retroaktiv ersättning (t.ex. från Försäkringskassan), frivillig återbetalning. Reduces the net cost.",
});

export enum EmploymentType {
  EXTRATJANST = "EXTRATJANST",
  INTRODUKTIONSJOBB = "INTRODUKTIONSJOBB",
  NYSTARTSJOBB = "NYSTARTSJOBB",
  LONEBIDRAG = "LONEBIDRAG",
  TRYGGHETSANSTALLNING = "TRYGGHETSANSTALLNING",
  OTHER_SUBSIDISED = "OTHER_SUBSIDISED",
}
registerEnumType(EmploymentType, {
  name: "WageSubsidyEmploymentType",
  description:
    "Arbetsmarknadsanställning: extratjänst, introduktionsjobb, nystartsjobb, lönebidrag, trygghetsanställning, annan subventionerad anställning.",
});
