import {
  defaultFieldResolver,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { DomainError, ValidationError } from "../errors/errors";
import { MAX_PAGE_SIZE } from "../pagination/pagination";
import { listBoundOf } from "../schema/list-bounds";

/**
 * Makes the list bounds the cost model relies on true at runtime, for every field at once:
 * - a field with a `first` argument (a nested paged list, or a query returning a connection)
 *   refuses `first` outside 1–MAX_PAGE_SIZE with BAD_USER_INPUT naming `first`, before its
 *   resolver runs;
 * - a list field with a declared `@MaxItems(n)` or a `first` that returns more items than that
 *   fails with RESULT_TOO_LARGE (e.g. a report over a very long period: ask for a shorter one)
 *   instead of answering, so no resolver can carry a response past the estimate.
 * Run after useSyncFieldResolvers (it wraps whatever resolver a field has then; a field without
 * one reads its property, as graphql's default does).
 */
export function enforceListBounds(schema: GraphQLSchema): { wrapped: number } {
  let wrapped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const paged = field.args.some((a) => a.name === "first");
      const declared = isListType(getNullableType(field.type)) ? listBoundOf(field).maxItems : undefined;
      if (!paged && declared === undefined) continue;
      const where = `${type.name}.${field.name}`;
      field.resolve = bounded(
        field.resolve ?? defaultFieldResolver,
        where,
        paged,
        declared ?? (paged && isListType(getNullableType(field.type)) ? "first" : null),
      );
      wrapped++;
    }
  }
  return { wrapped };
}

function checkPageSize(name: string, size: number | null | undefined): void {
  if (size != null && (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE))
    throw new ValidationError(name, "range", {
      en: `must be between 1 and ${MAX_PAGE_SIZE}`,
      sv: `måste vara mellan 1 och ${MAX_PAGE_SIZE}`,
    });
}

function bounded(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  where: string,
  paged: boolean,
  /** The most items the field may return: a number, its `first`, or null (a connection: checked by its page). */
  max: number | "first" | null,
): GraphQLFieldResolver<unknown, unknown> {
  return (root, args, context, info) => {
    const { first, last } = args as { first?: number | null; last?: number | null };
    if (paged) {
      checkPageSize("first", first);
      checkPageSize("last", last);
    }
    const value = resolve(root, args, context, info);
    if (max === null) return value;
    const limit = max === "first" ? (first ?? MAX_PAGE_SIZE) : max;
    const check = (items: unknown) => {
      if (Array.isArray(items) && items.length > limit)
        throw new DomainError("RESULT_TOO_LARGE", {
          en: `${where} would return ${items.length} items; at most ${limit} are allowed. Ask for a shorter period or a smaller page.`,
          sv: `${where} skulle ge ${items.length} poster; högst ${limit} tillåts. Be om en kortare period eller en mindre sida.`,
        });
      return items;
    };
    return value && typeof (value as Promise<unknown>).then === "function"
      ? (value as Promise<unknown>).then(check)
      : check(value);
  };
}
