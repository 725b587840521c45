/** Who is calling: a person (caseworker) or a system, with the scopes its token grants. */
export interface Principal {
  subject: string;
  name?: string;
  kind: "user" | "system";
  scopes: ReadonlySet<string>;
}

export function hasScope(principal: Principal | null | undefined, scope: string): boolean {
  return Boolean(principal?.scopes.has(scope));
}

export function hasAnyScope(principal: Principal | null | undefined, scopes: readonly string[]): boolean {
  return scopes.some((s) => hasScope(principal, s));
}

/** Platform-wide scopes (the domains add their own). */
export const CoreScopes = {
  AUDIT_READ: "audit:read",
  ADMIN: "admin",
} as const;
