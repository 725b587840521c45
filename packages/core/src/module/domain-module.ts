import type { DataSource } from "typeorm";
import type { RetentionAction, RetentionContext } from "../retention/retention";
import type { EventType } from "../events/event-type";

/** A scope a module defines. `personLevel` scopes unlock person-level data (and its access log). */
export interface ScopeDefinition {
  name: string;
  description: string;
  personLevel?: boolean;
}

/**
 * What a domain package exports (compare Vendure's plugin metadata). The gateway
 * concatenates descriptors into one DataSource and one schema; nothing else in the
 * gateway knows a domain's internals.
 */
export interface DomainModule {
  name: string;
  description: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  scopes: ScopeDefinition[];
  /** The event types the module records in its outbox (see events/event-type.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events?: EventType<any>[];
  /** Loads demo data into an empty database; must be idempotent-safe to call once. */
  seedDemo?: (ds: DataSource) => Promise<void>;
  /**
   * Gallring: deletes or anonymises person data whose last entry is before ctx.cutoff, keeping
   * what the statistics need. Runs inside a transaction; must not commit or log by itself.
   */
  retention?: (ctx: RetentionContext) => Promise<RetentionAction[]>;
}

export function defineModule(module: DomainModule): DomainModule {
  return module;
}
