import {
  defineEventType,
  eventCatalogue,
  type DomainModule,
  type EventFieldDefinition,
  type EventType,
} from "@arbetsliv/core";

export const FEEDBACK_RECEIVED = "se.arbetsliv.synpunkter.feedback.received.v1";

/** Used only while synpunkter does not declare its event yet: the same shape of declaration. */
const STAND_IN = defineEventType<{ feedbackId: string; businessAreaId: string; kind: string; receivedDate: string }>({
  domain: "synpunkter",
  name: "bench.written",
  version: 1,
  description: "Bench stand-in while feedback.received is not declared.",
  scope: "synpunkter:events",
  subjectType: "FeedbackItem",
  data: {
    feedbackId: { type: "id", description: "" },
    businessAreaId: { type: "id", description: "" },
    kind: { type: "enum", description: "" },
    receivedDate: { type: "date", description: "" },
  },
});

/** The event the bench records directly: synpunkter's feedback.received if declared, else a stand-in of the same shape. */
export function benchEventType(modules: readonly DomainModule[]): { type: EventType; declared: boolean } {
  const declared = eventCatalogue(modules).get(FEEDBACK_RECEIVED);
  return declared ? { type: declared, declared: true } : { type: STAND_IN as unknown as EventType, declared: false };
}

/** Data that satisfies the declaration (ids and codes only, like every real event). */
export function sampleData(type: EventType, n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(type.data as Record<string, EventFieldDefinition>))
    out[key] = sampleValue(field, n);
  return out;
}

function sampleValue(field: EventFieldDefinition, n: number): unknown {
  switch (field.type) {
    case "id":
      return String(n + 1);
    case "integer":
      return n;
    case "money":
      return "100.00";
    case "date":
      return new Date().toISOString().slice(0, 10);
    case "enum":
      return "PRAISE";
    case "boolean":
      return false;
  }
}
