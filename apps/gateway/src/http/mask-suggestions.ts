import type { GraphQLFormattedError } from "graphql";

// graphql-js appends ` Did you mean "a", "b", or "c"?` (or `the enum value "X"?`) to a message;
// schema names never contain "?", so the suggestion ends at the first one.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Production: no error names what the schema has ("Did you mean …"), whichever way it was
 * reached — validation (fields, arguments, types, inline enum values and input fields) and
 * variable coercion (enum values and input fields in variables), which Apollo's
 * disable-suggestions plugin does not see because it only edits validation errors.
 */
export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.message.includes("Did you mean")) return error;
  return { ...error, message: error.message.replace(SUGGESTION, "") };
}
