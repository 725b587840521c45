import "reflect-metadata";

// `@arbetsliv/core`: the kernel — what every domain module is written against and changes
// only when the module contract does. Swedish value types, data access, the read layer and
// development tools are separate entry points (see package.json "exports").

// Module contract and context
export * from "./module/domain-module";
export * from "./core-module";
export * from "./context";
// Errors
export * from "./errors/errors";
export * from "./errors/format-error";
export * from "./errors/validate-input";
// Auth
export * from "./auth/principal";
export * from "./auth/jwt";
export * from "./auth/token-policy";
export * from "./auth/authorization";
// Access log
export * from "./audit/access-log-entry.entity";
export * from "./audit/access-log";
export * from "./audit/access-log.resolver";
// Events: outbox, catalogue, idempotency
export * from "./events/event-type";
export * from "./events/outbox-event.entity";
export * from "./events/record-event";
export * from "./events/catalogue";
export * from "./events/idempotency-key.entity";
export * from "./events/idempotency";
// Statistics disclosure control
export * from "./statistics/suppression";
export * from "./statistics/disclosure";
// Retention
export * from "./retention/retention";
export * from "./retention/deletion-log-entry.entity";
// Schema building and pagination
export * from "./schema/build-schema";
export * from "./schema/list-bounds";
export * from "./schema/moved-to-input";
export * from "./pagination/pagination";
