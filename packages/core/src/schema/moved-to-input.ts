import { ValidationError } from "../errors/errors";

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
