import { registerEnumType } from "type-graphql";

/** Ändamål — what an applicant asks money for (and what a fund's statutes allow). */
export enum Purpose {
  GLASSES = "GLASSES",
  DENTAL_CARE = "DENTAL_CARE",
  CLOTHES = "CLOTHES",
  SHOES = "SHOES",
  HOUSEHOLD_EQUIPMENT = "HOUSEHOLD_EQUIPMENT",
  HEALTH_CARE = "HEALTH_CARE",
  CHILDREN_LEISURE = "CHILDREN_LEISURE",
  RECREATION = "RECREATION",
  RENT_OR_DEBT = "RENT_OR_DEBT",
  OTHER = "OTHER",
}
registerEnumType(Purpose, {
  name: "DonationPurpose",
  description: "Ändamål — what the money is for.",
  valuesConfig: {
    GLASSES: { description: "Glasögon" },
    DENTAL_CARE: { description: "Tandvård" },
    CLOTHES: { description: "Kläder" },
    SHOES: { description: "Skor" },
    HOUSEHOLD_EQUIPMENT: { description: "Hemutrustning" },
    HEALTH_CARE: { description: "Medicin, hjälpmedel och vårdkostnader" },
    CHILDREN_LEISURE: { description: "Barns fritid" },
    RECREATION: { description: "Rekreation" },
    RENT_OR_DEBT: { description: "Hyra eller skulder (no fund covers it; försörjningsstöd does)" },
    OTHER: { description: "Övrigt" },
  },
});

/** Which of the year's rounds: two until 2021, one (ANNUAL) from 2022. */
export enum RoundTerm {
  SPRING = "SPRING",
  AUTUMN = "AUTUMN",
  ANNUAL = "ANNUAL",
}
registerEnumType(RoundTerm, {
  name: "DonationRoundTerm",
  description: "Utdelningsomgång — the round within the year.",
  valuesConfig: {
    SPRING: { description: "Vårens utdelning" },
    AUTUMN: { description: "Höstens utdelning" },
    ANNUAL: { description: "Årlig utdelning (från 2022)" },
  },
});

export enum RoundStatus {
  /** Applications are registered; policy and budgets may change. */
  OPEN = "OPEN",
  /** Eligibility assessed and amounts allocated; caseworkers may adjust. */
  ALLOCATED = "ALLOCATED",
  /** The board has decided; the payout list exists; nothing changes any more. */
  DECIDED = "DECIDED",
}
registerEnumType(RoundStatus, {
  name: "DonationRoundStatus",
  valuesConfig: {
    OPEN: { description: "Öppen — applications are registered" },
    ALLOCATED: { description: "Fördelad — allocation proposed, may be adjusted" },
    DECIDED: { description: "Beslutad — the board has decided; payout list produced" },
  },
});

/** Fördelningsprincip — the one published rule every applicant of the round is treated by. */
export enum AllocationPolicy {
  /** Same amount to every eligible application of a fund, capped by the amount asked (and the round's cap). */
  EQUAL = "EQUAL",
  /** Proportional to need: the amount asked, capped by the round's cap; scaled down alike when a fund is short. */
  NEED_BASED = "NEED_BASED",
}
registerEnumType(AllocationPolicy, {
  name: "DonationAllocationPolicy",
  valuesConfig: {
    EQUAL: { description: "Lika belopp — the same amount to everyone, never more than asked" },
    NEED_BASED: { description: "Behovsbaserat — in proportion to the (capped) amount asked" },
  },
});

/** What happens to the whole kronor left when a fund does not divide evenly. */
export enum RemainderRule {
  /** One krona each, largest fractional remainder first, ties in application order (for EQUAL simply application order). */
  DISTRIBUTE_IN_ORDER = "DISTRIBUTE_IN_ORDER",
  /** The remainder stays in the fund for the next round. */
  KEEP_IN_FUND = "KEEP_IN_FUND",
}
registerEnumType(RemainderRule, { name: "DonationRemainderRule" });

export enum ApplicationStatus {
  /** Refused on receipt (late, early or duplicate): never assessed. */
  REFUSED = "REFUSED",
  /** Registered, waiting for the round's assessment. */
  RECEIVED = "RECEIVED",
  /** Meets a fund's statutes; has an allocation. */
  ELIGIBLE = "ELIGIBLE",
  /** Meets no fund's statutes; the reason is recorded. */
  INELIGIBLE = "INELIGIBLE",
}
registerEnumType(ApplicationStatus, {
  name: "DonationApplicationStatus",
  valuesConfig: {
    REFUSED: { description: "Avvisad — late, early or duplicate" },
    RECEIVED: { description: "Inkommen — not yet assessed" },
    ELIGIBLE: { description: "Uppfyller ändamålet — allocated from a fund" },
    INELIGIBLE: { description: "Avslag — meets no fund's statutes" },
  },
});

/** Why an application got nothing. */
export enum RejectionReason {
  LATE = "LATE",
  BEFORE_WINDOW = "BEFORE_WINDOW",
  DUPLICATE = "DUPLICATE",
  NOT_RESIDENT = "NOT_RESIDENT",
  AGE_OUTSIDE_TARGET = "AGE_OUTSIDE_TARGET",
  HOUSEHOLD_OUTSIDE_TARGET = "HOUSEHOLD_OUTSIDE_TARGET",
  INCOME_ABOVE_LIMIT = "INCOME_ABOVE_LIMIT",
  PURPOSE_NOT_COVERED = "PURPOSE_NOT_COVERED",
  NO_FUNDS_THIS_ROUND = "NO_FUNDS_THIS_ROUND",
}
registerEnumType(RejectionReason, {
  name: "DonationRejectionReason",
  valuesConfig: {
    LATE: { description: "Inkommen efter ansökningstidens slut" },
    BEFORE_WINDOW: { description: "Inkommen före ansökningstidens början" },
    DUPLICATE: { description: "Personen har redan en ansökan i omgången" },
    NOT_RESIDENT: { description: "Inte bosatt i kommunen" },
    AGE_OUTSIDE_TARGET: { description: "Ålder utanför fondens målgrupp" },
    HOUSEHOLD_OUTSIDE_TARGET: { description: "Hushållet utanför fondens målgrupp" },
    INCOME_ABOVE_LIMIT: { description: "Inkomst över gränsen (prisbasbelopp × hushållsstorlek)" },
    PURPOSE_NOT_COVERED: { description: "Ändamålet täcks inte av någon fond" },
    NO_FUNDS_THIS_ROUND: { description: "Fonden har inga medel att dela ut i omgången" },
  },
});
