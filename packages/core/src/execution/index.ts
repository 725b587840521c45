// `@arbetsliv/core/execution`: what executes an operation, shared by the gateway and the test kit
// (TestApp), so domain tests run the production path.
export {
  createExecutionRuntime,
  prepareExecutionSchema,
  type ExecutionRuntime,
  type ExecutionRuntimeOptions,
} from "./runtime";
export {
  createCompiledExecutor,
  operationNotChosen,
  subscriptionOverHttp,
  type CompiledExecutor,
  type ResolvedOperation,
} from "./compiled-executor";
export { runOperation, type ErrorFormatter, type OperationRequest, type OperationResult } from "./run-operation";
export { ValidDocuments } from "./valid-documents";
export { QUERY_LIMITS, estimateOperations, securityValidationRules } from "./query-limits";
export { useSyncFieldResolvers } from "./sync-field-resolvers";
export { enforceListBounds } from "./list-bounds";
export { inputDefaultsFiller } from "./input-defaults";
