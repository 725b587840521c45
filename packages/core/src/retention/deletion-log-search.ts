import type { RequestContext } from "../context";
import type { Connection, PageArgs } from "../pagination/pagination";
import { pageOfQuery } from "../data/query-page";
import { DeletionLogEntry } from "./deletion-log-entry.entity";

/** A page of the deletion log (gallringslogg), newest first, of one domain or all. */
export async function searchDeletionLog(
  { ds }: Pick<RequestContext, "ds">,
  args: PageArgs,
  domain: string | undefined | null,
): Promise<Connection<DeletionLogEntry>> {
  const qb = ds.getRepository(DeletionLogEntry).createQueryBuilder("e");
  if (domain) qb.where("e.domain = :domain", { domain });
  return pageOfQuery(qb.orderBy("e.id", "DESC"), args);
}
