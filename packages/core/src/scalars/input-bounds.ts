import { GraphQLFloat, GraphQLInt } from "graphql";
import { Max, Min, getMetadataStorage as validationMetadata } from "class-validator";
import { getMetadataStorage } from "type-graphql";
import { ValidationError } from "../errors/errors";
import { MoneyScalar, oreToKronor, type Ore } from "./money";

/**
 * Every number a client sends has a range the domain allows: input fields carry class-validator
 * `@Min`/`@Max` (through `@Range`/`@MoneyRange`), plain arguments a `validateFn` from
 * `rangeArg`/`moneyArg`. `assertBoundedInputs` (run by buildModuleSchema) fails the schema build
 * when a number or money input has no range, or a nested input is not validated — so an
 * unbounded number cannot be added.
 */

/** The largest GraphQL Int (and INT column). */
export const MAX_INT = 2_147_483_647;
/** Version numbers (optimistic locking) start at 1 and only grow. */
export const VERSION_RANGE = [1, MAX_INT] as const;
/** Years a record can mean (the Date scalar's years). */
export const YEAR_RANGE = [1850, 2199] as const;

const kr = (ore: Ore) => `${oreToKronor(ore)} kr`;

/** Inclusive range of an Int or Float input field; `each` for a list of numbers. */
export function Range(min: number, max: number, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Min(min, { each: options.each, message: `$property must be at least ${min}` })(target, key as string);
    Max(max, { each: options.each, message: `$property must be at most ${max}` })(target, key as string);
  };
}

/** Inclusive range of a Money input field, in öre (the scalar's value); messages say kronor. */
export function MoneyRange(minOre: Ore, maxOre: Ore, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Min(minOre, { each: options.each, message: `$property must be at least ${kr(minOre)}` })(target, key as string);
    Max(maxOre, { each: options.each, message: `$property must be at most ${kr(maxOre)}` })(target, key as string);
  };
}

type ArgValidator = (value: unknown) => void;
const boundedArgValidators = new WeakSet<ArgValidator>();

function argValidator(
  field: string,
  min: number,
  max: number,
  show: (n: number) => string,
): { validateFn: ArgValidator } {
  const validateFn: ArgValidator = (value) => {
    if (value === null || value === undefined) return;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
      throw new ValidationError(field, "range", {
        en: `must be between ${show(min)} and ${show(max)}`,
        sv: `måste vara mellan ${show(min)} och ${show(max)}`,
      });
    }
  };
  boundedArgValidators.add(validateFn);
  return { validateFn };
}

/** `@Arg("year", () => Int, rangeArg("year", 1850, 2199))`: BAD_USER_INPUT naming the argument outside the range. */
export function rangeArg(field: string, min: number, max: number): { validateFn: ArgValidator } {
  return argValidator(field, min, max, String);
}

/** The same for a Money argument (bounds in öre). */
export function moneyArg(field: string, minOre: Ore, maxOre: Ore): { validateFn: ArgValidator } {
  return argValidator(field, minOre, maxOre, kr);
}

/** Options of an `expectedVersion` argument. */
export const versionArg = () => rangeArg("expectedVersion", ...VERSION_RANGE);

/** A decorated class, as type-graphql and class-validator key their metadata. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassTarget = Function;

const isNumberType = (t: unknown) => t === GraphQLInt || t === GraphQLFloat || t === MoneyScalar;

function hasRange(target: ClassTarget, property: string): boolean {
  const names = new Set<string>();
  for (
    let t: ClassTarget | null = target;
    t && t !== Function.prototype;
    t = Object.getPrototypeOf(t) as ClassTarget | null
  ) {
    for (const m of validationMetadata().getTargetValidationMetadatas(t, "", true, false)) {
      if (m.propertyName === property && m.name) names.add(m.name);
    }
  }
  return names.has("min") && names.has("max");
}

function hasValidateNested(target: ClassTarget, property: string): boolean {
  for (
    let t: ClassTarget | null = target;
    t && t !== Function.prototype;
    t = Object.getPrototypeOf(t) as ClassTarget | null
  ) {
    if (
      validationMetadata()
        .getTargetValidationMetadatas(t, "", true, false)
        .some((m) => m.propertyName === property && m.type === "nestedValidation")
    )
      return true;
  }
  return false;
}

/**
 * Lists the number and money inputs of these resolvers that have no range, and the nested
 * input objects that class-validator would skip (no `@ValidateNested`); throws naming them.
 * Run after the schema is built (type-graphql's metadata is complete then).
 */
export function assertBoundedInputs(resolvers: readonly ClassTarget[]): void {
  const storage = getMetadataStorage();
  const classes = new Set(resolvers);
  const missing: string[] = [];
  const seen = new Set<ClassTarget>();
  const inputClass = (t: unknown) =>
    storage.inputTypes.find((c) => c.target === t) ?? storage.argumentTypes.find((c) => c.target === t);

  // type-graphql keeps each class's own fields; the schema gives a subclass its superclasses' too
  // (the subclass's own winning by name), so the check walks the same chain.
  const ownFields = (t: unknown) => inputClass(t)?.fields ?? [];
  const fieldsOf = (target: ClassTarget) => {
    const byName = new Map<string, ReturnType<typeof ownFields>[number]>();
    for (
      let t: ClassTarget | null = target;
      t && t !== Function.prototype;
      t = Object.getPrototypeOf(t) as ClassTarget | null
    ) {
      for (const field of ownFields(t)) if (!byName.has(field.name)) byName.set(field.name, field);
    }
    return [...byName.values()];
  };

  const walkClass = (target: ClassTarget, label: string) => {
    if (seen.has(target)) return;
    seen.add(target);
    for (const field of fieldsOf(target)) {
      const type = field.getType();
      const where = `${label}.${field.name}`;
      if (isNumberType(type)) {
        if (!hasRange(field.target, field.name)) missing.push(`${where} has no range (@Range / @MoneyRange)`);
      } else if (typeof type === "function" && inputClass(type)) {
        if (!hasValidateNested(field.target, field.name))
          missing.push(`${where} is a nested input without @ValidateNested`);
        walkClass(type as ClassTarget, (inputClass(type)!.name as string) ?? type.name);
      }
    }
  };

  const operations = [...storage.queries, ...storage.mutations, ...storage.fieldResolvers].filter((op) =>
    classes.has(op.target),
  );
  for (const op of operations) {
    for (const param of op.params ?? []) {
      if (param.kind !== "arg" && param.kind !== "args") continue;
      const type = param.getType();
      const where = `${op.target.name}.${op.methodName}(${param.kind === "arg" ? param.name : "args"})`;
      if (param.kind === "arg" && isNumberType(type)) {
        if (!param.validateFn || !boundedArgValidators.has(param.validateFn as ArgValidator))
          missing.push(`${where} has no range (rangeArg / moneyArg)`);
      } else if (typeof type === "function" && inputClass(type)) {
        walkClass(type as ClassTarget, inputClass(type)!.name);
      }
    }
  }
  if (missing.length)
    throw new Error(
      `Every number and money input needs a range the domain allows:\n  ${[...new Set(missing)].join("\n  ")}`,
    );
}
