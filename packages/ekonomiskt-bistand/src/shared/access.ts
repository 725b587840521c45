import type { EntityManager } from "typeorm";
import { AccessAction, ConflictError, NotFoundError, hasScope, type RequestContext } from "@arbetsliv/core";
import { findEntityById } from "@arbetsliv/core/data";
import { Household } from "../household/household.entity";
import { DOMAIN, EkonomisktBistandScopes } from "../scopes";

export function actorOf(ctx: RequestContext): string {
  return ctx.principal?.subject ?? "anonymous";
}

/** Households with protected identity exist for a caller only with ekonomiskt-bistand:protected. */
export function canSeeProtected(ctx: RequestContext): boolean {
  return hasScope(ctx.principal, EkonomisktBistandScopes.PROTECTED);
}

/** Loads a household the caller may see, or NOT_FOUND (also when it exists but is protected and hidden). */
export async function visibleHousehold(ctx: RequestContext, manager: EntityManager, id: number): Promise<Household> {
  const household = await findEntityById(manager, Household, id);
  if (!household || (household.protectedIdentity && !canSeeProtected(ctx))) throw new NotFoundError("Household", id);
  return household;
}

/** A gallrad record keeps only what the statistics need; nothing may be added to it or changed in it. */
export function assertNotGallrad(recordType: string, id: number, anonymisedDate: string | null): void {
  if (anonymisedDate !== null)
    throw new ConflictError({
      en: `${recordType} ${id} was gallrad on ${anonymisedDate}; register a new one instead`,
      sv: `${recordType} ${id} gallrades ${anonymisedDate}; registrera en ny i stället`,
    });
}

/** A household the caller may see and that has not been gallrad — for every change to it or its records. */
export async function writableHousehold(ctx: RequestContext, manager: EntityManager, id: number): Promise<Household> {
  const household = await visibleHousehold(ctx, manager, id);
  assertNotGallrad("Household", id, household.anonymisedDate);
  return household;
}

/**
 * Throws NOT_FOUND for a record of a household the caller may not see; for a change (forWrite), CONFLICT when the household is gallrad.
 * Returns the household's protection (its events go to the protected scope only).
 */
export async function assertHouseholdVisible(
  ctx: RequestContext,
  manager: EntityManager,
  householdId: number,
  entity: string,
  id: number,
  forWrite = false,
): Promise<Pick<Household, "id" | "protectedIdentity" | "anonymisedDate">> {
  const household = await manager.findOne(Household, {
    where: { id: householdId },
    select: { id: true, protectedIdentity: true, anonymisedDate: true },
  });
  if (!household || (household.protectedIdentity && !canSeeProtected(ctx))) throw new NotFoundError(entity, id);
  if (forWrite) assertNotGallrad("Household", householdId, household.anonymisedDate);
  return household;
}

/** One access-log row for a read of person-level records (one INSERT per call). */
export async function logRead(
  ctx: RequestContext,
  operation: string,
  recordType: string,
  recordIds: readonly number[],
  personnummer: readonly (string | null)[] = [],
): Promise<void> {
  await ctx.accessLog.append(ctx.ds.manager, {
    action: AccessAction.READ,
    operation,
    domain: DOMAIN,
    recordType,
    recordIds,
    personnummer: known(personnummer),
  });
}

/** The identity numbers still present — gallrade members and employments have none. */
function known(values: readonly (string | null)[]): string[] {
  return values.filter((v): v is string => typeof v === "string");
}

export async function logChange(
  ctx: RequestContext,
  manager: EntityManager,
  action: AccessAction,
  operation: string,
  recordType: string,
  recordIds: readonly number[],
  personnummer: readonly (string | null)[] = [],
): Promise<void> {
  await ctx.accessLog.append(manager, {
    action,
    operation,
    domain: DOMAIN,
    recordType,
    recordIds,
    personnummer: known(personnummer),
  });
}
