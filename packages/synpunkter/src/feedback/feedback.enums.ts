import { registerEnumType } from "type-graphql";

export enum FeedbackKind {
  PRAISE = "PRAISE",
  QUESTION = "QUESTION",
  SUGGESTION = "SUGGESTION",
  COMPLAINT = "COMPLAINT",
}
registerEnumType(FeedbackKind, {
  name: "FeedbackKind",
  description: "Typ av synpunkt.",
  valuesConfig: {
    PRAISE: { description: "Beröm" },
    QUESTION: { description: "Fråga" },
    SUGGESTION: { description: "Förslag" },
    COMPLAINT: { description: "Klagomål" },
  },
});

export enum FeedbackCriterion {
  TREATMENT = "TREATMENT",
  PHYSICAL_ENVIRONMENT = "PHYSICAL_ENVIRONMENT",
  INFORMATION = "INFORMATION",
  SERVICES = "SERVICES",
}
registerEnumType(FeedbackCriterion, {
  name: "FeedbackCriterion",
  description: "Kommungemensamt kriterium — the city-wide category.",
  valuesConfig: {
    TREATMENT: { description: "Bemötande" },
    PHYSICAL_ENVIRONMENT: { description: "Fysisk miljö" },
    INFORMATION: { description: "Information" },
    SERVICES: { description: "Tjänster" },
  },
});

export enum FeedbackChannel {
  E_SERVICE = "E_SERVICE",
  EMAIL = "EMAIL",
  PHONE = "PHONE",
  LETTER = "LETTER",
  VISIT = "VISIT",
}
registerEnumType(FeedbackChannel, {
  name: "FeedbackChannel",
  description: "How the feedback reached the administration.",
});

export enum FeedbackStatus {
  RECEIVED = "RECEIVED",
  IN_PROGRESS = "IN_PROGRESS",
  CLOSED = "CLOSED",
}
registerEnumType(FeedbackStatus, {
  name: "FeedbackStatus",
  description:
    "RECEIVED until assigned or replied to, IN_PROGRESS while handled (also after reopening), CLOSED when done.",
});

export enum ImprovementKind {
  ROUTINE_CHANGE = "ROUTINE_CHANGE",
  INFORMATION_EFFORT = "INFORMATION_EFFORT",
  OTHER = "OTHER",
}
registerEnumType(ImprovementKind, {
  name: "ImprovementKind",
  description: "Ständig förbättring — what the feedback led to.",
  valuesConfig: {
    ROUTINE_CHANGE: { description: "Rutinförändring" },
    INFORMATION_EFFORT: { description: "Informationsinsats" },
    OTHER: { description: "Annan förbättring" },
  },
});

export enum FeedbackEventType {
  REGISTERED = "REGISTERED",
  ASSIGNED = "ASSIGNED",
  REPLIED = "REPLIED",
  CLOSED = "CLOSED",
  REOPENED = "REOPENED",
  MARKED_DUPLICATE = "MARKED_DUPLICATE",
  FORWARDED = "FORWARDED",
  IMPROVEMENT_RECORDED = "IMPROVEMENT_RECORDED",
}
registerEnumType(FeedbackEventType, { name: "FeedbackEventType", description: "A step in the handling history." });
