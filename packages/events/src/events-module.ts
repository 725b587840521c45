import { defineModule, type DomainModule } from "@arbetsliv/core";
import { activateCatalogue } from "./catalogue-registry";
import { authorizeFeedFor, feedEntities, feedMigrations, feedResolvers } from "./feed";
import { relayEntities, relayMigrations, relayResolvers } from "./relay";
import { webhookEntities, webhookGraphs, webhookMigrations, webhookResolvers } from "./webhooks";
import { EventScopes } from "./scopes";

/**
 * The events module: the change feed and event catalogue, webhooks and the relay's state. Give
 * it every other module so it knows their event types; it goes last in the gateway's list.
 */
export function eventsModule(modules: readonly DomainModule[]): DomainModule {
  activateCatalogue(modules);
  authorizeFeedFor(modules);
  return defineModule({
    name: "events",
    description: "Events for integrators: the change feed, the event catalogue, signed webhooks, the JetStream relay.",
    entities: [...relayEntities, ...webhookEntities, ...feedEntities],
    resolvers: [...feedResolvers, ...webhookResolvers, ...relayResolvers],
    graphs: webhookGraphs,
    migrations: [...relayMigrations, ...webhookMigrations, ...feedMigrations],
    scopes: [
      {
        name: EventScopes.WEBHOOKS_ADMIN,
        description: "Register, change and replay webhooks (integration administrators).",
      },
    ],
  });
}
