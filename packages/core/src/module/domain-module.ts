import type { DataSource } from "typeorm";

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
  /** Loads demo data into an empty database; must be idempotent-safe to call once. */
  seedDemo?: (ds: DataSource) => Promise<void>;
}

export function defineModule(module: DomainModule): DomainModule {
  return module;
}
