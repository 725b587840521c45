import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { checkOperationInput } from "@arbetsliv/core";

/**
 * Checks every argument of an operation once it is parsed and validated, before it executes
 * (core's checkOperationInput: well-formed Unicode in every string, a valid id in every ID), and
 * refuses the request with HTTP 400 BAD_USER_INPUT naming the argument path.
 */
export function inputChecksPlugin<Context extends object>(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const problem = checkOperationInput(schema, document, operationName, request.variables);
          if (problem) {
            (problem.extensions as Record<string, unknown>).http = { status: 400 };
            throw problem;
          }
        },
      };
    },
  };
}
