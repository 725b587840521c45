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
  description:
    "A person's role in the household (hushåll) that applies for ekonomiskt bistånd (financial assistance under socialtjänstlagen, SoL). It decides which riksnorm amount the person counts with.",
  valuesConfig: {
    APPLICANT: { description: "Sökande — the person who applies; a household has exactly one, aged 18 or older." },
    CO_APPLICANT: {
      description:
        "Medsökande — the applicant's spouse or cohabiting partner (make/maka/sambo); at most one, aged 18 or older. The couple counts with the cohabiting-pair amount.",
    },
    CHILD: {
      description:
        "Hemmavarande barn — a child living at home, or a young person of 19–20 still in upper-secondary school; counts with the riksnorm amount of its age group.",
    },
    OTHER_ADULT: {
      description:
        "Another adult sharing the household who is not the applicant's partner (an adult sibling, a lodger); counts as a single adult when part of the application (includedInNorm).",
    },
  },
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
  description: "Boendeform — how the household lives; the caseworker weighs the housing cost by it.",
  valuesConfig: {
    RENTAL: { description: "Hyresrätt — a first-hand rental contract." },
    SUBLET: { description: "Andrahandskontrakt — a sublet from another tenant." },
    OWNED: { description: "Bostadsrätt or an owned house." },
    LODGER: { description: "Inneboende — renting a room in someone else's home." },
    SOCIAL_CONTRACT: {
      description: "Socialt kontrakt — a flat the municipality rents and sublets to the household.",
    },
    TEMPORARY: { description: "Tillfälligt boende — temporary accommodation (e.g. a hostel or emergency housing)." },
    HOMELESS: { description: "Bostadslös — without a home of its own." },
  },
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
  description:
    "The age groups of the riksnorm (the national standard amount for everyday costs set yearly by the government, socialtjänstförordningen 2 kap. 1 §) for children and young people living at home. A child belongs to the age group it has reached on the last day of the month calculated (birth date from the personnummer).",
  valuesConfig: {
    UNDER_1: { description: "Under 1 year." },
    AGE_1_2: { description: "1–2 years." },
    AGE_3: { description: "3 years." },
    AGE_4_6: { description: "4–6 years." },
    AGE_7_10: { description: "7–10 years." },
    AGE_11_14: { description: "11–14 years." },
    AGE_15_18: { description: "15–18 years." },
    AGE_19_20: { description: "19–20 years, still in upper-secondary school (gymnasieskolan) and living at home." },
  },
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
    "Skäliga kostnader — reasonable costs outside the riksnorm that assistance covers at their actual amount, up to the municipality's cap (skälighetsnivå, see CostCap) where one is set.",
  valuesConfig: {
    RENT: { description: "Boendekostnad — rent or housing fee." },
    HOUSEHOLD_ELECTRICITY: { description: "Hushållsel — electricity for the home." },
    HOME_INSURANCE: { description: "Hemförsäkring — home insurance." },
    WORK_TRAVEL: { description: "Arbetsresor — travel to and from work." },
    UNION_FEE: { description: "Fackföreningsavgift — trade-union membership fee." },
    UNEMPLOYMENT_INSURANCE_FEE: { description: "A-kasseavgift — unemployment-insurance fund fee." },
    MEDICAL_CARE: { description: "Läkarvård och medicin — doctor's fees and prescribed medicine." },
    DENTAL_CARE: { description: "Akut tandvård — emergency dental care." },
    CHILDCARE_FEE: { description: "Barnomsorgsavgift — preschool or after-school care fee." },
    OTHER: { description: "Övrig skälig kostnad — another reasonable cost; say what in the note." },
  },
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
    "A kind of income the household reports for the month; every income reduces the assistance, except the part of work income and of children's earnings that the rules disregard.",
  valuesConfig: {
    EMPLOYMENT: {
      description:
        "Lön — income from employment; names the member who earns it (the work-income disregard, jobbstimulans, applies to it).",
    },
    SICKNESS_BENEFIT: { description: "Sjukpenning — sickness benefit from Försäkringskassan." },
    PARENTAL_BENEFIT: { description: "Föräldrapenning — parental benefit from Försäkringskassan." },
    UNEMPLOYMENT_BENEFIT: { description: "Arbetslöshetsersättning — unemployment benefit (a-kassa)." },
    ACTIVITY_SUPPORT: { description: "Aktivitetsstöd — activity support during a labour-market programme." },
    STUDY_GRANT: { description: "Studiemedel — student aid from CSN." },
    CHILD_ALLOWANCE: { description: "Barnbidrag — child allowance." },
    HOUSING_ALLOWANCE: { description: "Bostadsbidrag — housing allowance." },
    MAINTENANCE_SUPPORT: { description: "Underhållsstöd — maintenance support for a child." },
    PENSION: { description: "Pension." },
    OTHER: { description: "Övrig inkomst — any other income." },
  },
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
  description: "What kind of application it is, chosen by the server from the household's history (never sent).",
  valuesConfig: {
    NEW: { description: "Nyansökan — a first application, or one after a break in assistance." },
    RENEWAL: { description: "Återansökan — the next month's application of a household that had assistance." },
    SUPPLEMENTARY: {
      description: "Kompletterande ansökan — a further application for a month that already has a decision.",
    },
  },
});

export enum ApplicationChannel {
  E_SERVICE = "E_SERVICE",
  PAPER = "PAPER",
  VISIT = "VISIT",
}
registerEnumType(ApplicationChannel, {
  name: "AssistanceApplicationChannel",
  description: "How the application came in.",
  valuesConfig: {
    E_SERVICE: { description: "E-tjänst — the municipality's online service." },
    PAPER: { description: "Pappersansökan — a paper form." },
    VISIT: { description: "Besök — in person at the office." },
  },
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
  description:
    "Where an application is: received → under review → (supplement requested) → decided → paid → closed, or withdrawn.",
  valuesConfig: {
    RECEIVED: { description: "Inkommen — registered, not yet calculated." },
    UNDER_REVIEW: { description: "Under utredning — being handled; calculating moves a received application here." },
    SUPPLEMENT_REQUESTED: {
      description: "Komplettering begärd — the applicant was asked for more (the note says what).",
    },
    DECIDED: { description: "Beslutad — a decision is made (set by decideAssistanceApplication)." },
    PAID: { description: "Utbetald — the decision is paid (set by payAssistanceDecision)." },
    CLOSED: { description: "Avslutad — handling is over." },
    WITHDRAWN: { description: "Återtagen — the applicant withdrew it (the note says why)." },
  },
});

export enum DecisionOutcome {
  GRANTED = "GRANTED",
  PARTLY_GRANTED = "PARTLY_GRANTED",
  REJECTED = "REJECTED",
}
registerEnumType(DecisionOutcome, {
  name: "AssistanceDecisionOutcome",
  description: "The outcome of a decision (beslut) on an application.",
  valuesConfig: {
    GRANTED: { description: "Bifall — granted: the calculated amount." },
    PARTLY_GRANTED: { description: "Delvis bifall — partly granted: less than the calculated amount, with reasons." },
    REJECTED: { description: "Avslag — rejected: nothing is paid, with reasons." },
  },
});

export enum PayoutType {
  ORIGINAL = "ORIGINAL",
  CORRECTION = "CORRECTION",
}
registerEnumType(PayoutType, {
  name: "AssistancePayoutType",
  description: "What a payout (utbetalning) entry is; entries are never edited or deleted.",
  valuesConfig: {
    ORIGINAL: { description: "The one payment of a decision (exactly once per decision)." },
    CORRECTION: {
      description: "Rättelse — a later entry, positive or negative, referencing the original payout.",
    },
  },
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
  description: "What a line of a calculation (beräkning) is; its amount's sign follows from the kind.",
  valuesConfig: {
    NORM_ADULT_SINGLE: { description: "Riksnorm personal costs of a single adult (positive)." },
    NORM_ADULTS_COHABITING: { description: "Riksnorm personal costs of a cohabiting couple, together (positive)." },
    NORM_CHILD: { description: "Riksnorm personal costs of a child, by age group (positive)." },
    NORM_NON_PARTNER_ADULT: {
      description:
        "Another adult in the application: the single adult's personal costs plus an equal share of the common costs (positive).",
    },
    NORM_COMMON: { description: "Riksnorm common household costs by household size (positive)." },
    REASONABLE_COST: { description: "A reasonable cost, after its cap (positive)." },
    INCOME: { description: "An income (negative)." },
    WORK_INCOME_DISREGARD: {
      description:
        "Jobbstimulans — 25 % of employment income not counted, for 24 months once the household has had assistance for 6 months (positive).",
    },
    CHILD_EARNINGS_DISREGARD: {
      description: "Children's earnings not counted, up to a prisbasbelopp a year (positive).",
    },
  },
});

export enum CapBasis {
  HOUSEHOLD_SIZE = "HOUSEHOLD_SIZE",
  CHILDREN = "CHILDREN",
}
registerEnumType(CapBasis, {
  name: "CostCapBasis",
  description: "What a cost cap's steps count.",
  valuesConfig: {
    HOUSEHOLD_SIZE: { description: "Persons in the household that month." },
    CHILDREN: { description: "Children in the household that month." },
  },
});

export enum IncorrectPaymentStatus {
  OPEN = "OPEN",
  INVESTIGATING = "INVESTIGATING",
  NO_INCORRECT_PAYMENT = "NO_INCORRECT_PAYMENT",
  RECLAIM_DECIDED = "RECLAIM_DECIDED",
  WRITTEN_OFF = "WRITTEN_OFF",
  CLOSED = "CLOSED",
}
registerEnumType(IncorrectPaymentStatus, {
  name: "IncorrectPaymentStatus",
  description: "Where a FUT case (felaktiga utbetalningar — an investigation of incorrect payments) is.",
  valuesConfig: {
    OPEN: { description: "Opened, not yet investigated." },
    INVESTIGATING: { description: "Under utredning — being investigated." },
    NO_INCORRECT_PAYMENT: { description: "Investigated: nothing was paid wrongly." },
    RECLAIM_DECIDED: { description: "Återkrav beslutat — a reclaim was decided (set by decideReclaim)." },
    WRITTEN_OFF: { description: "Avskrivet — the amount wrongly paid is written off, not reclaimed." },
    CLOSED: { description: "Avslutat — the case is closed." },
  },
});

export enum RecoveryKind {
  RECLAIM_REPAYMENT = "RECLAIM_REPAYMENT",
  RETROACTIVE_BENEFIT = "RETROACTIVE_BENEFIT",
  VOLUNTARY_REPAYMENT = "VOLUNTARY_REPAYMENT",
}
registerEnumType(RecoveryKind, {
  name: "AssistanceRecoveryKind",
  description: "Why money came back (återbetalning); every kind reduces the net cost.",
  valuesConfig: {
    RECLAIM_REPAYMENT: { description: "Repayment of a reclaim (återkrav) decided in a FUT case." },
    RETROACTIVE_BENEFIT: {
      description:
        "Återsökt ersättning — a retroactive benefit paid to the municipality for months it covered (e.g. from Försäkringskassan).",
    },
    VOLUNTARY_REPAYMENT: { description: "Frivillig återbetalning — repaid without a decision." },
  },
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
    "The kind of subsidised employment (arbetsmarknadsanställning) in växla bidrag mot lön — the municipality employs a person instead of paying assistance.",
  valuesConfig: {
    EXTRATJANST: { description: "Extratjänst — an extra job in the public sector." },
    INTRODUKTIONSJOBB: { description: "Introduktionsjobb — an introduction job." },
    NYSTARTSJOBB: { description: "Nystartsjobb — a fresh-start job." },
    LONEBIDRAG: { description: "Lönebidrag — wage subsidy for a person with reduced working capacity." },
    TRYGGHETSANSTALLNING: { description: "Trygghetsanställning — sheltered employment." },
    OTHER_SUBSIDISED: { description: "Another subsidised employment." },
  },
});
