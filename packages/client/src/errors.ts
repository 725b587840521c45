/**
 * The stable `extensions.code` values of the gateway (root README, "Errors"). A string outside
 * this list is still passed through: a newer gateway may add codes.
 */
export type GatewayErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RESULT_TOO_LARGE"
  | "QUERY_TOO_COSTLY"
  | "QUERY_TOO_DEEP"
  | "TOO_MANY_ALIASES"
  | "RESPONSE_TOO_LARGE"
  | "OPERATION_RESOLUTION_FAILURE"
  | "GRAPHQL_VALIDATION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "SERVICE_UNAVAILABLE"
  | "REQUEST_TIMEOUT"
  | "STARTING"
  | "SHUTTING_DOWN"
  | "INTERNAL_SERVER_ERROR"
  /** A gateway with trusted documents: the documentId is not in its list (deploy the manifest first). */
  | "PERSISTED_DOCUMENT_NOT_FOUND"
  /** A gateway with trusted documents: the query text is not in its list (send `documentId: true`). */
  | "OPERATION_NOT_TRUSTED"
  /** A gateway without trusted documents was sent a documentId. */
  | "PERSISTED_DOCUMENT_NOT_SUPPORTED"
  /** Set by this client: the answer had no code (e.g. a proxy's HTML error page). */
  | "UNKNOWN"
  | (string & {});

/** One entry of a response's `errors`, as the gateway sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: {
    code?: GatewayErrorCode;
    /** BAD_USER_INPUT: the input path at fault, e.g. "input.personnummer". */
    field?: string;
    /** BAD_USER_INPUT: the rule broken, e.g. "format", "luhn", "range". */
    rule?: string;
    [key: string]: unknown;
  };
}

/** A request that came back with GraphQL errors (or without a GraphQL answer at all). */
export class GraphQLRequestError extends Error {
  /** `extensions.code` of the first error; "UNKNOWN" when the gateway gave none. */
  readonly code: GatewayErrorCode;
  /** `extensions.field` of the first error that names one. */
  readonly field: string | undefined;
  /** `extensions.rule` of the first error that names one. */
  readonly rule: string | undefined;

  constructor(
    /** Every error of the response. */
    readonly errors: readonly GraphQLErrorEntry[],
    /** The HTTP status (200 for most GraphQL errors). */
    readonly status: number,
    /** The gateway's x-request-id, to quote to support. */
    readonly requestId?: string,
  ) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "GraphQLRequestError";
    const first = errors[0]?.extensions;
    this.code = first?.code ?? "UNKNOWN";
    const withField = errors.find((e) => fieldOf(e) !== undefined) ?? errors[0];
    this.field = withField ? fieldOf(withField) : undefined;
    this.rule = withField?.extensions?.rule;
  }
}

// graphql-js names the input path of a variable it could not coerce only in the message:
// 'Variable "$input" got invalid value "2026-02-30" at "input.receivedDate"; Expected type "Date". …'
const VARIABLE_PATH = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value .*? at "([^"]+)"; /s;
const WHOLE_VARIABLE = /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" got invalid value /;

/**
 * The input path at fault: `extensions.field` when the gateway gives it (domain rules), else the
 * path graphql-js names in a variable error (a scalar such as Date, Money or Personnummer refused
 * a value), in the same form: "input.receivedDate", or "id" for a whole variable.
 */
function fieldOf(error: GraphQLErrorEntry): string | undefined {
  if (typeof error.extensions?.field === "string") return error.extensions.field;
  const inVariable = VARIABLE_PATH.exec(error.message);
  if (inVariable) return inVariable[2];
  return WHOLE_VARIABLE.exec(error.message)?.[1];
}
