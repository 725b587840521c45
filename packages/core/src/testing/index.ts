// `@arbetsliv/core/testing`: development tools — the test kit, seeding (deterministic random,
// valid personnummer) and database administration. Demo seeds use it too.
import "reflect-metadata";

export { createTestDatabase, type TestDatabase } from "./test-database";
export { TestApp, testDatabaseKind, type CallOptions, type TestResult } from "./test-app";
export { countStatements } from "../data/statement-counter";
export { makePersonnummer } from "./personnummer";
export { SeededRandom } from "../data/seeded-random";
export * from "../data/mysql-admin";
export { recoverBySubtraction, type PublishedTable } from "../statistics/attack";
export { summariesAgainstRebuild, summaryRows, type SummaryRows } from "../data/summary-check";
