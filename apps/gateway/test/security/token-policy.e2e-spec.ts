import { SignJWT, type JWTPayload } from "jose";
import { testDatabaseKind } from "@arbetsliv/core/testing";
import { loadConfig } from "../../src/config";
import { GatewayProcess, PRODUCTION_TEST_ENV } from "../process-gateway";
import { rawRequest } from "./helpers";

jest.setTimeout(180_000);

/**
 * The token policy over real HTTP against the built gateway in production mode: a token must
 * carry exp, live at most AUTH_MAX_TOKEN_LIFETIME_SECONDS (12 h by default) and name a string
 * subject. Each refusal is a 401 UNAUTHENTICATED that says which claim broke which rule.
 */
const QUERY = JSON.stringify({ query: '{ feedbackStatistics(from: "2021-01-01", to: "2021-12-31") { received } }' });
const now = () => Math.floor(Date.now() / 1000);

function sign(claims: JWTPayload): Promise<string> {
  return new SignJWT({ scope: "synpunkter:stats", ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .sign(new TextEncoder().encode(PRODUCTION_TEST_ENV.AUTH_JWT_SECRET));
}

describe(`token policy in production mode on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    gw = await GatewayProcess.start();
  });
  afterAll(() => gw?.stop());

  async function call(token: string) {
    const r = await rawRequest(gw.url, { body: QUERY, headers: { authorization: `Bearer ${token}` } });
    return {
      status: r.status,
      codes: r.codes,
      message: r.json?.errors?.[0]?.message ?? "",
      data: r.json?.data ?? null,
    };
  }

  it("answers a valid token", async () => {
    const t = now();
    const r = await call(await sign({ sub: "token-policy-ok", iat: t, exp: t + 3600 }));
    expect(r.status).toBe(200);
    expect(r.codes).toEqual([]);
    expect(r.data?.feedbackStatistics).toHaveProperty("received");
  });

  it.each([
    [
      "no exp",
      () => ({ sub: "token-policy-1", iat: now() }),
      "The bearer token has no expiry (exp): tokens must expire within 12 h",
    ],
    [
      "exp in 2100",
      () => ({ sub: "token-policy-2", iat: now(), exp: Date.UTC(2100, 0, 1) / 1000 }),
      "The bearer token lives too long",
    ],
    [
      "exp in 2100 and no iat",
      () => ({ sub: "token-policy-3", exp: Date.UTC(2100, 0, 1) / 1000 }),
      "The bearer token lives too long",
    ],
    [
      "a numeric sub",
      () => ({ sub: 4711 as unknown as string, iat: now(), exp: now() + 3600 }),
      "The bearer token's subject (sub) must be a string",
    ],
    ["no sub", () => ({ iat: now(), exp: now() + 3600 }), "The bearer token's subject (sub) must be a string"],
    [
      "an iat two minutes ahead",
      () => ({ sub: "token-policy-4", iat: now() + 120, exp: now() + 3600 }),
      "issue time (iat) is in the future",
    ],
  ])("refuses a token with %s: 401 UNAUTHENTICATED naming the claim", async (_name, claims, message) => {
    const token = await sign(claims());
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await call(token);
      expect({ status: r.status, codes: r.codes, data: r.data }).toEqual({
        status: 401,
        codes: ["UNAUTHENTICATED"],
        data: null,
      });
      expect(r.message).toContain(message);
    }
  });

  it("reads the lifetime and the clock tolerance from the environment and refuses bad values", () => {
    const config = loadConfig({
      ...PRODUCTION_TEST_ENV,
      DATABASE_URL: "mariadb://u:p@127.0.0.1:3306/db",
      AUTH_MAX_TOKEN_LIFETIME_SECONDS: "3600",
      AUTH_CLOCK_SKEW_SECONDS: "30",
    });
    expect({ max: config.auth.maxLifetimeSeconds, skew: config.auth.clockToleranceSeconds }).toEqual({
      max: 3600,
      skew: 30,
    });
    expect(loadConfig({ NODE_ENV: "development" }).auth).toMatchObject({
      maxLifetimeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
    expect(() =>
      loadConfig({
        NODE_ENV: "development",
        AUTH_MAX_TOKEN_LIFETIME_SECONDS: "forever",
        AUTH_CLOCK_SKEW_SECONDS: "3600",
      }),
    ).toThrow(
      /AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a whole number from 60 to 604800[\s\S]*AUTH_CLOCK_SKEW_SECONDS must be a whole number from 0 to 300/,
    );
  });
});
