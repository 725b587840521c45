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
  description:
    "Ändamål — a purpose money is asked for, and that a fund's statutes may allow; an application can draw only from a fund that covers at least one of its purposes.",
  valuesConfig: {
    GLASSES: { description: "Glasses (glasögon)." },
    DENTAL_CARE: { description: "Dental care (tandvård)." },
    CLOTHES: { description: "Clothes (kläder)." },
    SHOES: { description: "Shoes (skor)." },
    HOUSEHOLD_EQUIPMENT: { description: "Household equipment such as furniture and appliances (hemutrustning)." },
    HEALTH_CARE: { description: "Medicine, aids and health-care costs (medicin, hjälpmedel och vårdkostnader)." },
    CHILDREN_LEISURE: { description: "Children's leisure activities (barns fritid)." },
    RECREATION: { description: "Rest and recreation, e.g. a holiday (rekreation)." },
    RENT_OR_DEBT: {
      description:
        "Rent or debts (hyra eller skulder): no fund covers it — försörjningsstöd (financial assistance under socialtjänstlagen) does.",
    },
    OTHER: { description: "Anything else (övrigt); covered only by a fund whose statutes name it." },
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
  description:
    "Which of the year's rounds (utdelningsomgång — an application round): two a year until 2021, one from 2022.",
  valuesConfig: {
    SPRING: { description: "The spring round (vårens utdelning), until 2021." },
    AUTUMN: { description: "The autumn round (höstens utdelning), until 2021." },
    ANNUAL: { description: "The one round of the year (årlig utdelning), from 2022." },
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
  description: "Where a round is in its year: OPEN → ALLOCATED → DECIDED; it never goes back.",
  valuesConfig: {
    OPEN: {
      description: "Öppen (open): applications are registered; the policy and the fund budgets may still change.",
    },
    ALLOCATED: {
      description:
        "Fördelad (allocated): applications assessed and amounts proposed; caseworkers may adjust them before the decision.",
    },
    DECIDED: {
      description:
        "Beslutad (decided): the committee has decided, the payout list exists and nothing changes any more.",
    },
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
  description:
    "Fördelningsprincip — how a fund's budget is divided among the applications eligible for it; a round publishes one before its allocation and treats every applicant by it.",
  valuesConfig: {
    EQUAL: {
      description:
        "Lika belopp (equal amounts): the same amount to every eligible application of a fund, never more than asked or the round's cap.",
    },
    NEED_BASED: {
      description:
        "Behovsbaserat (need-based): the amount asked, capped by the round's cap; scaled down alike when the fund is short.",
    },
  },
});

/** What happens to the whole kronor left when a fund does not divide evenly. */
export enum RemainderRule {
  /** One krona each, largest fractional remainder first, ties in application order (for EQUAL simply application order). */
  DISTRIBUTE_IN_ORDER = "DISTRIBUTE_IN_ORDER",
  /** The remainder stays in the fund for the next round. */
  KEEP_IN_FUND = "KEEP_IN_FUND",
}
registerEnumType(RemainderRule, {
  name: "DonationRemainderRule",
  description:
    "What happens to the whole kronor left when a fund's budget does not divide evenly among its applications.",
  valuesConfig: {
    DISTRIBUTE_IN_ORDER: {
      description:
        "One krona each, largest fractional remainder first, ties in application order (with EQUAL simply in application order).",
    },
    KEEP_IN_FUND: { description: "The remainder stays in the fund for a later round." },
  },
});

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
  description: "Where an application stands: refused on receipt, waiting for the assessment, or assessed.",
  valuesConfig: {
    REFUSED: {
      description:
        "Avvisad (refused on receipt): received before or after the application period, or a second application of the same person in the round; never assessed.",
    },
    RECEIVED: { description: "Inkommen (received): taken into the round, waiting for the allocation's assessment." },
    ELIGIBLE: {
      description: "Meets a fund's statutes (uppfyller ändamålet): it draws from that fund and has an allocation.",
    },
    INELIGIBLE: { description: "Avslag (rejected): meets no fund's statutes; the reason is recorded." },
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
  description:
    "Why an application got nothing: refused on receipt (LATE, BEFORE_WINDOW, DUPLICATE), or the statutes' rule it came closest to meeting without meeting it.",
  valuesConfig: {
    LATE: { description: "Received after the application period (ansökningstid) ended." },
    BEFORE_WINDOW: { description: "Received before the application period began." },
    DUPLICATE: { description: "The person already has an application that counts in the round." },
    NOT_RESIDENT: {
      description: "Not folkbokförd (registered as resident) in the municipality, as the fund requires.",
    },
    AGE_OUTSIDE_TARGET: { description: "Age on the last application day outside the fund's target group." },
    HOUSEHOLD_OUTSIDE_TARGET: { description: "The household is smaller than the fund's target group." },
    INCOME_ABOVE_LIMIT: {
      description:
        "Yearly income above the fund's limit (a percentage of prisbasbelopp, growing with the household's size).",
    },
    PURPOSE_NOT_COVERED: { description: "No fund's statutes cover what the money is asked for." },
    NO_FUNDS_THIS_ROUND: { description: "A fund would cover it, but has nothing to distribute in the round." },
  },
});
