import { GraphQLError, parse, validate, type GraphQLSchema } from "graphql";
import { QUERY_LIMITS, securityValidationRules } from "@arbetsliv/core/execution";
import { swedishMessageOf } from "@arbetsliv/core";
import { GATEWAY_MESSAGES } from "./http/messages";

// The limits themselves are core's (execution/query-limits.ts), shared with the test kit.
export { QUERY_LIMITS, estimateOperations, securityValidationRules } from "@arbetsliv/core/execution";

export interface Refusal {
  status: number;
  /** `message` in English; `swedishMessage` when the refusal has a Swedish text (graphql-js's parse errors do not). */
  errors: { message: string; swedishMessage?: string; code: string }[];
}

// graphql-js 16 says "more that"; accept the corrected spelling too.
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] \d+ tokens/;

function refusal(code: string, message: { en: string; sv: string }): Refusal["errors"][number] {
  return { code, message: message.en, swedishMessage: message.sv };
}

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
        errors: [refusal("QUERY_TOO_LARGE", GATEWAY_MESSAGES.queryTooLarge(query.length, QUERY_LIMITS.maxQueryLength))],
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
          errors: [refusal("TOO_MANY_TOKENS", GATEWAY_MESSAGES.tooManyTokens(QUERY_LIMITS.maxTokens))],
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
          swedishMessage: swedishMessageOf(e),
          code: String(e.extensions?.code ?? "GRAPHQL_VALIDATION_FAILED"),
        })),
      };
    }
    if (accepted.size >= cacheSize) accepted.delete(accepted.keys().next().value as string);
    accepted.set(query, true);
    return null;
  };
}
