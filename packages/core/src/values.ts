// `@arbetsliv/core/values`: Swedish value types and input shapes — money, identity numbers,
// local dates, input bounds. They change with Swedish rules, not with the kernel.
import "reflect-metadata";

export * from "./scalars/money";
export * from "./scalars/identity-numbers";
export * from "./scalars/identity-scalars";
export * from "./scalars/local-date";
export * from "./scalars/input-bounds";
export * from "./scalars/well-formed-input";
