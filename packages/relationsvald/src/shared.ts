import { hasScope, type RequestContext } from "@arbetsliv/core";
import { RelationsvaldScopes } from "./scopes";

/** May the caller see that people with protected identity exist in the register? */
export function seesProtected(ctx: Pick<RequestContext, "principal">): boolean {
  return hasScope(ctx.principal, RelationsvaldScopes.PROTECTED);
}

/**
 * SQL condition: placement `p` concerns nobody with protected identity (neither the client
 * nor an accompanying child). Used to hide such placements from callers without
 * relationsvald:protected, in lists and nested fields alike.
 */
export function placementNotProtectedSql(alias = "p"): string {
  return (
    `NOT EXISTS (SELECT 1 FROM rv_client pc_c WHERE pc_c.id = ${alias}.clientId AND pc_c.protectedIdentity = 1)` +
    ` AND NOT EXISTS (SELECT 1 FROM rv_placement_child pc_pc JOIN rv_child pc_k ON pc_k.id = pc_pc.childId` +
    ` WHERE pc_pc.placementId = ${alias}.id AND pc_k.protectedIdentity = 1)`
  );
}

/** A projection (`columns` of the read layer) with the columns a service itself reads from the rows, e.g. for the access log. */
export function alsoReading<R>(
  columns: (keyof R & string)[] | undefined,
  ...needed: (keyof R & string)[]
): (keyof R & string)[] | undefined {
  if (!columns) return undefined;
  const missing = needed.filter((c) => !columns.includes(c));
  return missing.length ? [...columns, ...missing] : columns;
}
