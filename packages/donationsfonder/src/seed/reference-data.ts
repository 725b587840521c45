import { Purpose, RoundTerm } from "../shared/enums";
import type { ScheduleEntry } from "../round/schedule.rules";

/**
 * The eight funds named in the board decision of February 2022 ("Utdelning Borås Stads
 * sociala donationsfonder"). The source names them and says they are for private persons
 * resident in Borås; their purposes, target groups, income limits, capital and published
 * order below are ASSUMED (plausible, for the demo) — see the README's notes on the sources.
 */
export const REFERENCE_FUNDS = [
  {
    code: "SA_WASSBERG",
    name: "SA Wassbergs minnesfond",
    statutes: "Till äldre behövande (65 år och äldre) bosatta i Borås: glasögon, tandvård, vård och rekreation.",
    publishedOrder: 1,
    capital: 2_400_000_00,
    minAge: 65,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.GLASSES, Purpose.DENTAL_CARE, Purpose.HEALTH_CARE, Purpose.RECREATION],
  },
  {
    code: "FINN_RIEMAN",
    name: "Finn Riemans donation",
    statutes: "Till behövande barnfamiljer i Borås: barns fritid, kläder och skor.",
    publishedOrder: 2,
    capital: 1_900_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: 2,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.CHILDREN_LEISURE, Purpose.CLOTHES, Purpose.SHOES],
  },
  {
    code: "SVENSSON_FAGERSTROM",
    name: "L Svensson och M Fagerströms stiftelse",
    statutes: "Till sjuka och behövande i arbetsför ålder (18–64 år) i Borås: medicin, hjälpmedel och vårdkostnader.",
    publishedOrder: 3,
    capital: 1_300_000_00,
    minAge: 18,
    maxAge: 64,
    minHouseholdSize: null,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.HEALTH_CARE],
  },
  {
    code: "EDVARD_BJORNSSON",
    name: "Edvard Björnssons donation",
    statutes: "Till de mest behövande i Borås (inkomst högst 2 prisbasbelopp för en person): kläder och skor.",
    publishedOrder: 4,
    capital: 2_100_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 200,
    purposes: [Purpose.CLOTHES, Purpose.SHOES],
  },
  {
    code: "PALMQVIST",
    name: "Sven P och Charlotta Palmqvists donation",
    statutes: "Till behövande i Borås: glasögon.",
    publishedOrder: 5,
    capital: 1_600_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.GLASSES],
  },
  {
    code: "SAMFOND_1",
    name: "Borås Stads sociala samfond 1",
    statutes: "Till behövande bosatta i Borås: tandvård.",
    publishedOrder: 6,
    capital: 3_800_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.DENTAL_CARE],
  },
  {
    code: "SAMFOND_A",
    name: "Borås Stads sociala samfond A",
    statutes: "Till behövande bosatta i Borås: hemutrustning.",
    publishedOrder: 7,
    capital: 2_700_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 250,
    purposes: [Purpose.HOUSEHOLD_EQUIPMENT],
  },
  {
    code: "SAMFOND_II",
    name: "Borås Stads sociala samfond II",
    statutes:
      "Till behövande bosatta i Borås för alla sociala ändamål som andra fonder inte täcker (inkomst högst 3 prisbasbelopp för en person).",
    publishedOrder: 8,
    capital: 3_200_000_00,
    minAge: null,
    maxAge: null,
    minHouseholdSize: null,
    incomeLimitBasePercent: 300,
    purposes: [
      Purpose.GLASSES,
      Purpose.DENTAL_CARE,
      Purpose.CLOTHES,
      Purpose.SHOES,
      Purpose.HOUSEHOLD_EQUIPMENT,
      Purpose.HEALTH_CARE,
      Purpose.CHILDREN_LEISURE,
      Purpose.RECREATION,
      Purpose.OTHER,
    ],
  },
].map((f) => ({ ...f, residentRequired: true, incomeLimitPerExtraPercent: 75, active: true }));

/**
 * The round schedule. From 2022 one round a year: applications in March, the board decides
 * in May, payout in June (board decision, February 2022). Until 2021 two rounds; the source
 * gives no dates for them, so the spring and autumn dates are ASSUMED.
 */
export const REFERENCE_SCHEDULE: (ScheduleEntry & { source: string })[] = [
  {
    fromYear: 2016,
    toYear: 2021,
    term: RoundTerm.SPRING,
    applicationOpens: "02-01",
    applicationCloses: "02-28",
    decision: "04-22",
    payout: "05-12",
    source: "Two rounds a year 2016–2021 (dates assumed)",
  },
  {
    fromYear: 2016,
    toYear: 2021,
    term: RoundTerm.AUTUMN,
    applicationOpens: "09-01",
    applicationCloses: "09-30",
    decision: "11-18",
    payout: "12-08",
    source: "Two rounds a year 2016–2021 (dates assumed)",
  },
  {
    fromYear: 2022,
    toYear: null,
    term: RoundTerm.ANNUAL,
    applicationOpens: "03-01",
    applicationCloses: "03-31",
    decision: "05-19",
    payout: "06-15",
    source:
      "Arbetslivsnämnden, Utdelning Borås Stads sociala donationsfonder (februari 2022): ansökan i mars, beslut i maj, utbetalning i juni",
  },
];

/** Prisbasbelopp (kronor) per year, set by the government. */
export const PRICE_BASE_AMOUNT: Record<number, number> = {
  2021: 47_600,
  2022: 48_300,
  2023: 52_500,
  2024: 57_300,
  2025: 58_800,
};
