import { getMetadataStorage, type AuthChecker } from "type-graphql";
import type { RequestContext } from "../context";
import { ForbiddenError, UnauthenticatedError } from "../errors/errors";
import { hasAnyScope } from "./principal";

/**
 * type-graphql auth checker: `@Authorized("synpunkter:read", …)` means "any of these scopes".
 * No principal → UNAUTHENTICATED; principal without the scope → FORBIDDEN naming the scopes.
 */
export const scopeAuthChecker: AuthChecker<RequestContext, string> = ({ context }, scopes) => {
  if (!context.principal) throw new UnauthenticatedError();
  if (scopes.length === 0 || !hasAnyScope(context.principal, scopes)) throw new ForbiddenError(scopes);
  return true;
};

export interface OperationScopes {
  type: "Query" | "Mutation";
  field: string;
  resolver: string;
  scopes: string[];
}

/**
 * Deny by default: lists the scopes each query and mutation of these resolver classes
 * declares, and throws if any declares none.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function operationScopes(resolvers: readonly Function[]): OperationScopes[] {
  const storage = getMetadataStorage();
  const classes = new Set(resolvers);
  const ops = [
    ...storage.queries.map((q) => ({ ...q, type: "Query" as const })),
    ...storage.mutations.map((m) => ({ ...m, type: "Mutation" as const })),
  ].filter((op) => classes.has(op.target));
  const result: OperationScopes[] = [];
  const missing: string[] = [];
  for (const op of ops) {
    const auth = storage.authorizedFields.find((a) => a.target === op.target && a.fieldName === op.methodName);
    const scopes = (auth?.roles ?? []) as string[];
    if (scopes.length === 0) missing.push(`${op.type}.${op.schemaName} (${op.target.name})`);
    result.push({ type: op.type, field: op.schemaName, resolver: op.target.name, scopes });
  }
  if (missing.length) {
    throw new Error(
      `Every operation must declare its scopes with @Authorized("<scope>"); missing on: ${missing.join(", ")}`,
    );
  }
  return result;
}
