import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { DomainError, ErrorCode, ScalarValidationError, messageIn, swedishMessageOf, type Language } from "./errors";
import { swedishConstraint } from "./constraint-messages";
import { isDatabaseUnavailable, SERVICE_UNAVAILABLE } from "../data/database-unavailable";

export interface FormatErrorOptions {
  /** Called with every error that is masked, so it can be logged with the request id. */
  onInternalError?: (error: unknown) => void;
  /** Development only: keep stack traces. */
  includeStack?: boolean;
  /**
   * The language of the answer's messages (the request's `Accept-Language`, negotiated by the
   * gateway); English by default. Codes, `field`, `fields` and `rule` are the same in both.
   * graphql-js's own syntax and validation errors stay English: they are for developers.
   */
  language?: Language;
}

function argumentValidationMessage(
  err: ArgumentValidationError,
  language: Language,
): { message: string; fields: string[] } {
  const fields: string[] = [];
  const parts: string[] = [];
  const walk = (errors: ArgumentValidationError["extensions"]["validationErrors"], prefix: string) => {
    for (const e of errors ?? []) {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      if (e.constraints) {
        fields.push(path);
        const texts =
          language === "sv"
            ? Object.entries(e.constraints).map(([constraint, english]) => swedishConstraint(constraint, english))
            : Object.values(e.constraints);
        parts.push(`${path}: ${texts.join("; ")}`);
      }
      walk(e.children as typeof errors, path);
    }
  };
  walk(err.extensions.validationErrors, "");
  return { message: `${language === "sv" ? "Ogiltig indata" : "Invalid input"} — ${parts.join(" | ")}`, fields };
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
    return { message: MASKED_MESSAGE[options.language ?? "en"], extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
}

const MASKED_MESSAGE: Record<Language, string> = {
  en: "Internal server error — the request was not completed; quote the request id to support",
  sv: "Internt serverfel – begäran slutfördes inte; ange begärans id (request id) för supporten",
};

const UNAVAILABLE_MESSAGE: Record<Language, string> = {
  en: "The database is not answering; retry in a few seconds",
  sv: "Databasen svarar inte; försök igen om några sekunder",
};

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
  const language = options.language ?? "en";
  const strip = (f: GraphQLFormattedError): GraphQLFormattedError => {
    if (options.includeStack || !f.extensions) return f;
    const { stacktrace: _s, ...extensions } = f.extensions as Record<string, unknown>;
    return { ...f, extensions };
  };

  if (original instanceof DomainError) {
    return strip({
      ...formatted,
      message: messageIn(original, language),
      extensions: clientExtensions({ ...original.extensions }),
    });
  }
  if (original instanceof ArgumentValidationError) {
    const { message, fields } = argumentValidationMessage(original, language);
    return strip({ ...formatted, message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
  }
  const field = variableField(formatted.message);
  if (original instanceof ScalarValidationError) {
    // graphql-js puts its own English words before the scalar's message; in Swedish the field and the scalar's text.
    const swedish = language === "sv" ? original.swedishMessage : undefined;
    return strip({
      ...formatted,
      ...(swedish === undefined ? {} : { message: field ? `${field}: ${swedish}` : swedish }),
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
    // Our own request errors (query limits, the deadline) carry a Swedish text; graphql-js's do not.
    const swedish = language === "sv" ? swedishMessageOf(original) : undefined;
    if (swedish !== undefined && formatted.message === (original as GraphQLError).message)
      return strip({ ...formatted, message: swedish });
    return strip(formatted);
  }
  options.onInternalError?.(error);
  // The database is down, frozen or timed out: retryable, answered with HTTP 503 by the gateway.
  if (isDatabaseUnavailable(original)) {
    return {
      message: UNAVAILABLE_MESSAGE[language],
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: SERVICE_UNAVAILABLE },
    };
  }
  return {
    message: MASKED_MESSAGE[language],
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
