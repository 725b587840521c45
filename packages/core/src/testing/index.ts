export { createTestDatabase, type TestDatabase } from "./test-database";
export { TestApp, testDatabaseKind, type CallOptions, type TestResult } from "./test-app";
export { countStatements } from "../data/statement-counter";
export { makePersonnummer } from "./personnummer";
export { recoverBySubtraction, type PublishedTable } from "../statistics/attack";
