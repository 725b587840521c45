import { registerEnumType } from "type-graphql";

/** Insats — the kinds of placement the annual report counts. */
export enum PlacementType {
  PROTECTED_HOUSING = "PROTECTED_HOUSING",
  EMERGENCY_HOUSING = "EMERGENCY_HOUSING",
  INTERNAL_OUTPATIENT = "INTERNAL_OUTPATIENT",
  EXTERNAL_OUTPATIENT = "EXTERNAL_OUTPATIENT",
  SOCIAL_CONTRACT = "SOCIAL_CONTRACT",
  FAMILY_HOME = "FAMILY_HOME",
}
registerEnumType(PlacementType, {
  name: "PlacementType",
  description:
    "The kind of placement (insats — the support the social services give). Residential types (the person sleeps there: skyddat boende, jourboende, socialt kontrakt, familjehem) of one person never overlap.",
  valuesConfig: {
    PROTECTED_HOUSING: { description: "Skyddat boende — protected housing at a secret address (residential)" },
    EMERGENCY_HOUSING: { description: "Jourboende — emergency housing for a short stay (residential)" },
    INTERNAL_OUTPATIENT: { description: "Intern öppenvård — the unit's own non-residential support" },
    EXTERNAL_OUTPATIENT: { description: "Extern öppenvård — non-residential support bought from a provider" },
    SOCIAL_CONTRACT: { description: "Socialt kontrakt — a flat leased through social services (residential)" },
    FAMILY_HOME: { description: "Familjehem — a family home (residential)" },
  },
});

/** Every placement type, in the order of the annual report's table. */
export const PLACEMENT_TYPES: readonly PlacementType[] = [
  PlacementType.PROTECTED_HOUSING,
  PlacementType.INTERNAL_OUTPATIENT,
  PlacementType.EXTERNAL_OUTPATIENT,
  PlacementType.EMERGENCY_HOUSING,
  PlacementType.SOCIAL_CONTRACT,
  PlacementType.FAMILY_HOME,
];

/**
 * Residential placements: the person sleeps there. One person can spend a night in only one
 * of them, so two residential placements of the same person may not overlap.
 */
export const RESIDENTIAL_TYPES: ReadonlySet<PlacementType> = new Set([
  PlacementType.PROTECTED_HOUSING,
  PlacementType.EMERGENCY_HOUSING,
  PlacementType.SOCIAL_CONTRACT,
  PlacementType.FAMILY_HOME,
]);

export enum ViolenceType {
  CLOSE_RELATIONSHIP = "CLOSE_RELATIONSHIP",
  HONOUR_RELATED = "HONOUR_RELATED",
  PROSTITUTION_TRAFFICKING = "PROSTITUTION_TRAFFICKING",
}
registerEnumType(ViolenceType, {
  name: "ViolenceType",
  description: "What the person is subjected to: the unit's three areas of work.",
  valuesConfig: {
    CLOSE_RELATIONSHIP: { description: "Våld i nära relationer — violence in close relationships" },
    HONOUR_RELATED: { description: "Hedersrelaterat våld och förtryck — honour-related violence and oppression" },
    PROSTITUTION_TRAFFICKING: {
      description:
        "Prostitution and trafficking (Mikamottagningen, the unit's reception for them): selling sex, self-harm through sex, and trafficking for sexual purposes",
    },
  },
});

export enum ProviderKind {
  OWN_UNIT = "OWN_UNIT",
  NON_PROFIT = "NON_PROFIT",
  PROTECTED_HOUSING = "PROTECTED_HOUSING",
  MUNICIPAL = "MUNICIPAL",
  TREATMENT = "TREATMENT",
  FAMILY_HOME = "FAMILY_HOME",
}
registerEnumType(ProviderKind, {
  name: "PlacementProviderKind",
  description: "What kind of provider (utförare — who provides the placement) it is.",
  valuesConfig: {
    OWN_UNIT: {
      description: "Relationsvåldsenheten itself, the municipality's unit against violence (intern öppenvård)",
    },
    NON_PROFIT: {
      description:
        "A non-profit (idéburen organisation), e.g. Kvinno- och tjejjouren Borås, an IOP partner (idéburet offentligt partnerskap)",
    },
    PROTECTED_HOUSING: { description: "Another provider of skyddat boende (protected housing)" },
    MUNICIPAL: { description: "Another municipal unit, e.g. jourboende or social contracts" },
    TREATMENT: { description: "A provider of extern öppenvård (non-residential support bought in)" },
    FAMILY_HOME: {
      description: "Familjehem, a family home (registered under a code name; identity and address are never exposed)",
    },
  },
});
