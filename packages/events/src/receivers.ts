import type { OutboxEvent } from "@arbetsliv/core";

/**
 * THE rule every channel applies before handing an event to a receiver: the receiver holds the
 * event's required scope (the type's scope, or its protected scope for a protected subject).
 */
export function mayReceive(scopes: readonly string[], event: Pick<OutboxEvent, "requiredScope">): boolean {
  return scopes.includes(event.requiredScope);
}
