/**
 * Event types: what a domain declares in its module descriptor (name, version, description, the
 * scope a receiver needs, the shape of `data`). The outbox, the change feed, webhooks,
 * subscriptions and the JetStream relay all read the same declarations.
 */

/**
 * The kinds of value an event's `data` may hold — never free text about a person:
 * id (decimal string), integer, money (kronor string with two decimals, as the Money scalar),
 * date (YYYY-MM-DD), enum (an UPPER_CASE code), boolean.
 */
export type EventFieldType = "id" | "integer" | "money" | "date" | "enum" | "boolean";

export interface EventFieldDefinition {
  type: EventFieldType;
  description: string;
  /** The field may be null (e.g. an optional reference). */
  nullable?: boolean;
}

/** The CloudEvents `type` prefix of every event of the platform. */
export const EVENT_TYPE_PREFIX = "se.arbetsliv";

export interface EventTypeDeclaration<D extends object> {
  /** Owning module, e.g. "synpunkter". */
  domain: string;
  /** Aggregate and what happened, e.g. "feedback.received". */
  name: string;
  version: number;
  description: string;
  /** The scope a receiver needs to get this event. */
  scope: string;
  /**
   * The scope needed instead when the event concerns a protected identity or placement
   * (recorded with `protectedSubject: true`). Without it, such events cannot be recorded.
   */
  protectedScope?: string;
  /** The aggregate the CloudEvents `subject` names, e.g. "FeedbackItem" → "FeedbackItem/42". */
  subjectType: string;
  data: { [K in keyof D]-?: EventFieldDefinition };
}

export interface EventType<D extends object = Record<string, unknown>> extends EventTypeDeclaration<D> {
  /** The CloudEvents `type`, e.g. "se.arbetsliv.synpunkter.feedback.received.v1". */
  readonly type: string;
}

const EVENT_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares an event type; `data` lists every field the event carries (and only those). */
export function defineEventType<D extends object>(declaration: EventTypeDeclaration<D>): EventType<D> {
  if (!EVENT_NAME.test(declaration.name))
    throw new Error(`event name "${declaration.name}" must be dotted lower-case words`);
  if (!Number.isInteger(declaration.version) || declaration.version < 1)
    throw new Error(`event ${declaration.name}: version must be a positive integer`);
  return {
    ...declaration,
    type: `${EVENT_TYPE_PREFIX}.${declaration.domain}.${declaration.name}.v${declaration.version}`,
  };
}
