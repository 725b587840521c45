import type { IncomingMessage } from "node:http";
import { DomainError, type Principal, type TokenVerifier } from "@arbetsliv/core";

/** The caller of a request: null without an Authorization header; throws for a malformed or invalid token. */
export type Authenticate = (req: IncomingMessage) => Promise<Principal | null>;

/** `Authorization: Bearer <token>`, verified by core's token verifier. */
export function bearerAuthenticator(verifier: TokenVerifier): Authenticate {
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw new DomainError("UNAUTHENTICATED", {
        en: "The Authorization header must be 'Bearer <token>'",
        sv: "Authorization-huvudet måste vara 'Bearer <token>'",
      });
    return verifier.verify(m[1]);
  };
}
