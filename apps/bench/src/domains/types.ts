import type { Connection, Pool } from "mysql2/promise";
import type { DataSource } from "typeorm";
import type { Progress } from "../util/progress";
import type { BulkInserter, SqlValue } from "../seed/bulk-insert";

export type Scale = "small" | "medium" | "full";

export type OperationKind = "single" | "flat" | "nested" | "deep" | "stats";

/** What the floor knows about the request: the same variables and request id as the gateway. */
export interface FloorRequest {
  variables: Record<string, unknown>;
  requestId: string;
  actor: string;
}

/** Counts the statements a floor handler runs (the gateway's log counts its own). */
export interface FloorDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  execute(sql: string, params?: unknown[]): Promise<void>;
  statements: number;
}

/** Returns the `data` object, built in the order of the operation's selection set. */
export type FloorHandler = (db: FloorDb, req: FloorRequest) => Promise<unknown>;

export interface BenchOperation {
  /** Unique, e.g. "synpunkter.feedbackItems.nested"; also the floor's route. */
  name: string;
  domain: string;
  kind: OperationKind;
  /** One line for the report. */
  description: string;
  query: string;
  variables: Record<string, unknown>;
  scopes: string[];
  /** Rows in the main list (page size) or rows aggregated (statistics), for the report. */
  rows?: number;
  /**
   * Variables for the statement count at a small page (default: these variables with first: 10),
   * e.g. a page of 10 that holds what the page of 100 holds (a duplicate to follow).
   */
  smallPageVariables?: Record<string, unknown>;
}

export interface SeedContext {
  url: string;
  conn: Connection;
  /** Starts the progress bar of one domain (finishing the previous one); rows are an estimate. */
  progress(label: string, totalRows: number): void;
  /** A multi-row INSERT loader for one table; its rows count on the current progress bar. */
  inserter(table: string, columns: readonly string[]): BulkInserter;
  /**
   * The modules' TypeORM data source on the same database, for a package's own functions
   * (e.g. rebuilding its summary tables from the loaded records after a bulk load).
   */
  dataSource: DataSource;
  /** Seeded data ends on this date (the seeder's "today"), YYYY-MM-DD. */
  endDate: string;
}

export interface BenchDomain {
  /** The module name in the gateway's `modules` (a domain is benched only when registered). */
  module: string;
  /** Headline sizes per scale, e.g. { feedbackItems: 1_000_000 }. */
  sizes(scale: Scale): Record<string, number>;
  seed(ctx: SeedContext, sizes: Record<string, number>): Promise<void>;
  /** The operations, with variables chosen from the seeded data. */
  operations(conn: Connection | Pool, sizes: Record<string, number>, endDate: string): Promise<BenchOperation[]>;
  /** Floor handlers by operation name. */
  floor: Record<string, FloorHandler>;
  /** Statistics operations re-run over a smaller part of the data to show growth (variables per share). */
  growth?(
    conn: Connection | Pool,
    sizes: Record<string, number>,
    endDate: string,
  ): Promise<{ operation: string; share: string; rows: number; variables: Record<string, unknown> }[]>;
}

export type { SqlValue };
export type { Progress };
