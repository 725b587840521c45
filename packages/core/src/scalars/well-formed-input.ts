import {
  GraphQLID,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { ValidationError } from "../errors/errors";
import { toId } from "../data/ids";

/** A UTF-16 surrogate that is not half of a pair: not Unicode text, and MariaDB's utf8mb4 refuses it. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * One check over every argument of an operation — variables and inline literals alike, at any
 * depth of input objects and lists, on any field — before anything executes:
 * - every string is well-formed Unicode (no lone surrogate), rule `unicode`;
 * - every `ID` is a valid record id (`toId`: a whole number 1 … 2^31 − 1), rule `id`; so no
 *   resolver can hand SQL an id that is not a number, whatever it does with it.
 * Returns the first problem as BAD_USER_INPUT naming the argument path (e.g. `input.description`),
 * or null. Coercion errors are left to graphql-js, which reports them itself.
 */
export function checkOperationInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): ValidationError | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === "query"
      ? schema.getQueryType()
      : operation.operation === "mutation"
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return null;
  try {
    walkSelections(schema, operation.selectionSet, root, coerced.coerced, fragments, new Set());
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
}

function walkSelections(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  variables: Record<string, unknown>,
  fragments: Map<string, FragmentDefinitionNode>,
  visited: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue; // __typename and introspection
      if (field.args.length) {
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, selection, variables);
        } catch {
          continue; // graphql-js reports a bad argument itself
        }
        for (const arg of field.args) checkValue(values[arg.name], arg.type, arg.name);
      }
      if (selection.selectionSet)
        walkSelections(schema, selection.selectionSet, getNamedType(field.type), variables, fragments, visited);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type) walkSelections(schema, selection.selectionSet, type, variables, fragments, visited);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      const type = schema.getType(fragment.typeCondition.name.value);
      if (type) walkSelections(schema, fragment.selectionSet, type, variables, fragments, visited);
    }
  }
}

function checkValue(value: unknown, type: GraphQLInputType, path: string): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (Array.isArray(value))
      value.forEach((item, i) => checkValue(item, t.ofType as GraphQLInputType, `${path}.${i}`));
  } else if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [key, v] of Object.entries(value as Record<string, unknown>))
      if (fields[key]) checkValue(v, fields[key].type, `${path}.${key}`);
  } else if (isScalarType(t)) {
    if (typeof value === "string" && LONE_SURROGATE.test(value))
      throw new ValidationError(path, "unicode", {
        en: "is not well-formed Unicode text (a lone UTF-16 surrogate)",
        sv: "är inte välformad Unicode-text (ett ensamt UTF-16-surrogattecken)",
      });
    if (t === GraphQLID || t.name === "ID") toId(path, value as string);
  }
}
