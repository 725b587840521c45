import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { ValidationError } from "../errors/errors";
import { Range } from "../scalars/input-bounds";

/** Hard maximum page size: no client can ask for more rows than this in one request. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Rows in this page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  @Range(1, MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: "Cursor from pageInfo.endCursor of the previous page." })
  after?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Validates page arguments: BAD_USER_INPUT naming `first` or `after` when out of bounds. */
export function toPage(args: PageArgs): Page {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError("first", "range", `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  let offset = 0;
  if (args.after) {
    const decoded = Buffer.from(args.after, "base64url").toString("utf8");
    const m = /^o:(\d{1,9})$/.exec(decoded);
    if (!m) throw new ValidationError("after", "cursor", "is not a cursor this API returned");
    offset = Number(m[1]) + 1;
  }
  return { limit, offset };
}

export function cursorAt(index: number): string {
  return Buffer.from(`o:${index}`, "utf8").toString("base64url");
}

@ObjectType({ description: "Where this page is in the whole list." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

export function toConnection<T>(nodes: T[], totalCount: number, page: Page): Connection<T> {
  const last = page.offset + nodes.length - 1;
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: last + 1 < totalCount, endCursor: nodes.length ? cursorAt(last) : null },
  };
}

/** Builds a `<Name>Connection` object type for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} with the total count.` })
  class ConnectionClass {
    @Field(() => [node])
    @Extensions({ pagedByParent: true }) // as many as the `first` of the query that returned the page (schema/list-bounds.ts)
    nodes!: T[];

    @Field(() => Int, { description: "Rows matching the filter, across all pages." })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}
