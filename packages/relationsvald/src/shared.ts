import { hasScope, type RequestContext } from "@arbetsliv/core";
import { RelationsvaldScopes } from "./scopes";

export const DOMAIN = "relationsvald";

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
