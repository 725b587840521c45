// The change feed, the event catalogue and live subscriptions: their GraphQL types and resolver
// (composed by events-module.ts) and the runtime the gateway uses to feed subscriptions.
import { EventFeedResolver } from "./feed.resolver";

export * from "./feed-cursor";
export * from "./read-feed";
export * from "./event.types";
export * from "./feed-access";
export * from "./event-source";
export * from "./event-hub";
export * from "./jetstream-source";
export {
  EventFeedResolver,
  EventFilterInput,
  knownTypes,
  DEFAULT_FEED_PAGE,
  MAX_FEED_PAGE,
  type EventSubscriptionContext,
} from "./feed.resolver";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedEntities: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedResolvers: Function[] = [EventFeedResolver];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const feedMigrations: Function[] = [];
