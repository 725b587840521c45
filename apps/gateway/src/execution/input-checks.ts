import type { ApolloServerPlugin } from "@apollo/server";
import type { ExecutionRuntime } from "@arbetsliv/core/execution";

/**
 * Checks every argument of an operation once it is parsed and validated, before it executes
 * (the runtime's checkInput: well-formed Unicode in every string, a valid id in every ID), and
 * refuses the request with HTTP 400 BAD_USER_INPUT naming the argument path.
 */
export function inputChecksPlugin<Context extends object>(runtime: ExecutionRuntime): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const problem = runtime.checkInput(document, operationName, request.variables);
          if (problem) {
            (problem.extensions as Record<string, unknown>).http = { status: 400 };
            throw problem;
          }
        },
      };
    },
  };
}
