import "reflect-metadata";

export * from "./events-module";
export * from "./scopes";
export * from "./event-log";
export * from "./cloud-event";
export * from "./receivers";
export * from "./subjects";
export * from "./catalogue-registry";
export * from "./relay";
export * from "./webhooks";
export * from "./feed";
