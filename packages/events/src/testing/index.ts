// Helpers for tests (and the benchmark) that talk to a real NATS server: `@arbetsliv/events/testing`.
export * from "./nats-namespace";
