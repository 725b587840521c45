import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { DomainError, ErrorCode, ScalarValidationError } from "./errors";
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE } from "../data/database-unavailable";

export interface FormatErrorOptions {
  /** Called with every error that is masked, so it can be logged with the request id. */
  onInternalError?: (error: unknown) => void;
  /** Development only: keep stack traces. */
  includeStack?: boolean;
}

function argumentValidationMessage(err: ArgumentValidationError): { message: string; fields: string[] } {
  const fields: string[] = [];
  const parts: string[] = [];
  const walk = (errors: ArgumentValidationError["extensions"]["validationErrors"], prefix: string) => {
    for (const e of errors ?? []) {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      if (e.constraints) {
        fields.push(path);
        parts.push(`${path}: ${Object.values(e.constraints).join("; ")}`);
      }
      walk(e.children as typeof errors, path);
    }
  };
  walk(err.extensions.validationErrors, "");
  return { message: `Invalid input — ${parts.join(" | ")}`, fields };
}

/**
 * The input path graphql-js names in a variable's coercion error, as `extensions.field` gives it
 * elsewhere (`input.amounts.0.amount`): `Variable "$input" got invalid value … at "input.title"`,
 * `… at "input.items[0].x"`, or the variable itself (`Variable "$id" of required type "ID!" was
 * not provided.`). Undefined for any other message.
 */
function variableField(message: string): string | undefined {
  const variable = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)"/.exec(message);
  if (!variable) return undefined;
  const at = / got invalid value [\s\S]*? at "([^"]+)"; /.exec(message);
  return (at ? at[1] : variable[1]).replace(/\[(\d+)\]/g, ".$1");
}

/** The innermost error: graphql-js wraps scalar and resolver errors in GraphQLErrors. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/**
 * Turns any error into what a client may see: our DomainErrors and GraphQL's own
 * request errors pass; argument validation becomes BAD_USER_INPUT naming the fields;
 * everything else is masked as INTERNAL_SERVER_ERROR (no SQL, no stack).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions = {},
): GraphQLFormattedError {
  try {
    return formatAnyError(formatted, error, options);
  } catch (failure) {
    // Whatever the error holds (a getter that throws, a message that is not text …), the client
    // gets a masked answer and the failure is logged; a formatter that throws would be neither.
    try {
      options.onInternalError?.(failure);
    } catch {
      // the log must not take the answer down
    }
    return { message: MASKED_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}

const MASKED_MESSAGE = "Internal server error — the request was not completed; quote the request id to support";

/** Extensions a client sees: `http` only tells Apollo the status (errors thrown before execution). */
function clientExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

function formatAnyError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions,
): GraphQLFormattedError {
  const original = rootCause(error);
  const strip = (f: GraphQLFormattedError): GraphQLFormattedError => {
    if (options.includeStack || !f.extensions) return f;
    const { stacktrace: _s, ...extensions } = f.extensions as Record<string, unknown>;
    return { ...f, extensions };
  };

  if (original instanceof DomainError) {
    return strip({ ...formatted, message: original.message, extensions: clientExtensions({ ...original.extensions }) });
  }
  if (original instanceof ArgumentValidationError) {
    const { message, fields } = argumentValidationMessage(original);
    return strip({ ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
  }
  const field = variableField(formatted.message);
  if (original instanceof ScalarValidationError) {
    return strip({
      ...formatted,
      extensions: {
        ...formatted.extensions,
        code: ErrorCode.BAD_USER_INPUT,
        ...(field ? { field } : {}),
        scalar: original.scalar,
        rule: original.rule,
      },
    });
  }
  // Variable coercion errors ("Variable "$input" got invalid value … at "input.x"") name the field.
  if (!formatted.extensions?.code && field) {
    return strip({ ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT, field } });
  }
  // GraphQL's own request errors (syntax, validation, variable coercion, Apollo's
  // limits) carry no foreign original error and are the client's to fix.
  const thrownByCode = original instanceof Error && !(original instanceof GraphQLError);
  if (!thrownByCode && formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return strip(formatted);
  }
  options.onInternalError?.(error);
  // The database is down, frozen or timed out: retryable, answered with HTTP 503 by the gateway.
  if (isDatabaseUnavailable(original)) {
    return {
      message: "The database is not answering; retry in a few seconds",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: MASKED_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
