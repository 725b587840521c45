import type { EntityManager } from "typeorm";
import { ValidationError, hasScope, sqlDialect, type RequestContext } from "@arbetsliv/core";
import { RelationsvaldScopes } from "./scopes";

export const DOMAIN = "relationsvald";

/** A positive integer id from a GraphQL ID, or BAD_USER_INPUT naming the field. */
export function toId(field: string, value: string | number): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647)
    throw new ValidationError(field, "id", "is not a valid id");
  return id;
}

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

/** Pessimistic row lock on MariaDB (sql.js runs one transaction at a time anyway). */
export function lockMode(manager: EntityManager): { lock?: { mode: "pessimistic_write" } } {
  return sqlDialect(manager).kind === "mysql" ? { lock: { mode: "pessimistic_write" } } : {};
}
