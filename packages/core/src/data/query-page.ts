import type { EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { ValidationError } from "../errors/errors";
import { decodeCursor, encodeCursor, orderTag, type CursorPosition, type CursorValue } from "../pagination/cursor";
import { pageWindow, toConnection, type Connection, type PageArgs } from "../pagination/pagination";
import { getCount, getEntities } from "./entity-rows";

interface SortColumn {
  /** `alias.property`, as the query's ORDER BY names it (TypeORM turns it into the column). */
  path: string;
  column: ColumnMetadata;
  descending: boolean;
}

/** A query's order read once per order: its columns, its cursor tag and its two keyset conditions. */
interface Keyset {
  columns: SortColumn[];
  tag: string;
  /** Rows after the cursor `:__after0, :__after1…` in the list's order, and rows before `:__before…`. */
  after: string;
  before: string;
  reversed: Record<string, "ASC" | "DESC">;
}

const keysets = new WeakMap<EntityMetadata, Map<string, Keyset>>();

/**
 * One page of a query as a connection, with **keyset cursors**: a cursor holds the sort key of its
 * row, and the next page is the rows after that key in the query's ORDER BY — so rows inserted or
 * deleted elsewhere in the list never shift a page (no duplicates, no skips). The query's order
 * must end with the primary key (unique) and its sort columns must not be nullable. Two
 * statements whatever the page: the rows (one more than the page, to tell whether more follow)
 * and the total, both through the statement cache of `getEntities`.
 */
export async function pageOfQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
): Promise<Connection<T>> {
  const window = pageWindow(args);
  const keyset = keysetOf(qb);
  const page = qb.clone();
  selectSortColumns(page, keyset);
  let offset = 0;
  if (window.after) {
    const at = decodeCursor("after", window.after, keyset.tag, keyset.columns.length);
    if ("offset" in at) offset = at.offset;
    else page.andWhere(keyset.after, parameters("__after", at));
  }
  if (window.before) {
    const at = decodeCursor("before", window.before, keyset.tag, keyset.columns.length);
    if ("offset" in at)
      throw new ValidationError("before", "cursor", {
        en: "is not a cursor this list returned",
        sv: "är ingen markör (cursor) som den här listan har lämnat",
      });
    page.andWhere(keyset.before, parameters("__before", at));
  }
  if (window.backward) page.orderBy(keyset.reversed);
  const fetched = await getEntities(page.skip(offset || undefined).take(window.size + 1));
  const more = fetched.length > window.size;
  const rows = more ? fetched.slice(0, window.size) : fetched;
  if (window.backward) rows.reverse();
  const totalCount = await getCount(qb);
  const before = window.backward ? more : Boolean(window.after);
  const after = window.backward ? Boolean(window.before) : more;
  return toConnection(rows, totalCount, { before, after }, (row) => encodeCursor(keyset.tag, sortKeyOf(row, keyset)));
}

/** The tag a page's cursors carry: its table and its order. */
function pageOrderTag(table: string, order: readonly (readonly [path: string, direction: "ASC" | "DESC"])[]): string {
  return orderTag(
    `${table}:${order.map(([path, direction]) => `${path}${direction === "DESC" ? "-" : "+"}`).join(",")}`,
  );
}

/**
 * The cursor pageOfQuery gives the row with this sort key in a page of `table` in this order — for
 * code that reads the same page without TypeORM (the benchmark's raw floor).
 */
export function pageCursor(
  table: string,
  order: readonly (readonly [path: string, direction: "ASC" | "DESC"])[],
  key: CursorValue[],
): string {
  return encodeCursor(pageOrderTag(table, order), key);
}

function parameters(prefix: string, at: Exclude<CursorPosition, { offset: number }>): Record<string, CursorValue> {
  return Object.fromEntries(at.key.map((value, i) => [`${prefix}${i}`, value]));
}

function sortKeyOf(row: ObjectLiteral, keyset: Keyset): CursorValue[] {
  // The database's value (a transformer's `to`), which is what the keyset condition compares.
  return keyset.columns.map((c) => c.column.getEntityValue(row, true) as CursorValue);
}

/** A page narrowed to some columns (the read layer's projection) still needs its sort columns for the cursors. */
function selectSortColumns(qb: SelectQueryBuilder<ObjectLiteral>, keyset: Keyset): void {
  const alias = qb.expressionMap.mainAlias!.name;
  const selections = new Set(qb.expressionMap.selects.map((s) => s.selection));
  if (selections.has(alias)) return;
  for (const c of keyset.columns) if (!selections.has(c.path)) qb.addSelect(c.path);
}

function keysetOf(qb: SelectQueryBuilder<ObjectLiteral>): Keyset {
  const map = qb.expressionMap;
  const main = map.mainAlias!;
  const orderKey = JSON.stringify(map.orderBys);
  let byOrder = keysets.get(main.metadata);
  if (!byOrder) keysets.set(main.metadata, (byOrder = new Map()));
  let keyset = byOrder.get(orderKey);
  if (!keyset) byOrder.set(orderKey, (keyset = buildKeyset(main.name, main.metadata, map.orderBys)));
  return keyset;
}

function buildKeyset(
  alias: string,
  metadata: EntityMetadata,
  orderBys: Record<string, "ASC" | "DESC" | { order: "ASC" | "DESC" }>,
): Keyset {
  const columns = Object.entries(orderBys).map(([path, order]): SortColumn => {
    const column = path.startsWith(`${alias}.`)
      ? metadata.findColumnWithPropertyPath(path.slice(alias.length + 1))
      : undefined;
    if (!column) throw new Error(`A paged query sorts by ${path}: page by ${alias}'s own columns`);
    if (column.isNullable)
      throw new Error(`A paged query sorts by ${path}, which can be null: keyset cursors need values`);
    return { path, column, descending: (typeof order === "string" ? order : order.order) === "DESC" };
  });
  const last = columns[columns.length - 1];
  if (!last?.column.isPrimary)
    throw new Error(`A paged query of ${metadata.name} must end its order with the primary key`);
  return {
    columns,
    tag: pageOrderTag(
      metadata.tableName,
      columns.map((c) => [c.path, c.descending ? "DESC" : "ASC"]),
    ),
    after: keysetCondition(columns, "__after", true),
    before: keysetCondition(columns, "__before", false),
    reversed: Object.fromEntries(columns.map((c) => [c.path, c.descending ? "ASC" : "DESC"])),
  };
}

/** `(a > :p0) OR (a = :p0 AND b > :p1) …`, each comparison turned for a descending column. */
function keysetCondition(columns: SortColumn[], prefix: string, after: boolean): string {
  const terms = columns.map((c, i) => {
    const ahead = after !== c.descending ? ">" : "<";
    const equal = columns.slice(0, i).map((p, j) => `${p.path} = :${prefix}${j}`);
    return `(${[...equal, `${c.path} ${ahead} :${prefix}${i}`].join(" AND ")})`;
  });
  return `(${terms.join(" OR ")})`;
}
