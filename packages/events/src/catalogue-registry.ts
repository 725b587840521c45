import { eventCatalogue, type DomainModule, type EventType } from "@arbetsliv/core";

let active: Map<string, EventType> = new Map();

/**
 * The catalogue of the composition this process serves. One gateway composition per process
 * (its module list is fixed), so it is set once by `eventsModule(modules)` and read by the
 * resolvers, the relay and the webhook dispatcher.
 */
export function activeCatalogue(): Map<string, EventType> {
  return active;
}

export function activateCatalogue(modules: readonly DomainModule[]): Map<string, EventType> {
  active = eventCatalogue(modules);
  return active;
}

/** Every scope that only protected-subject events require (their NATS subjects differ). */
export function protectedScopes(catalogue: Map<string, EventType>): Set<string> {
  return new Set([...catalogue.values()].flatMap((e) => (e.protectedScope ? [e.protectedScope] : [])));
}
