import type { DocumentNode, GraphQLError, GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import type { AuthChecker } from "type-graphql";
import { checkOperationInput } from "../scalars/well-formed-input";
import { createCompiledExecutor, type CompiledExecutor } from "./compiled-executor";
import { enforceListBounds } from "./list-bounds";
import { QUERY_LIMITS, securityValidationRules } from "./query-limits";
import { useSyncFieldResolvers } from "./sync-field-resolvers";

/**
 * What executes an operation, the same in the gateway and in the test kit: the schema prepared for
 * execution, the rules documents are validated with, the input check, and the compiled executor.
 */
export interface ExecutionRuntime {
  readonly schema: GraphQLSchema;
  /** Validation rules on top of graphql's specified rules (the query limits). */
  readonly validationRules: readonly ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly executor: CompiledExecutor;
  /**
   * Every argument of the operation checked once it is validated, before it executes (core's
   * checkOperationInput: well-formed Unicode, valid ids); a BAD_USER_INPUT error or null.
   */
  checkInput(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | null;
}

export interface ExecutionRuntimeOptions {
  /** The auth checker the schema was built with (core's scopeAuthChecker), for the synchronous plain fields. */
  authChecker: AuthChecker<any, string>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Prepares a schema type-graphql just built (core's buildModuleSchema) for execution and returns
 * its runtime. Changes the schema's resolvers in place, in this order:
 * 1. plain fields resolve synchronously (sync-field-resolvers.ts, decided from type-graphql's metadata);
 * 2. list bounds are enforced at runtime (list-bounds.ts wraps whatever resolver a field has then).
 */
export function createExecutionRuntime(schema: GraphQLSchema, options: ExecutionRuntimeOptions): ExecutionRuntime {
  prepareExecutionSchema(schema, options);
  return {
    schema,
    validationRules: securityValidationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    executor: createCompiledExecutor(schema),
    checkInput: (document, operationName, variables) => checkOperationInput(schema, document, operationName, variables),
  };
}

const prepared = new WeakSet<GraphQLSchema>();

/** The two resolver passes, once per schema (a second list-bounds pass would check every list twice). */
export function prepareExecutionSchema(schema: GraphQLSchema, { authChecker }: ExecutionRuntimeOptions): void {
  if (prepared.has(schema)) return;
  prepared.add(schema);
  // Plain and @Authorized property fields resolve synchronously (same checks).
  useSyncFieldResolvers(schema, authChecker);
  // A list longer than its declared bound or `first` fails rather than outgrow the cost estimate.
  enforceListBounds(schema);
}
