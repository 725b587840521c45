import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from "jose";
import { createTokenVerifier, type TokenVerifier, type TokenVerifierConfig } from "./jwt";
import { checkTokenClaims, DEFAULT_TOKEN_POLICY, formatSeconds } from "./token-policy";

/**
 * The token policy on every verifier kind: a shared secret, a JWKS given inline and a JWKS fetched
 * over real HTTP. Tokens are signed here with exactly the claims under test (no helper adds exp).
 */
const SECRET = "policy-spec-secret-policy-spec-secret-0123";
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

interface Kind {
  name: string;
  config: (extra?: Partial<TokenVerifierConfig>) => TokenVerifierConfig;
  sign: (claims: JWTPayload) => Promise<string>;
}

let privateKey: KeyLike;
let jwksServer: Server;
let jwksUrl = "";
let jwks: { keys: object[] };

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" }] };
  jwksServer = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks)),
  );
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
});
afterAll(() => new Promise((resolve) => jwksServer.close(resolve)));

const signEs256 = (claims: JWTPayload) =>
  new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "k1" }).sign(privateKey);
const kinds: Kind[] = [
  {
    name: "shared secret (HS256)",
    config: (extra) => ({ kind: "secret", secret: SECRET, ...extra }) as TokenVerifierConfig,
    sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(SECRET)),
  },
  {
    name: "JWKS given inline (ES256)",
    config: (extra) => ({ kind: "jwks", jwks, ...extra }) as TokenVerifierConfig,
    sign: signEs256,
  },
  {
    name: "JWKS fetched over HTTP (ES256)",
    config: (extra) => ({ kind: "jwks", jwksUrl, ...extra }) as TokenVerifierConfig,
    sign: signEs256,
  },
];

describe.each(kinds)("token policy with a $name verifier", (kind) => {
  let verifier: TokenVerifier;
  beforeAll(() => {
    verifier = createTokenVerifier(kind.config());
  });
  const claims = (extra: JWTPayload): JWTPayload => ({ sub: "caseworker-1", scope: "iop:read", ...extra });

  it("accepts a token within the policy", async () => {
    const t = now();
    const principal = await verifier.verify(await kind.sign(claims({ iat: t, exp: t + 12 * HOUR })));
    expect(principal.subject).toBe("caseworker-1");
    expect([...principal.scopes]).toEqual(["iop:read"]);
    // Identity providers' subject formats.
    for (const sub of [
      "auth0|5f7c8ec7c33c6c004bbafe82",
      "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
      "0f8fad5b-d9cb-469f-a165-70867728950e",
      "anna.a@kommun.se",
    ]) {
      expect((await verifier.verify(await kind.sign(claims({ sub, iat: t, exp: t + HOUR })))).subject).toBe(sub);
    }
  });

  it("refuses a token without exp, every time (a failure is never remembered)", async () => {
    const token = await kind.sign(claims({ iat: now() }));
    await expect(verifier.verify(token)).rejects.toThrow(
      "The bearer token has no expiry (exp): tokens must expire within 12 h",
    );
    await expect(verifier.verify(token)).rejects.toThrow("no expiry (exp)");
  });

  it("refuses a token expiring in 2100, with or without iat", async () => {
    const exp = Date.UTC(2100, 0, 1) / 1000;
    await expect(verifier.verify(await kind.sign(claims({ iat: now(), exp })))).rejects.toThrow(
      /lives too long: its expiry \(exp\) is \d+ days after its issue time \(iat\); at most 12 h is accepted/,
    );
    await expect(verifier.verify(await kind.sign(claims({ exp })))).rejects.toThrow(
      /lives too long: its expiry \(exp\) is \d+ days after now/,
    );
  });

  it("measures the lifetime from iat when present (an old long-lived token stays refused), else from now", async () => {
    const t = now();
    await expect(verifier.verify(await kind.sign(claims({ iat: t, exp: t + 12 * HOUR + 1 })))).rejects.toThrow(
      "lives too long",
    );
    // Issued 20 h ago for 24 h: 4 h are left, but it is a 24-hour token.
    await expect(verifier.verify(await kind.sign(claims({ iat: t - 20 * HOUR, exp: t + 4 * HOUR })))).rejects.toThrow(
      "24 h after its issue time",
    );
    // Without iat only what is left can be judged; the clock tolerance applies to "now".
    expect((await verifier.verify(await kind.sign(claims({ exp: t + 12 * HOUR + 30 })))).subject).toBe("caseworker-1");
    await expect(verifier.verify(await kind.sign(claims({ exp: t + 12 * HOUR + 120 })))).rejects.toThrow("after now");
  });

  it("tolerates 60 s of clock difference on exp, nbf and iat, and no more", async () => {
    const t = now();
    expect((await verifier.verify(await kind.sign(claims({ iat: t - HOUR, exp: t - 30 })))).subject).toBe(
      "caseworker-1",
    );
    await expect(verifier.verify(await kind.sign(claims({ iat: t - HOUR, exp: t - 90 })))).rejects.toThrow(
      "The bearer token has expired (exp)",
    );
    expect((await verifier.verify(await kind.sign(claims({ nbf: t + 30, exp: t + HOUR })))).subject).toBe(
      "caseworker-1",
    );
    await expect(verifier.verify(await kind.sign(claims({ nbf: t + 120, exp: t + HOUR })))).rejects.toThrow(
      '"nbf" claim',
    );
    expect((await verifier.verify(await kind.sign(claims({ iat: t + 30, exp: t + HOUR })))).subject).toBe(
      "caseworker-1",
    );
    await expect(verifier.verify(await kind.sign(claims({ iat: t + 120, exp: t + HOUR })))).rejects.toThrow(
      "issue time (iat) is in the future",
    );
  });

  it("refuses a subject that is not a safe, bounded string: a number, empty, missing, too long, spaces or control characters", async () => {
    const t = now();
    const bad: unknown[] = [
      12345,
      0,
      "",
      undefined,
      null,
      "x".repeat(256),
      "anna andersson",
      "anna\nforged-log-line",
      "åsa",
      ["a"],
      { id: "a" },
    ];
    for (const sub of bad) {
      const token = await kind.sign({
        scope: "iop:read",
        iat: t,
        exp: t + HOUR,
        ...(sub === undefined ? {} : { sub: sub as string }),
      });
      await expect(verifier.verify(token)).rejects.toThrow(
        "The bearer token's subject (sub) must be a string of 1–255 characters",
      );
    }
    expect(
      (await verifier.verify(await kind.sign(claims({ sub: "x".repeat(255), iat: t, exp: t + HOUR })))).subject,
    ).toHaveLength(255);
  });

  it("takes a configured maximum lifetime and clock tolerance", async () => {
    const strict = createTokenVerifier(kind.config({ maxLifetimeSeconds: HOUR, clockToleranceSeconds: 0 }));
    const t = now();
    expect((await strict.verify(await kind.sign(claims({ iat: t, exp: t + HOUR })))).subject).toBe("caseworker-1");
    await expect(strict.verify(await kind.sign(claims({ iat: t, exp: t + 2 * HOUR })))).rejects.toThrow(
      "at most 1 h is accepted",
    );
    await expect(strict.verify(await kind.sign(claims({ iat: t - HOUR, exp: t - 1 })))).rejects.toThrow("expired");
    await expect(strict.verify(await kind.sign(claims({ iat: t + 5, exp: t + HOUR })))).rejects.toThrow(
      "in the future",
    );
  });
});

describe("checkTokenClaims", () => {
  it("names the rule and the limit in its messages", () => {
    expect(() => checkTokenClaims({ sub: "a" }, DEFAULT_TOKEN_POLICY, 1_000_000)).toThrow(
      "tokens must expire within 12 h",
    );
    expect(
      checkTokenClaims({ sub: "a", iat: 1_000_000, exp: 1_000_000 + 12 * HOUR }, DEFAULT_TOKEN_POLICY, 1_000_000),
    ).toBe("a");
    expect([
      formatSeconds(43_200),
      formatSeconds(5400),
      formatSeconds(90),
      formatSeconds(45),
      formatSeconds(30 * 86400),
    ]).toEqual(["12 h", "1.5 h", "1.5 min", "45 s", "30 days"]);
  });
});
