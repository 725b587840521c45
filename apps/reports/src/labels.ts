/** Swedish names of the API's enum values, in the annual report's order. */
export const KINDS = [
  ["PRAISE", "Beröm"],
  ["QUESTION", "Fråga"],
  ["SUGGESTION", "Förslag"],
  ["COMPLAINT", "Klagomål"],
] as const;

export const CRITERIA: Record<string, string> = {
  TREATMENT: "Bemötande",
  PHYSICAL_ENVIRONMENT: "Fysisk miljö",
  INFORMATION: "Information",
  SERVICES: "Tjänster",
};
export const CRITERION_ORDER = ["TREATMENT", "PHYSICAL_ENVIRONMENT", "INFORMATION", "SERVICES"];

export const PLACEMENT_TYPES: Record<string, string> = {
  PROTECTED_HOUSING: "Skyddat boende",
  INTERNAL_OUTPATIENT: "Intern öppenvård",
  EXTERNAL_OUTPATIENT: "Extern öppenvård",
  EMERGENCY_HOUSING: "Jourboende",
  SOCIAL_CONTRACT: "Socialt kontrakt",
  FAMILY_HOME: "Familjehem",
};

export function kindName(kind: string): string {
  return KINDS.find(([k]) => k === kind)?.[1] ?? kind;
}
