import type { EntityManager } from "typeorm";
import type { AccessAction, RequestContext } from "@arbetsliv/core";
import { DOMAIN } from "../scopes";

/** Logs a change of iop records in the same transaction as the change. */
export async function logIopChange(
  ctx: RequestContext,
  manager: EntityManager,
  action: AccessAction,
  operation: string,
  recordType: string,
  ids: number[],
): Promise<void> {
  await ctx.accessLog.append(manager, { action, operation, domain: DOMAIN, recordType, recordIds: ids });
}
