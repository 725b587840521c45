import type { EntityManager } from "typeorm";
import type { EventFieldDefinition, EventType } from "./event-type";
import { OutboxEvent } from "./outbox-event.entity";

export interface RecordEventOptions<D extends object> {
  /** The aggregate's id; the CloudEvents subject becomes `<subjectType>/<id>`. */
  subjectId: string | number;
  data: D;
  /** The event concerns a protected identity or placement: only the type's protectedScope receives it. */
  protectedSubject?: boolean;
}

/**
 * THE way a domain service records an event: inside its own transaction (`manager` is the
 * transaction's), so the event is written iff the change commits. A `data` that does not match the
 * declaration throws, which rolls the change back — an undeclared field could leak person data.
 */
export async function recordEvent<D extends object>(
  manager: EntityManager,
  event: EventType<D>,
  options: RecordEventOptions<D>,
): Promise<void> {
  assertDataMatches(event, options.data as Record<string, unknown>);
  const requiredScope = options.protectedSubject ? event.protectedScope : event.scope;
  if (!requiredScope)
    throw new Error(`event ${event.type} has no protectedScope and cannot describe a protected subject`);
  await manager.insert(OutboxEvent, {
    type: event.type,
    domain: event.domain,
    subject: `${event.subjectType}/${options.subjectId}`,
    occurredAt: new Date().toISOString(),
    data: JSON.stringify(options.data),
    requiredScope,
    position: null,
    publishedAt: null,
  });
}

function assertDataMatches(event: EventType<object>, data: Record<string, unknown>): void {
  const declared = event.data as Record<string, EventFieldDefinition>;
  for (const key of Object.keys(data)) {
    if (!(key in declared)) throw new Error(`event ${event.type}: field "${key}" is not declared`);
  }
  for (const [key, field] of Object.entries(declared)) {
    const value = data[key];
    if (value === null || value === undefined) {
      if (field.nullable && value === null) continue;
      throw new Error(`event ${event.type}: field "${key}" is missing`);
    }
    if (!valueMatches(field, value)) throw new Error(`event ${event.type}: field "${key}" is not a ${field.type}`);
  }
}

function valueMatches(field: EventFieldDefinition, value: unknown): boolean {
  switch (field.type) {
    case "id":
      return typeof value === "string" && /^[1-9][0-9]{0,18}$/.test(value);
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "money":
      // As the GraphQL Money scalar writes it (oreToKronor): kronor with two decimals.
      return typeof value === "string" && /^-?[0-9]{1,15}\.[0-9]{2}$/.test(value);
    case "date":
      return typeof value === "string" && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value);
    case "enum":
      return typeof value === "string" && /^[A-Z][A-Z0-9_]{0,63}$/.test(value);
    case "boolean":
      return typeof value === "boolean";
  }
}
