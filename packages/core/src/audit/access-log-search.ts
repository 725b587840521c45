import type { RequestContext } from "../context";
import type { Connection, PageArgs } from "../pagination/pagination";
import { pageOfQuery } from "../data/query-page";
import { ValidationError } from "../errors/errors";
import { addDays, type LocalDate } from "../scalars/local-date";
import { AccessLogEntry, type AccessAction } from "./access-log-entry.entity";
import { subjectKey } from "./access-log";

export interface AccessLogCriteria {
  actor?: string;
  person?: string;
  operation?: string;
  action?: AccessAction;
  domain?: string;
  recordType?: string;
  recordId?: string;
  from?: LocalDate;
  to?: LocalDate;
}

/** A page of the access log, newest first; the criteria combine with AND. */
export async function searchAccessLog(
  { ds }: Pick<RequestContext, "ds">,
  args: PageArgs,
  f: AccessLogCriteria,
): Promise<Connection<AccessLogEntry>> {
  if (f.from && f.to && f.from > f.to)
    throw new ValidationError("filter.to", "order", {
      en: "must not be before filter.from",
      sv: "får inte vara före filter.from",
    });
  const qb = ds.getRepository(AccessLogEntry).createQueryBuilder("e");
  if (f.actor) qb.andWhere("e.actor = :actor", { actor: f.actor });
  if (f.person) qb.andWhere("e.subjectKeys LIKE :key", { key: `%,${subjectKey(f.person)},%` });
  if (f.operation) qb.andWhere("e.operation = :operation", { operation: f.operation });
  if (f.action) qb.andWhere("e.action = :action", { action: f.action });
  if (f.domain) qb.andWhere("e.domain = :domain", { domain: f.domain });
  if (f.recordType) qb.andWhere("e.recordType = :recordType", { recordType: f.recordType });
  if (f.recordId) {
    qb.andWhere(
      "(e.recordIds = :rid OR e.recordIds LIKE :ridStart OR e.recordIds LIKE :ridEnd OR e.recordIds LIKE :ridMid)",
      {
        rid: f.recordId,
        ridStart: `${f.recordId},%`,
        ridEnd: `%,${f.recordId}`,
        ridMid: `%,${f.recordId},%`,
      },
    );
  }
  if (f.from) qb.andWhere("e.occurredAt >= :from", { from: new Date(`${f.from}T00:00:00Z`) });
  if (f.to) qb.andWhere("e.occurredAt < :to", { to: new Date(`${addDays(f.to, 1)}T00:00:00Z`) });
  return pageOfQuery(qb.orderBy("e.id", "DESC"), args);
}
