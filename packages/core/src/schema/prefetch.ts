import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * The names of the fields a query selects at `path` below the current field, e.g. `["nodes"]`
 * under a connection. Follows fragment spreads and inline fragments, and every occurrence of
 * the field (aliases included), so a field counts as selected if any part of the query asks
 * for it. @skip/@include are not evaluated: such a field counts as selected (at worst one
 * batch too many, never one missing).
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) level = fieldsOf(info, level, (field) => field.name.value === name);
  return new Set(fieldsOf(info, level, () => true).map((field) => field.name.value));
}

function fieldsOf(info: GraphQLResolveInfo, parents: readonly FieldNode[], wanted: (field: FieldNode) => boolean): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, fragmentsSeen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (wanted(selection)) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, fragmentsSeen);
      } else if (!fragmentsSeen.has(selection.name.value)) {
        fragmentsSeen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, fragmentsSeen);
      }
    }
  };
  for (const parent of parents) visit(parent.selectionSet, new Set());
  return found;
}

/** Loads what one field will ask for, for all rows at once (typically `loader.prefetch(ids)`, see BatchLoader). */
export type Prefetch<T> = (rows: readonly T[]) => Promise<unknown>;

/**
 * Runs, in parallel, the prefetch of each field the query selects at `path` for these rows —
 * e.g. a page's many-to-one references before graphql executes the page. The field resolvers
 * then find their values already loaded (`BatchLoader.get`) and return them without a promise
 * per row; the statements are the same batches DataLoader would have run, and fields the
 * query does not select cost nothing. Only for loads the field would run anyway for these rows
 * (a load that access-logs then logs the same rows); not for a field with its own @Authorized
 * check, which runs only when graphql reaches the field. The field resolvers still run.
 */
export async function prefetchSelected<T>(
  info: GraphQLResolveInfo,
  path: readonly string[],
  rows: readonly T[],
  prefetch: Readonly<Record<string, Prefetch<T>>>,
): Promise<void> {
  if (rows.length === 0) return;
  const selected = selectedFieldNames(info, path);
  const runs: Promise<unknown>[] = [];
  for (const [field, load] of Object.entries(prefetch)) if (selected.has(field)) runs.push(load(rows));
  await Promise.all(runs);
}
