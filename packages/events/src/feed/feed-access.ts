import type { DomainModule } from "@arbetsliv/core";
import { activeCatalogue } from "../catalogue-registry";
import { EventScopes } from "../scopes";
import { MAX_EVENT_TYPES } from "./event.types";

/**
 * Who may call the change feed, the catalogue and the subscription: any caller holding any scope
 * of the composition — what each receives is then filtered by the receiver rule (`mayReceive`),
 * so a caller without an event scope gets empty pages rather than an error. The array is the one
 * `@Authorized` keeps, filled in place when the events module is composed (the modules are not
 * known when the decorators run); until then it is empty and the schema build refuses it.
 */
export const FEED_SCOPES: string[] = [];

export function authorizeFeedFor(modules: readonly DomainModule[]): void {
  // The bound eventTypes declares (@MaxItems) holds for this composition.
  if (activeCatalogue().size > MAX_EVENT_TYPES)
    throw new Error(`${activeCatalogue().size} event types; the catalogue allows at most ${MAX_EVENT_TYPES}`);
  const scopes = new Set([...modules.flatMap((m) => m.scopes.map((s) => s.name)), EventScopes.WEBHOOKS_ADMIN]);
  FEED_SCOPES.splice(0, FEED_SCOPES.length, ...[...scopes].sort());
}
