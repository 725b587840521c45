// The relay part of the events package: outbox → feed positions → NATS JetStream, the leader's
// scheduled jobs and housekeeping. events-module.ts composes the arrays below.
import { EventsRelayState1796575020962 } from "./migrations/1796575020962-EventsRelayState";
import { RelayState } from "./relay-state.entity";

export { startRelay, type RelayHandle, type RelayOptions } from "./relay";
export { sequenceBatch, type SequencedBatch } from "./sequencer";
export { publishBatch, type PublishedBatch } from "./publisher";
export {
  openJetStream,
  ensureStream,
  DUPLICATE_WINDOW_MS,
  type JetStreamLink,
  type JetStreamTarget,
} from "./jetstream";
export { purgeOutbox, DEFAULT_RETENTION_DAYS, type OutboxRetention } from "./housekeeping";
export { holdLeadership, LEADER_LEASE_MS } from "./leader";
export { ensureStateRows } from "./relay-sql";
export { RelayState };

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relayEntities: Function[] = [RelayState];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relayResolvers: Function[] = [];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const relayMigrations: Function[] = [EventsRelayState1796575020962];
