import { Max, Min } from "class-validator";
import { ArgsType, Extensions, Field, Int } from "type-graphql";
import type { GraphQLField } from "graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { ConflictError } from "../errors/errors";
import { MAX_YEAR, MIN_YEAR } from "../scalars/local-date";
import { MAX_PAGE_SIZE } from "../pagination/pagination";

/**
 * Every list field of the schema is bounded, so the gateway's cost estimate is a true upper
 * bound (a list in a type cycle can no longer multiply a response past it). A list field is
 * either paged — a `first` argument ≤ MAX_PAGE_SIZE (`FirstArgs`, or a connection's query with
 * `PageArgs`) — or declares the most items it can hold with `@MaxItems(n)`, a domain rule
 * (12 months, the values of an enum, the members a household input allows…). The gateway reads
 * both from the schema: the cost model multiplies by them, and a resolver that returns more than
 * its bound fails instead of answering (packages/core/src/execution/list-bounds.ts). A schema test
 * (apps/gateway/test/security/list-bounds.e2e-spec.ts) refuses any list field with neither.
 */
export interface ListBoundExtensions {
  /** Declared maximum of items (a domain rule). */
  maxItems?: number;
  /** A connection's `nodes`: as many as the `first` of the field that returned the connection. */
  pagedByParent?: boolean;
}

/** Declares the most items this list field can return (say why next to it). */
export function MaxItems(max: number): MethodDecorator & PropertyDecorator {
  if (!Number.isInteger(max) || max < 1) throw new Error(`MaxItems needs a positive integer, got ${max}`);
  return Extensions({ maxItems: max } satisfies ListBoundExtensions) as MethodDecorator & PropertyDecorator;
}

/** The list bound a field declares, if any. */
export function listBoundOf(field: GraphQLField<unknown, unknown>): ListBoundExtensions {
  return (field.extensions ?? {}) as ListBoundExtensions;
}

/** Default page of a nested paged list (a record's own children). */
export const DEFAULT_NESTED_PAGE_SIZE = 25;

export interface FirstArgs {
  first: number;
}

/**
 * `first` for a list that stays a plain list (no cursor): the first N items in the field's
 * order, 1–MAX_PAGE_SIZE (the gateway refuses more before the resolver runs, and checks the
 * answer). `withFirst(100)` for a report whose rows a client normally wants whole.
 */
export function withFirst(defaultFirst: number): new () => FirstArgs {
  @ArgsType()
  class FirstArgsClass implements FirstArgs {
    @Field(() => Int, {
      defaultValue: defaultFirst,
      description: `Items to return, 1–${MAX_PAGE_SIZE} (default ${defaultFirst}).`,
    })
    @Min(1)
    @Max(MAX_PAGE_SIZE)
    first!: number;
  }
  return FirstArgsClass;
}

/** `first`, default 25 (a record's own children). */
export const FirstArgs = withFirst(DEFAULT_NESTED_PAGE_SIZE);

/**
 * The write side of a declared maximum on a list of reference data (budgets, funds, business
 * areas…): refuses registering one more once `max` exist, so `@MaxItems(max)` on the list stays
 * true. Call inside the creating transaction.
 */
export async function refuseBeyondMaxItems(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  max: number,
  what: string,
): Promise<void> {
  if ((await manager.count(entity)) >= max)
    throw new ConflictError(
      {
        en: `At most ${max} ${what} can be registered; remove or reuse one`,
        sv: `Högst ${max} ${what} kan registreras; ta bort eller återanvänd en`,
      },
      { rule: "maxItems" },
    );
}

/** The first `first` items of a child list a loader answered whole (synchronously or not): an ordered fetch trimmed per parent. */
export function takeFirst<T>(items: T[] | Promise<T[]>, first: number): T[] | Promise<T[]> {
  if (Array.isArray(items)) return items.length > first ? items.slice(0, first) : items;
  return items.then((rows) => (rows.length > first ? rows.slice(0, first) : rows));
}

/** Months in any period the Date scalar accepts (years MIN_YEAR–MAX_YEAR): the bound of a per-month table. */
export const MAX_MONTHS_IN_PERIOD = (MAX_YEAR - MIN_YEAR + 1) * 12;
/** Years in any period the Date scalar accepts. */
export const MAX_YEARS_IN_PERIOD = MAX_YEAR - MIN_YEAR + 1;

/**
 * Rows one list of a report object may carry (a query's own result, never inside another list, so
 * its cost does not compound). A report that would carry more fails — ask for a shorter period.
 */
export const MAX_REPORT_ROWS = 10_000;

/**
 * Record ids in one access-log or deletion-log entry: they are stored comma-separated in a TEXT
 * column (at most 65 535 bytes on MariaDB), each id at least one character and a comma.
 */
export const MAX_RECORD_IDS = 32_768;

/** Names in a statistics row's `suppressed` list: the row's own fields (no row type has more). */
export const MAX_SUPPRESSED_FIELDS = 50;
