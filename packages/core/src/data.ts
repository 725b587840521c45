// `@arbetsliv/core/data`: data access — sources, statement counting, request deadlines,
// transactions, row helpers, summaries and migration tools. Changes with the databases we run on.
import "reflect-metadata";

export * from "./data/data-source";
export * from "./data/statement-counter";
export * from "./data/read-replicas";
export * from "./data/request-deadline";
export * from "./data/database-unavailable";
export * from "./data/transaction";
export * from "./data/versioned-update";
export * from "./data/ids";
export * from "./data/row-lock";
export * from "./data/chunks";
export * from "./data/summary-rows";
export * from "./data/summary-projection";
export * from "./data/entity-rows";
export * from "./data/first-per-key";
export * from "./data/sql-dialect";
export * from "./data/migration-tools";
export * from "./data/query-page";
