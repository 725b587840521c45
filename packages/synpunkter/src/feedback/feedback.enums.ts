import { registerEnumType } from "type-graphql";

export enum FeedbackKind {
  PRAISE = "PRAISE",
  QUESTION = "QUESTION",
  SUGGESTION = "SUGGESTION",
  COMPLAINT = "COMPLAINT",
}
registerEnumType(FeedbackKind, {
  name: "FeedbackKind",
  description: "Typ av synpunkt — the kind of feedback; the board report counts each kind separately.",
  valuesConfig: {
    PRAISE: { description: "Beröm — praise." },
    QUESTION: { description: "Fråga — a question." },
    SUGGESTION: { description: "Förslag — a suggestion." },
    COMPLAINT: { description: "Klagomål — a complaint." },
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
  description:
    "Kommungemensamt kriterium — the city-wide criterion every feedback item is classified by, the same in all of the municipality's administrations.",
  valuesConfig: {
    TREATMENT: { description: "Bemötande — how the person was treated by staff." },
    PHYSICAL_ENVIRONMENT: { description: "Fysisk miljö — premises and physical environment." },
    INFORMATION: { description: "Information — the information given or missing." },
    SERVICES: { description: "Tjänster — the services themselves and their quality." },
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
  valuesConfig: {
    E_SERVICE: { description: "Through the municipality's e-service (registered by the integration)." },
    EMAIL: { description: "By e-mail." },
    PHONE: { description: "By phone." },
    LETTER: { description: "By letter." },
    VISIT: { description: "In person, at a visit." },
  },
});

export enum FeedbackStatus {
  RECEIVED = "RECEIVED",
  IN_PROGRESS = "IN_PROGRESS",
  CLOSED = "CLOSED",
}
registerEnumType(FeedbackStatus, {
  name: "FeedbackStatus",
  description: "Where the handling of a feedback item stands.",
  valuesConfig: {
    RECEIVED: { description: "Registered; not yet assigned or replied to." },
    IN_PROGRESS: { description: "Being handled: assigned or replied to, or reopened for completion." },
    CLOSED: { description: "Closed (avslutad), also when marked as a duplicate; closedDate is set." },
  },
});

export enum ImprovementKind {
  ROUTINE_CHANGE = "ROUTINE_CHANGE",
  INFORMATION_EFFORT = "INFORMATION_EFFORT",
  OTHER = "OTHER",
}
registerEnumType(ImprovementKind, {
  name: "ImprovementKind",
  description: "Ständig förbättring — continuous improvement: what the feedback led to.",
  valuesConfig: {
    ROUTINE_CHANGE: { description: "Rutinförändring — a changed routine." },
    INFORMATION_EFFORT: { description: "Informationsinsats — better information." },
    OTHER: { description: "Annan förbättring — another improvement." },
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
registerEnumType(FeedbackEventType, {
  name: "FeedbackEventType",
  description: "A step in the handling history of a feedback item.",
  valuesConfig: {
    REGISTERED: { description: "Registered (dated on the received date)." },
    ASSIGNED: { description: "Assigned to a handler (the note names the handler)." },
    REPLIED: { description: "A reply (återkoppling) was sent to the submitter." },
    CLOSED: { description: "Closed." },
    REOPENED: { description: "Reopened for completion (the note gives the reason)." },
    MARKED_DUPLICATE: { description: "Marked as a duplicate and closed (the note names the original)." },
    FORWARDED: { description: "Forwarded to an external organisation (the note names it)." },
    IMPROVEMENT_RECORDED: { description: "An improvement it led to was recorded (the note gives its kind)." },
  },
});
