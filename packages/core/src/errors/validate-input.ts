import { validate, type ValidationError as ClassValidatorError } from "class-validator";
import { getMetadataStorage, type ResolverData } from "type-graphql";
import { ValidationError } from "./errors";
import { swedishConstraint } from "./constraint-messages";

/**
 * type-graphql's validation of input objects, with errors a client can act on: BAD_USER_INPUT
 * whose `extensions.field` is the full input path (`input.handlingDays`, `input.amounts.0.year`)
 * and `rule` the broken constraint (`max`, `length` …); `fields` lists every field at fault.
 * Same class-validator options as type-graphql's default (missing optional fields skipped).
 */
export async function validateInput(value: unknown, argType: unknown, data: ResolverData<object>): Promise<void> {
  if (value === null || typeof value !== "object") return;
  const items = Array.isArray(value) ? value.filter((v): v is object => v !== null && typeof v === "object") : [value];
  const problems: { path: string; rule: string; message: string }[] = [];
  const prefix = argumentPrefix(argType, data);
  for (const [i, item] of items.entries()) {
    let errors: ClassValidatorError[];
    try {
      errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    } catch {
      // A validator that throws on what a client sent (isEmail threw URIError on a lone surrogate) is still the client's input to fix.
      throw new ValidationError(prefix.replace(/\.$/, "") || data.info.fieldName, "invalid", {
        en: "could not be validated; check the text for broken characters",
        sv: "kunde inte valideras; kontrollera texten efter trasiga tecken",
      });
    }
    collect(errors, Array.isArray(value) ? `${prefix}${i}.` : prefix, problems);
  }
  if (problems.length === 0) return;
  const first = problems[0];
  const detail = [first.message, ...problems.slice(1).map((p) => `${p.path}: ${p.message}`)].join(" | ");
  const swedish = problems.map((p, i) => (i === 0 ? "" : `${p.path}: `) + swedishConstraint(p.rule, p.message));
  const error = new ValidationError(first.path, first.rule, { en: detail, sv: swedish.join(" | ") });
  (error.extensions as Record<string, unknown>).fields = [...new Set(problems.map((p) => p.path))];
  throw error;
}

function collect(
  errors: ClassValidatorError[],
  prefix: string,
  out: { path: string; rule: string; message: string }[],
): void {
  for (const e of errors) {
    const path = `${prefix}${e.property}`;
    for (const [rule, message] of Object.entries(e.constraints ?? {}))
      out.push({ path, rule: ruleName(rule), message });
    collect(e.children ?? [], `${path}.`, out);
  }
}

/** class-validator's constraint names, shortened to the rule ids the API uses elsewhere. */
function ruleName(constraint: string): string {
  return constraint === "isLength" ? "length" : constraint;
}

/**
 * "input." for an `@Arg("input")` object (found by its GraphQL type among the field's arguments);
 * nothing for `@Args()` classes, whose properties are the arguments themselves.
 */
function argumentPrefix(argType: unknown, data: ResolverData<object>): string {
  const storage = getMetadataStorage();
  if (storage.argumentTypes.some((c) => c.target === argType)) return "";
  const typeName = storage.inputTypes.find((c) => c.target === argType)?.name;
  const field = data.info.parentType.getFields()[data.info.fieldName];
  const arg = field?.args.find((a) => String(a.type).replace(/[[\]!]/g, "") === typeName);
  return arg ? `${arg.name}.` : "";
}
