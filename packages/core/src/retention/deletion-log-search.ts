import type { RequestContext } from "../context";
import { toConnection, toPage, type Connection, type PageArgs } from "../pagination/pagination";
import { DeletionLogEntry } from "./deletion-log-entry.entity";

/** A page of the deletion log (gallringslogg), newest first, of one domain or all. */
export async function searchDeletionLog(
  { ds }: Pick<RequestContext, "ds">,
  args: PageArgs,
  domain: string | undefined | null,
): Promise<Connection<DeletionLogEntry>> {
  const page = toPage(args);
  const [rows, total] = await ds.getRepository(DeletionLogEntry).findAndCount({
    where: domain ? { domain } : {},
    order: { id: "DESC" },
    skip: page.offset,
    take: page.limit,
  });
  return toConnection(rows, total, page);
}
