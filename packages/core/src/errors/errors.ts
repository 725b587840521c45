import { GraphQLError } from "graphql";

/** Stable error codes a client can rely on (extensions.code). */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  /** An answer would hold more rows than its list may (a report over too long a period). */
  RESULT_TOO_LARGE: "RESULT_TOO_LARGE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A message in both languages the API answers in: English and Swedish, chosen per request by
 * `Accept-Language`. Codes, fields and rules are never translated.
 */
export interface Message {
  readonly en: string;
  readonly sv: string;
}

/** A message given in both languages, or in English only (Swedish then comes from the catalogue). */
export type MessageText = string | Message;

/** The English text of a message: what `error.message` holds. */
export function englishText(text: MessageText): string {
  return typeof text === "string" ? text : text.en;
}

/** The Swedish text of a message, when the thrower gave one. */
export function swedishText(text: MessageText): string | undefined {
  return typeof text === "string" ? undefined : text.sv;
}

/** Base of every error a client may see in clear. Anything else is masked by the gateway. */
export class DomainError extends GraphQLError {
  /** The Swedish message, when the thrower gave one (the answer's language is chosen later). */
  readonly swedishMessage: string | undefined;
  constructor(code: ErrorCode, message: MessageText, extra: Record<string, unknown> = {}) {
    super(englishText(message), { extensions: { code, ...extra } });
    this.swedishMessage = swedishText(message);
  }
}

/** Input broke a rule. `field` is the input path (e.g. "input.personnummer"), `rule` a short rule id. */
export class ValidationError extends DomainError {
  constructor(
    readonly field: string,
    readonly rule: string,
    detail: MessageText,
  ) {
    const sv = swedishText(detail);
    super(
      ErrorCode.BAD_USER_INPUT,
      sv === undefined
        ? `${field}: ${englishText(detail)}`
        : { en: `${field}: ${englishText(detail)}`, sv: `${field}: ${sv}` },
      { field, rule },
    );
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string | number) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} was not found`, { entity });
  }
}

export class ConflictError extends DomainError {
  constructor(message: MessageText, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Sign in: send a valid bearer token in the Authorization header") {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(requiredScopes: readonly string[]) {
    super(ErrorCode.FORBIDDEN, `This operation needs one of the scopes: ${requiredScopes.join(", ")}`, {
      requiredScopes,
    });
  }
}

/** Thrown when a scalar cannot parse a value; graphql-js attaches it as originalError. */
export class ScalarValidationError extends TypeError {
  constructor(
    readonly scalar: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/** Optimistic-lock check: the caller edited an old version of the record. */
export function assertVersion(entity: string, id: string | number, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new ConflictError(
      `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
      { entity, currentVersion: actual },
    );
  }
}
