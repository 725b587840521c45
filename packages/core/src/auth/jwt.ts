import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
} from "jose";
import { UnauthenticatedError, type Message } from "../errors/errors";
import type { Principal } from "./principal";
import { checkTokenClaims, DEFAULT_TOKEN_POLICY, type TokenPolicy } from "./token-policy";

/** Either kind takes the token policy (maximum lifetime, clock tolerance); defaults: DEFAULT_TOKEN_POLICY. */
export type TokenVerifierConfig = (
  | { kind: "secret"; secret: string; issuer?: string; audience?: string }
  | { kind: "jwks"; jwksUrl?: string; jwks?: { keys: object[] }; issuer?: string; audience?: string }
) &
  Partial<TokenPolicy>;

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

function principalFromClaims(payload: JWTPayload, subject: string): Principal {
  const raw = (payload.scope ?? payload.scopes ?? payload.scp) as unknown;
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/\s+/).filter(Boolean) : [];
  return {
    subject,
    name: typeof payload.name === "string" ? payload.name : undefined,
    kind: payload.kind === "system" ? "system" : "user",
    scopes: new Set(list),
  };
}

const INVALID_TOKEN: Message = {
  en: "The bearer token is invalid or expired",
  sv: "Bearer-token är ogiltig eller har gått ut",
};

/** A claim check jose failed after the signature was good: safe to name. */
function claimFailure(e: unknown): UnauthenticatedError | null {
  if (e instanceof errors.JWTExpired)
    return new UnauthenticatedError({
      en: "The bearer token has expired (exp)",
      sv: "Bearer-token har gått ut (exp)",
    });
  if (e instanceof errors.JWTClaimValidationFailed)
    return new UnauthenticatedError({
      en: `The bearer token's "${e.claim}" claim is not accepted: ${e.message}`,
      sv: `Bearer-tokens anspråk "${e.claim}" godtas inte: ${e.message}`,
    });
  return null;
}

/** HS256 with a shared secret in development; RS256/ES256 via JWKS in production. */
export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  const policy: TokenPolicy = {
    maxLifetimeSeconds: config.maxLifetimeSeconds ?? DEFAULT_TOKEN_POLICY.maxLifetimeSeconds,
    clockToleranceSeconds: config.clockToleranceSeconds ?? DEFAULT_TOKEN_POLICY.clockToleranceSeconds,
  };
  const options = { issuer: config.issuer, audience: config.audience, clockTolerance: policy.clockToleranceSeconds };
  let key: Uint8Array | JWTVerifyGetKey;
  if (config.kind === "secret") {
    key = new TextEncoder().encode(config.secret);
  } else if (config.jwks) {
    key = createLocalJWKSet(config.jwks as Parameters<typeof createLocalJWKSet>[0]);
  } else if (config.jwksUrl) {
    key = createRemoteJWKSet(new URL(config.jwksUrl));
  } else {
    throw new Error("JWKS verifier needs jwksUrl or jwks");
  }
  const verified = new VerifiedTokens();
  return {
    async verify(token: string): Promise<Principal> {
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } =
          typeof key === "function" ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
        const principal = principalFromClaims(payload, checkTokenClaims(payload, policy));
        verified.add(token, principal, payload.exp);
        return principal;
      } catch (e) {
        if (e instanceof UnauthenticatedError) throw e;
        throw claimFailure(e) ?? new UnauthenticatedError(INVALID_TOKEN);
      }
    },
  };
}

/**
 * Tokens that passed verification, by their exact text, until they expire and for at most a
 * minute: a client sends the same token with every request, and checking its signature is a
 * fixed cost per request. Only successes are kept (a failure is checked again each time), the
 * principal is frozen, and the list is bounded (oldest out first). A key removed from the JWKS
 * stops accepting its tokens within that minute.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (this.now() < entry.until) return entry.principal;
    this.entries.delete(token);
    return null;
  }

  add(token: string, principal: Principal, expiresAtSeconds: number | undefined): void {
    const now = this.now();
    const until = Math.min(now + this.maxAgeMs, expiresAtSeconds === undefined ? Infinity : expiresAtSeconds * 1000);
    if (until <= now) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { principal: Object.freeze(principal), until });
  }
}

/** Signs a development token (HS256). Never used with production keys. */
export async function signDevelopmentToken(
  secret: string,
  claims: {
    sub: string;
    name?: string;
    scopes: string[];
    kind?: "user" | "system";
    issuer?: string;
    audience?: string;
  },
  expiresIn = "8h",
): Promise<string> {
  let jwt = new SignJWT({ scope: claims.scopes.join(" "), name: claims.name, kind: claims.kind ?? "user" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer);
  if (claims.audience) jwt = jwt.setAudience(claims.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
