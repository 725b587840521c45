import { createTokenVerifier, signDevelopmentToken, VerifiedTokens } from "./jwt";

const SECRET = "spec-secret-spec-secret-spec-secret-0123";
const principal = (subject: string) => ({ subject, kind: "user" as const, scopes: new Set(["a:read"]) });

describe("VerifiedTokens", () => {
  it("keeps a verified token until it expires, and at most its maximum age", () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens(60_000, 10, () => now);
    tokens.add("expires-soon", principal("a"), (now + 10_000) / 1000);
    tokens.add("expires-late", principal("b"), (now + 3_600_000) / 1000);
    tokens.add("no-exp", principal("c"), undefined);
    tokens.add("already-expired", principal("d"), (now - 1) / 1000);
    expect(tokens.get("expires-soon")?.subject).toBe("a");
    expect(tokens.get("already-expired")).toBeNull();
    now += 10_000;
    expect(tokens.get("expires-soon")).toBeNull(); // its exp
    expect(tokens.get("expires-late")?.subject).toBe("b");
    now += 50_000;
    expect(tokens.get("expires-late")).toBeNull(); // the maximum age
    expect(tokens.get("no-exp")).toBeNull();
  });

  it("holds a bounded number of tokens, the oldest out first, with frozen principals", () => {
    const tokens = new VerifiedTokens(60_000, 2, () => 0);
    for (const t of ["t1", "t2", "t3"]) tokens.add(t, principal(t), undefined);
    expect([tokens.get("t1"), tokens.get("t2")?.subject, tokens.get("t3")?.subject]).toEqual([null, "t2", "t3"]);
    expect(Object.isFrozen(tokens.get("t3"))).toBe(true);
  });
});

describe("createTokenVerifier", () => {
  it("answers a repeated token from what it verified, and refuses a bad one every time", async () => {
    const verifier = createTokenVerifier({ kind: "secret", secret: SECRET });
    const token = await signDevelopmentToken(SECRET, { sub: "caseworker", scopes: ["iop:read"] }, "1h");
    const first = await verifier.verify(token);
    expect(first.subject).toBe("caseworker");
    expect([...first.scopes]).toEqual(["iop:read"]);
    expect(await verifier.verify(token)).toBe(first);
    const forged = token.slice(0, -2) + (token.endsWith("A") ? "BB" : "AA");
    await expect(verifier.verify(forged)).rejects.toThrow("invalid or expired");
    await expect(verifier.verify(forged)).rejects.toThrow("invalid or expired");
    const otherKey = await signDevelopmentToken("another-secret-another-secret-0123456", { sub: "x", scopes: [] });
    await expect(verifier.verify(otherKey)).rejects.toThrow("invalid or expired");
  });
});
