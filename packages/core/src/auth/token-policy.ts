import type { JWTPayload } from "jose";
import { UnauthenticatedError } from "../errors/errors";

/**
 * What a bearer token must satisfy beyond its signature, issuer and audience. A token without
 * `exp`, or one that lives for years, is a password that never changes: it is refused.
 */
export interface TokenPolicy {
  /**
   * The longest lifetime accepted, in seconds: `exp − iat` when the token has `iat` (what it was
   * issued for, however much is left), else `exp − now` (all that can be known without it).
   */
  maxLifetimeSeconds: number;
  /** How far the issuer's clock may differ from ours, in seconds: applied to `exp`, `nbf` and `iat`. */
  clockToleranceSeconds: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 12 * 3600, clockToleranceSeconds: 60 };

/**
 * A subject is an identifier, not a name: 1–255 characters (OpenID Connect's bound) from a set
 * that covers the identity providers' formats (UUIDs, `auth0|abc`, base64url, e-mail-like ids)
 * and is safe in logs. A number is refused: it would be a different rate-limit key than the
 * same digits as a string.
 */
const SUBJECT = /^[A-Za-z0-9._~@:|+=/-]{1,255}$/;
export const SUBJECT_RULE = "a string of 1–255 characters: letters A–Z a–z, digits and . _ ~ @ : | + = / -";
const SUBJECT_RULE_SV = "en sträng av 1–255 tecken: bokstäverna A–Z a–z, siffror och . _ ~ @ : | + = / -";

/** "12 h", "30 min", "45 s", "27 days" ("27 dagar" in Swedish): for messages. */
export function formatSeconds(seconds: number, language: "en" | "sv" = "en"): string {
  if (seconds >= 2 * 86400) return `${Math.round(seconds / 86400)} ${language === "sv" ? "dagar" : "days"}`;
  if (seconds >= 3600) return `${+(seconds / 3600).toFixed(1)} h`;
  if (seconds >= 60) return `${+(seconds / 60).toFixed(1)} min`;
  return `${Math.round(seconds)} s`;
}

/**
 * Checks the claims jose does not (it has already checked the signature, `iss`, `aud`, and `exp`
 * and `nbf` when present, with the same tolerance). Throws UnauthenticatedError naming the claim
 * and the rule; the caller never remembers a token that failed.
 */
export function checkTokenClaims(payload: JWTPayload, policy: TokenPolicy, nowSeconds = Date.now() / 1000): string {
  const { maxLifetimeSeconds: max, clockToleranceSeconds: tolerance } = policy;
  if (typeof payload.exp !== "number" || !Number.isFinite(payload.exp)) {
    throw new UnauthenticatedError({
      en: `The bearer token has no expiry (exp): tokens must expire within ${formatSeconds(max)}`,
      sv: `Bearer-token saknar giltighetstid (exp): en token måste gå ut inom ${formatSeconds(max, "sv")}`,
    });
  }
  if (payload.iat !== undefined && (typeof payload.iat !== "number" || payload.iat > nowSeconds + tolerance)) {
    throw new UnauthenticatedError({
      en: "The bearer token's issue time (iat) is in the future",
      sv: "Bearer-tokens utfärdandetid (iat) ligger i framtiden",
    });
  }
  // Without iat, the issuer's clock may be ahead of ours by the tolerance.
  const hasIat = typeof payload.iat === "number";
  const lifetime = hasIat ? payload.exp - payload.iat! : payload.exp - nowSeconds;
  if (lifetime > max + (hasIat ? 0 : tolerance)) {
    const from = hasIat ? "its issue time (iat)" : "now";
    const fromSv = hasIat ? "utfärdandetiden (iat)" : "nu";
    throw new UnauthenticatedError({
      en: `The bearer token lives too long: its expiry (exp) is ${formatSeconds(lifetime)} after ${from}; at most ${formatSeconds(max)} is accepted`,
      sv: `Bearer-token gäller för länge: den går ut (exp) ${formatSeconds(lifetime, "sv")} efter ${fromSv}; högst ${formatSeconds(max, "sv")} godtas`,
    });
  }
  if (typeof payload.sub !== "string" || !SUBJECT.test(payload.sub)) {
    throw new UnauthenticatedError({
      en: `The bearer token's subject (sub) must be ${SUBJECT_RULE}`,
      sv: `Bearer-tokens subjekt (sub) måste vara ${SUBJECT_RULE_SV}`,
    });
  }
  return payload.sub;
}
