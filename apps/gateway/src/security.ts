import { GraphQLError, parse, validate, type GraphQLSchema } from "graphql";
import { QUERY_LIMITS, securityValidationRules } from "@arbetsliv/core/execution";

// The limits themselves are core's (execution/query-limits.ts), shared with the test kit.
export { QUERY_LIMITS, estimateOperations, securityValidationRules } from "@arbetsliv/core/execution";

export interface Refusal {
  status: number;
  errors: { message: string; code: string }[];
}

// graphql-js 16 says "more that"; accept the corrected spelling too.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

/**
 * The limits above, checked on the raw request before Apollo sees it: length before parsing,
 * tokens while parsing, then only the cheap security rules — so an abusive document is refused
 * before graphql-js's own (quadratic in the worst case) validation and long before execution.
 * Apollo runs the same rules again (defence in depth). Accepted documents are remembered.
 */
export function createRequestGuard(schema: GraphQLSchema, cacheSize = 500): (query: unknown) => Refusal | null {
  const accepted = new Map<string, true>();
  return (query) => {
    if (typeof query !== "string") return null; // Apollo answers a missing or malformed query itself
    if (accepted.has(query)) return null;
    if (query.length > QUERY_LIMITS.maxQueryLength) {
      return {
        status: 400,
        errors: [
          {
            code: "QUERY_TOO_LARGE",
            message: `The query document has ${query.length} characters; the maximum is ${QUERY_LIMITS.maxQueryLength}`,
          },
        ],
      };
    }
    let document;
    try {
      document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
    } catch (e) {
      const message = e instanceof GraphQLError ? e.message : "The query could not be parsed";
      if (TOKEN_LIMIT_MESSAGE.test(message)) {
        return {
          status: 400,
          errors: [{ code: "TOO_MANY_TOKENS", message: `The query has more than ${QUERY_LIMITS.maxTokens} tokens` }],
        };
      }
      return { status: 400, errors: [{ code: "GRAPHQL_PARSE_FAILED", message }] };
    }
    const errors = validate(schema, document, securityValidationRules);
    if (errors.length) {
      return {
        status: 400,
        errors: errors.map((e) => ({
          message: e.message,
          code: String(e.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED"),
        })),
      };
    }
    if (accepted.size >= cacheSize) accepted.delete(accepted.keys().next().value as string);
    accepted.set(query, true);
    return null;
  };
}
