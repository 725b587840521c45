import type { RequestContext } from "@arbetsliv/core";
import { readCommitted } from "./event-source";
import { EventConnection, EventNode } from "./event.types";
import { feedCursor } from "./feed-cursor";
import { readFeed } from "./read-feed";

/** One page of the change feed for a caller: `first` events after the cursor, and the cursor to ask from next. */
export async function feedPage(
  ctx: RequestContext,
  q: { after: number | null; scopes: readonly string[]; types: readonly string[] | null; first: number },
): Promise<EventConnection> {
  const rows = await readCommitted(ctx.ds, (db) =>
    readFeed(db, { after: q.after, scopes: q.scopes, types: q.types, limit: q.first + 1 }),
  );
  const page = rows.slice(0, q.first);
  const last = page.length ? page[page.length - 1].position! : q.after;
  const nodes = page.map(EventNode.from);
  return Object.assign(new EventConnection(), {
    nodes,
    edges: page.map((row, i) => ({ cursor: feedCursor(row.position!), node: nodes[i] })),
    pageInfo: {
      hasNextPage: rows.length > q.first,
      hasPreviousPage: q.after !== null,
      startCursor: page.length ? feedCursor(page[0].position!) : null,
      endCursor: last === null ? null : feedCursor(last),
    },
  });
}
