import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { ValidationError } from "../errors/errors";
import { Range } from "../scalars/input-bounds";
import { compareKeys, decodeCursor, encodeCursor, orderTag, type CursorValue } from "./cursor";

export { compareKeys, decodeCursor, encodeCursor, orderTag, type CursorPosition, type CursorValue } from "./cursor";

/** Hard maximum page size: no client can ask for more rows than this in one request. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/**
 * Paging forwards only: for a query whose own `before` argument is a filter, not a cursor
 * (`iopBoardDecisionsNeeded(before: Date!)`). Every other list takes PageArgs.
 */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Rows in this page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}), counted forwards from \`after\` (or the start).`,
  })
  @Range(1, MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: "Page forwards from this cursor (an edge's `cursor` or `pageInfo.endCursor`).",
  })
  after?: string;
}

/** `first`/`after` forwards, `last`/`before` backwards (Relay connection specification). */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Rows in this page, 1–${MAX_PAGE_SIZE}, counted backwards from \`before\` (or the end). Not with \`first\`.`,
  })
  @Range(1, MAX_PAGE_SIZE)
  last?: number;

  @Field(() => String, {
    nullable: true,
    description: "Page backwards from this cursor (an edge's `cursor` or `pageInfo.startCursor`).",
  })
  before?: string;
}

/** What a page asks for: how many rows, which way, and between which cursors (still encoded). */
export interface PageWindow {
  size: number;
  backward: boolean;
  after?: string;
  before?: string;
}

/** Validates page arguments: BAD_USER_INPUT naming `first`, `last`, `after` or `before`. */
export function pageWindow(args: PageArgs): PageWindow {
  if (args.first != null && args.last != null)
    throw new ValidationError("last", "exclusive", {
      en: "cannot be used with first: page forwards or backwards",
      sv: "kan inte anges tillsammans med first: bläddra framåt eller bakåt",
    });
  const backward = args.last != null;
  const field = backward ? "last" : "first";
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE)
    throw new ValidationError(field, "range", {
      en: `must be between 1 and ${MAX_PAGE_SIZE}`,
      sv: `måste vara mellan 1 och ${MAX_PAGE_SIZE}`,
    });
  return { size, backward, after: args.after ?? undefined, before: args.before ?? undefined };
}

@ObjectType({ description: "Where this page is in the whole list (Relay connection specification)." })
export class PageInfo {
  @Field(() => Boolean, {
    description: "More rows follow this page (paging backwards: true when the page ends before a cursor).",
  })
  hasNextPage!: boolean;

  @Field(() => Boolean, {
    description: "Rows come before this page (paging forwards: true when the page starts after a cursor).",
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first row's cursor: pass as `before` for the page before." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last row's cursor: pass as `after` for the page after." })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  nodes: T[];
  edges: Edge<T>[];
  totalCount: number;
  pageInfo: PageInfo;
}

/**
 * A page's rows as a connection. Cursors are made only when asked for (`edges`, or the first and
 * last for pageInfo): a client that reads `nodes` pays for none per row.
 */
export function toConnection<T>(
  rows: T[],
  totalCount: number,
  more: { before: boolean; after: boolean },
  cursorOf: (row: T) => string,
): Connection<T> {
  let edges: Edge<T>[] | undefined;
  return {
    nodes: rows,
    totalCount,
    get edges() {
      return (edges ??= rows.map((node) => ({ cursor: cursorOf(node), node })));
    },
    pageInfo: {
      hasNextPage: more.after,
      hasPreviousPage: more.before,
      startCursor: rows.length ? cursorOf(rows[0]) : null,
      endCursor: rows.length ? cursorOf(rows[rows.length - 1]) : null,
    },
  };
}

/**
 * A page of an already computed list (a rule over the few records there are), with keyset
 * cursors: `keyOf` gives each item's sort key, unique, in the list's (ascending) order; `name`
 * tells this list's cursors from another's.
 */
export function pageOfList<T>(
  items: T[],
  args: PageArgs,
  list: { name: string; keyOf: (item: T) => CursorValue[] },
): Connection<T> {
  const window = pageWindow(args);
  const tag = orderTag(`list:${list.name}`);
  const keyLength = items.length ? list.keyOf(items[0]).length : 0;
  // The first index whose key comes after (strictly, or at) the cursor's.
  const indexFrom = (field: string, cursor: string, strictly: boolean) => {
    if (items.length === 0) return 0;
    const at = decodeCursor(field, cursor, tag, keyLength);
    if ("offset" in at) return Math.min(items.length, strictly ? at.offset : at.offset - 1);
    const i = items.findIndex((item) => compareKeys(list.keyOf(item), at.key) >= (strictly ? 1 : 0));
    return i < 0 ? items.length : i;
  };
  const start = window.after ? indexFrom("after", window.after, true) : 0;
  const end = window.before ? Math.max(start, indexFrom("before", window.before, false)) : items.length;
  const from = window.backward ? Math.max(start, end - window.size) : start;
  const to = window.backward ? end : Math.min(end, start + window.size);
  return toConnection(items.slice(from, to), items.length, { before: from > 0, after: to < items.length }, (item) =>
    encodeCursor(tag, list.keyOf(item)),
  );
}

/** Builds a `<Name>Connection` (and its `<Name>Edge`) object type for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeClass {
    @Field(() => String, { description: "Pass as `after` (or `before`) to page from this row." })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} with the total count.` })
  class ConnectionClass {
    @Field(() => [node], { description: "The page's rows (the same as `edges { node }`)." })
    @Extensions({ pagedByParent: true }) // as many as the `first` of the query that returned the page (schema/list-bounds.ts)
    nodes!: T[];

    @Field(() => [EdgeClass], { description: "The page's rows with their cursors." })
    @Extensions({ pagedByParent: true })
    edges!: Edge<T>[];

    @Field(() => Int, { description: "Rows matching the filter, across all pages." })
    totalCount!: number;

    @Field(() => PageInfo, { description: "Where this page is in the whole list." })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
