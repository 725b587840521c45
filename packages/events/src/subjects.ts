import type { OutboxEvent } from "@arbetsliv/core";

/** The JetStream stream that holds every event (override with NATS_STREAM). */
export const DEFAULT_STREAM = "ARBETSLIV_EVENTS";
/** Every event subject starts with this; the stream captures `arbetsliv.>`. */
export const SUBJECT_ROOT = "arbetsliv";

/**
 * The NATS subject of an event: arbetsliv.<domain>.<name>.v<version>, e.g.
 * arbetsliv.synpunkter.feedback.received.v1. Events about a protected identity or placement go
 * under arbetsliv.protected.… instead, so NATS permissions can keep them from consumers without
 * the protected scope.
 */
export function natsSubject(
  event: Pick<OutboxEvent, "type" | "requiredScope">,
  protectedScopes: ReadonlySet<string>,
): string {
  const name = event.type.replace(/^se\.arbetsliv\./, "");
  return protectedScopes.has(event.requiredScope) ? `${SUBJECT_ROOT}.protected.${name}` : `${SUBJECT_ROOT}.${name}`;
}
