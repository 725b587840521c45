import { GraphQLError } from "graphql";
import type { Language } from "./language";

export * from "./language";

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

/** A message given in both languages, or in English only (then answered in English in both). */
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
    super(
      ErrorCode.NOT_FOUND,
      { en: `${entity} ${id} was not found`, sv: `${entity} ${id} hittades inte` },
      { entity },
    );
  }
}

export class ConflictError extends DomainError {
  constructor(message: MessageText, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: MessageText = SIGN_IN) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

const SIGN_IN: Message = {
  en: "Sign in: send a valid bearer token in the Authorization header",
  sv: "Logga in: skicka en giltig bearer-token i Authorization-huvudet",
};

export class ForbiddenError extends DomainError {
  constructor(requiredScopes: readonly string[]) {
    const scopes = requiredScopes.join(", ");
    super(
      ErrorCode.FORBIDDEN,
      {
        en: `This operation needs one of the scopes: ${scopes}`,
        sv: `Den här operationen kräver något av behörighetsomfången (scopes): ${scopes}`,
      },
      { requiredScopes },
    );
  }
}

/** Thrown when a scalar cannot parse a value; graphql-js attaches it as originalError. */
export class ScalarValidationError extends TypeError {
  /** The Swedish message, when the scalar gave one. */
  readonly swedishMessage: string | undefined;
  constructor(
    readonly scalar: string,
    readonly rule: string,
    message: MessageText,
  ) {
    super(englishText(message));
    this.swedishMessage = swedishText(message);
  }
}

/**
 * A GraphQL error outside DomainError's codes (a request limit, a refusal before execution) with
 * its Swedish text beside the English one; core's formatError answers it in the request's language.
 */
export class LocalizedGraphQLError extends GraphQLError {
  readonly swedishMessage: string;
  constructor(code: string, message: Message, extensions: Record<string, unknown> = {}) {
    super(message.en, { extensions: { code, ...extensions } });
    this.swedishMessage = message.sv;
  }
}

/** The Swedish text an error carries (DomainError, ScalarValidationError, LocalizedGraphQLError …), if any. */
export function swedishMessageOf(error: unknown): string | undefined {
  const sv = (error as { swedishMessage?: unknown } | null | undefined)?.swedishMessage;
  return typeof sv === "string" ? sv : undefined;
}

/** An error's message in `language` (English when it has no Swedish text). */
export function messageIn(error: { message: string }, language: Language): string {
  return language === "sv" ? (swedishMessageOf(error) ?? error.message) : error.message;
}

/** Optimistic-lock check: the caller edited an old version of the record. */
export function assertVersion(entity: string, id: string | number, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new ConflictError(
      {
        en: `${entity} ${id} was changed by someone else (your version ${expected}, current ${actual}); reload and try again`,
        sv: `${entity} ${id} har ändrats av någon annan (din version ${expected}, aktuell ${actual}); läs in på nytt och försök igen`,
      },
      { entity, currentVersion: actual },
    );
  }
}
