import type { EntityManager } from "typeorm";
import { AccessAction, NotFoundError, ValidationError, hasScope, type RequestContext } from "@arbetsliv/core";
import { Household } from "../household/household.entity";
import { DOMAIN, EkonomisktBistandScopes } from "../scopes";

export function toId(field: string, value: string | number): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) throw new ValidationError(field, "id", "is not a valid id");
  return id;
}

export function actorOf(ctx: RequestContext): string {
  return ctx.principal?.subject ?? "anonymous";
}

/** Households with protected identity exist for a caller only with ekonomiskt-bistand:protected. */
export function canSeeProtected(ctx: RequestContext): boolean {
  return hasScope(ctx.principal, EkonomisktBistandScopes.PROTECTED);
}

/** Loads a household the caller may see, or NOT_FOUND (also when it exists but is protected and hidden). */
export async function visibleHousehold(ctx: RequestContext, manager: EntityManager, id: number): Promise<Household> {
  const household = await manager.findOne(Household, { where: { id } });
  if (!household || (household.protectedIdentity && !canSeeProtected(ctx))) throw new NotFoundError("Household", id);
  return household;
}

/** Throws NOT_FOUND for a record of a household the caller may not see. */
export async function assertHouseholdVisible(ctx: RequestContext, manager: EntityManager, householdId: number, entity: string, id: number): Promise<void> {
  const household = await manager.findOne(Household, { where: { id: householdId }, select: { id: true, protectedIdentity: true } });
  if (!household || (household.protectedIdentity && !canSeeProtected(ctx))) throw new NotFoundError(entity, id);
}

/** One access-log row for a read of person-level records (one INSERT per call). */
export async function logRead(
  ctx: RequestContext,
  operation: string,
  recordType: string,
  recordIds: readonly number[],
  personnummer: readonly string[] = [],
): Promise<void> {
  await ctx.accessLog.append(ctx.ds.manager, { action: AccessAction.READ, operation, domain: DOMAIN, recordType, recordIds, personnummer });
}

export async function logChange(
  ctx: RequestContext,
  manager: EntityManager,
  action: AccessAction,
  operation: string,
  recordType: string,
  recordIds: readonly number[],
  personnummer: readonly string[] = [],
): Promise<void> {
  await ctx.accessLog.append(manager, { action, operation, domain: DOMAIN, recordType, recordIds, personnummer });
}
