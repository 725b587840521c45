import type { DataSource } from "typeorm";
import type { RetentionAction, RetentionContext } from "../retention/retention";
import type { EventType } from "../events/event-type";
import type { Graph } from "../read/graph";
import type { SummaryDeclaration } from "../data/summary-projection";
import type { SubgraphDeclaration } from "../federation/subgraph-entity";

/** A scope a module defines. `personLevel` scopes unlock person-level data (and its access log). */
export interface ScopeDefinition {
  name: string;
  description: string;
  personLevel?: boolean;
}

/**
 * A job the event runtime runs on a schedule, on one process at a time (the relay's leader), e.g.
 * IOP's "notice deadline approaching" events. `run` must be safe to repeat: it decides from the
 * records what is due and records each event exactly once (a unique key in the same transaction).
 */
export interface ScheduledJob {
  name: string;
  description: string;
  /** How often to run, in milliseconds. */
  everyMs: number;
  /** Returns how many events (or rows) it recorded, for the log. */
  run: (ds: DataSource, now: Date) => Promise<number>;
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
  /** The read side of the module's records (read/graph.ts): their field resolvers are made from these. */
  graphs?: Graph<any>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  scopes: ScopeDefinition[];
  /**
   * Run as a federation subgraph (`@arbetsliv/core/federation`): the types other subgraphs
   * reference by key, and types of other modules this one adds fields to. The monolith ignores it.
   */
  federation?: SubgraphDeclaration;
  /** The event types the module records in its outbox (see events/event-type.ts). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events?: EventType<any>[];
  /** Scheduled jobs (run by the event runtime; see ScheduledJob). */
  jobs?: ScheduledJob[];
  /**
   * Summary rows kept on write (data/summary-projection.ts): the tables, each with the SELECT
   * that rebuilds it from the records, and per kind of record how one record contributes to them.
   * Services apply a change with `applySummaryChange(manager, projection, before, after)` in the
   * write's transaction; `rebuildSummaries(manager, module.summaries.tables)` recomputes them.
   */
  summaries?: SummaryDeclaration;
  /**
   * Loads the module's reference data (e.g. official tables) at every start, after the migrations
   * and before any demo seed. Must be idempotent and must not overwrite rows an administrator added
   * or changed (insert what is missing only).
   */
  referenceData?: (ds: DataSource) => Promise<void>;
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
