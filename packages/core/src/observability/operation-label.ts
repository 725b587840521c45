/**
 * The `operation` label of request metrics and the name of a request's server span: the GraphQL
 * operation name the client sent, kept only when it is a plain GraphQL name. The name is the only
 * client-chosen text that becomes a label, so it is bounded three ways:
 *
 * - shape: a GraphQL name (`[_A-Za-z][_0-9A-Za-z]*`) of at most MAX_OPERATION_NAME characters,
 *   with no run of 6 or more digits (nothing that could hold an identity number or a case id);
 * - count: at most `limit` distinct names per process; later new names share OTHER_OPERATION;
 * - no name, a malformed one or an anonymous operation: UNKNOWN_OPERATION.
 *
 * With TRUSTED_DOCUMENTS the names come from the manifests, so the count never reaches the limit.
 */
export const UNKNOWN_OPERATION = "(unknown)";
export const OTHER_OPERATION = "(other)";
export const MAX_OPERATION_NAME = 64;
export const DEFAULT_OPERATION_LIMIT = 200;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const DIGIT_RUN = /\d{6}/;

/** Whether `name` may be a label value as it is (shape only; the count is OperationLabels' job). */
export function isLabelSafeOperationName(name: unknown): name is string {
  return (
    typeof name === "string" && name.length <= MAX_OPERATION_NAME && GRAPHQL_NAME.test(name) && !DIGIT_RUN.test(name)
  );
}

/**
 * Maps client-sent operation names to label values and keeps what was made for each label
 * (`make`, e.g. a metric's pre-created children) so the hot path is one Map lookup.
 */
export class OperationLabels<T> {
  private readonly byName = new Map<string, T>();
  private unknown: T | undefined;
  private other: T | undefined;

  constructor(
    private readonly make: (label: string) => T,
    private readonly limit = DEFAULT_OPERATION_LIMIT,
  ) {}

  /** What was made for the label of `name` (made now on its first use). */
  of(name: unknown): T {
    if (typeof name === "string") {
      const known = this.byName.get(name);
      if (known !== undefined) return known;
      if (isLabelSafeOperationName(name)) {
        if (this.byName.size >= this.limit) return (this.other ??= this.make(OTHER_OPERATION));
        const made = this.make(name);
        this.byName.set(name, made);
        return made;
      }
    }
    return (this.unknown ??= this.make(UNKNOWN_OPERATION));
  }

  /** Everything made so far (for a scrape): each kept name's, then OTHER_OPERATION's and UNKNOWN_OPERATION's. */
  all(): T[] {
    const made = [...this.byName.values()];
    if (this.other !== undefined) made.push(this.other);
    if (this.unknown !== undefined) made.push(this.unknown);
    return made;
  }

  /** Distinct names kept (tests). */
  get size(): number {
    return this.byName.size;
  }
}

/** The label value for `name` without keeping anything (span names, where nothing is cached). */
export function operationLabel(name: unknown): string {
  return isLabelSafeOperationName(name) ? name : UNKNOWN_OPERATION;
}
