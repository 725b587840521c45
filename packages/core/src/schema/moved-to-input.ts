import { ValidationError } from "../errors/errors";
import { versionArg } from "../scalars/input-bounds";

/**
 * The date after which arguments that moved into a mutation's `input` may be removed (the
 * deprecation policy in CHANGELOG.md: at least six months after the move reached main).
 */
export const MOVED_ARGUMENT_REMOVAL_DATE = "2027-06-30";

/** The `@deprecated` reason of a top-level argument that moved to `input.<name>`. */
export function movedToInput(name: string): string {
  return `Give input.${name} instead. Removed after ${MOVED_ARGUMENT_REMOVAL_DATE}.`;
}

/**
 * The `@Arg` options of a top-level argument that moved to `input.<name>`: optional (the client may
 * give `input.<name>` instead) and deprecated. `description` is the argument's whole description.
 */
export function movedArgOptions(name: string, description: string) {
  return { nullable: true, deprecationReason: movedToInput(name), description } as const;
}

/** The same for a moved `expectedVersion`, keeping the range check every version argument has. */
export function movedVersionArgOptions(description: string) {
  return { ...movedArgOptions("expectedVersion", description), ...versionArg() };
}

/**
 * One `input` per mutation: the value of `input.<name>`, or of the deprecated top-level argument
 * it moved from (`oldName` when it was called otherwise, e.g. `roundId` → `input.id`). Both given
 * and different is refused (which to believe is not ours to guess).
 */
export function movedArgument<T>(
  name: string,
  inInput: T | null | undefined,
  argument: T | null | undefined,
  oldName: string = name,
): T | undefined {
  const given = inInput ?? undefined;
  const old = argument ?? undefined;
  if (given !== undefined && old !== undefined && given !== old) {
    throw new ValidationError(`input.${name}`, "conflict", {
      en: `was also given as the deprecated argument ${oldName} with another value; give input.${name} only`,
      sv: `angavs också som det utfasade argumentet ${oldName} med ett annat värde; ange bara input.${name}`,
    });
  }
  return given ?? old;
}

/** As `movedArgument`, for a value the mutation cannot do without: missing is refused on `input.<name>`. */
export function requiredMovedArgument<T>(
  name: string,
  inInput: T | null | undefined,
  argument: T | null | undefined,
  oldName: string = name,
): T {
  const value = movedArgument(name, inInput, argument, oldName);
  if (value === undefined) {
    throw new ValidationError(`input.${name}`, "required", { en: "is required", sv: "måste anges" });
  }
  return value;
}

/**
 * A moved value and the path the client gave it at, for errors found later (a malformed id, a
 * record not found): `input.<name>` for the new form, the deprecated argument's name for the old
 * one — so old clients keep the answers they had.
 */
export interface Moved<T> {
  readonly value: T;
  readonly field: string;
}

/**
 * Where a moved value was given: `input.<name>`, or the deprecated argument when only that was
 * given. A value given nowhere is named as the call's form names it (`inputForm`: the call uses `input`).
 */
function givenAt(name: string, inInput: unknown, argument: unknown, oldName: string, inputForm: boolean): string {
  if (inInput != null) return `input.${name}`;
  return argument != null || !inputForm ? oldName : `input.${name}`;
}

/** `requiredMovedArgument`, remembering where the client gave the value. */
export function requiredMoved<T>(
  name: string,
  inInput: T | null | undefined,
  argument: T | null | undefined,
  oldName: string = name,
): Moved<T> {
  return {
    value: requiredMovedArgument(name, inInput, argument, oldName),
    field: givenAt(name, inInput, argument, oldName, true),
  };
}

/**
 * `movedArgument` (an optional value, e.g. a step's date or the id of a record to add or change),
 * remembering where the client gave it; `inputForm`: whether the call uses `input`.
 */
export function optionalMoved<T>(
  name: string,
  inInput: T | null | undefined,
  argument: T | null | undefined,
  options: { inputForm: boolean; oldName?: string },
): Moved<T | undefined> {
  const oldName = options.oldName ?? name;
  return {
    value: movedArgument(name, inInput, argument, oldName),
    field: givenAt(name, inInput, argument, oldName, options.inputForm),
  };
}
