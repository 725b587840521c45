import type { OutboxEvent } from "@arbetsliv/core";

/** The JetStream stream that holds every event (override with NATS_STREAM). */
export const DEFAULT_STREAM = "ARBETSLIV_EVENTS";
/** Every event subject starts with this (after the optional prefix); the stream captures `arbetsliv.>`. */
export const SUBJECT_ROOT = "arbetsliv";

/**
 * Where the events live on a NATS server: the stream, and an optional subject prefix
 * (`<prefix>.arbetsliv.…`) so that several streams — two environments, or parallel tests — can
 * share one server without overlapping subjects. The relay, the stream it creates and the
 * subscriptions' JetStream source all derive their subjects from this, through the functions below.
 */
export interface NatsNamespace {
  /** Default ARBETSLIV_EVENTS. */
  stream?: string;
  /** Dot-separated tokens (letters, digits, _ and -); null or omitted: none. */
  subjectPrefix?: string | null;
}

const SUBJECT_PREFIX = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,4}$/;
const STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Why a subject prefix is not usable, or null when it is. */
export function subjectPrefixProblem(prefix: string): string | null {
  return SUBJECT_PREFIX.test(prefix)
    ? null
    : "must be 1–5 dot-separated tokens of 1–64 letters, digits, _ or - (e.g. staging or test.a1)";
}

/** Why a stream name is not usable, or null when it is. */
export function streamNameProblem(stream: string): string | null {
  return STREAM_NAME.test(stream) ? null : "must be 1–64 letters, digits, _ or -";
}

/** The stream's name (the default when unset). */
export function streamName(ns: NatsNamespace = {}): string {
  const stream = ns.stream || DEFAULT_STREAM;
  const problem = streamNameProblem(stream);
  if (problem) throw new Error(`NATS stream name ${problem}`);
  return stream;
}

/** `arbetsliv`, or `<prefix>.arbetsliv`: what every event subject of the namespace starts with. */
export function subjectRoot(subjectPrefix?: string | null): string {
  if (!subjectPrefix) return SUBJECT_ROOT;
  const problem = subjectPrefixProblem(subjectPrefix);
  if (problem) throw new Error(`NATS subject prefix ${problem}`);
  return `${subjectPrefix}.${SUBJECT_ROOT}`;
}

/** The subjects the event stream captures: `arbetsliv.>`, or `<prefix>.arbetsliv.>`. */
export function streamSubjects(subjectPrefix?: string | null): string[] {
  return [`${subjectRoot(subjectPrefix)}.>`];
}

/**
 * The NATS subject of an event: [<prefix>.]arbetsliv.<domain>.<name>.v<version>, e.g.
 * arbetsliv.synpunkter.feedback.received.v1. Events about a protected identity or placement go
 * under [<prefix>.]arbetsliv.protected.… instead, so NATS permissions can keep them from consumers
 * without the protected scope.
 */
export function natsSubject(
  event: Pick<OutboxEvent, "type" | "requiredScope">,
  protectedScopes: ReadonlySet<string>,
  subjectPrefix?: string | null,
): string {
  const name = event.type.replace(/^se\.arbetsliv\./, "");
  const root = subjectRoot(subjectPrefix);
  return protectedScopes.has(event.requiredScope) ? `${root}.protected.${name}` : `${root}.${name}`;
}

/** True for a subject natsSubject gave an event about a protected identity or placement. */
export function isProtectedSubject(subject: string, subjectPrefix?: string | null): boolean {
  return subject.startsWith(`${subjectRoot(subjectPrefix)}.protected.`);
}
