import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import type { ExecutionRuntime } from "@arbetsliv/core/execution";

/**
 * Hands Apollo core's compiled executor (@arbetsliv/core/execution, graphql-jit). Apollo still
 * parses, validates (with the runtime's rules), formats errors and writes the response.
 *
 * Apollo Server 5 takes a custom executor only through its `gateway` option; this is a gateway of
 * one fixed schema. Apollo keeps one DocumentNode per distinct query text in its bounded document
 * store, which is what the executor's compiled functions are kept by.
 */
export function compiledExecutionGateway(runtime: ExecutionRuntime): GatewayInterface {
  const executor: GatewayExecutor = (requestContext) =>
    runtime.executor.execute({
      document: requestContext.document,
      operation: requestContext.operation,
      requestedName: requestContext.request.operationName,
      variables: requestContext.request.variables,
      context: requestContext.context,
    });

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: runtime.schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async stop() {},
  };
}
