import { MemoryReplayStore } from "./subgraph/replay-store";
import { SignatureVerifier, signRequest, subgraphSecret, SIGNATURE_TOLERANCE_MS, type SignedParts } from "./signature";

const SECRET = "a-test-secret-of-at-least-thirty-two-chars";
const parts: SignedParts = {
  method: "POST",
  path: "/graphql",
  requestId: "req_abc",
  authorization: "Bearer token-1",
  body: '{"query":"{ __typename }"}',
};

describe("gateway → subgraph request signatures", () => {
  it("accepts a request the gateway signed, once", async () => {
    const verifier = new SignatureVerifier(SECRET);
    const header = signRequest(SECRET, parts);
    expect(await verifier.verify(header, parts)).toBeNull();
    expect(await verifier.verify(header, parts)).toBe("replayed");
  });

  it.each([
    ["body", { body: '{"query":"mutation { x }"}' }],
    ["token", { authorization: "Bearer someone-else" }],
    ["request id", { requestId: "req_chosen_by_caller" }],
    ["path", { path: "/other" }],
    ["method", { method: "GET" }],
    ["traceparent", { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }],
    ["tracestate", { tracestate: "vendor=chosen-by-caller" }],
  ])("refuses a signature whose %s was changed", async (_what, change) => {
    const verifier = new SignatureVerifier(SECRET);
    expect(await verifier.verify(signRequest(SECRET, parts), { ...parts, ...change })).toBe("invalid");
  });

  it("refuses another secret's signature, a missing or malformed header, and an old one", async () => {
    const now = 1_800_000_000_000;
    const verifier = new SignatureVerifier(SECRET, SIGNATURE_TOLERANCE_MS, () => now);
    expect(await verifier.verify(signRequest("another-secret-of-at-least-thirty-two-c", parts, now), parts)).toBe(
      "invalid",
    );
    expect(await verifier.verify(undefined, parts)).toBe("missing");
    expect(await verifier.verify("v1=abc", parts)).toBe("malformed");
    expect(await verifier.verify(["t=1,v1=" + "0".repeat(64)], parts)).toBe("malformed");
    expect(await verifier.verify(signRequest(SECRET, parts, now - SIGNATURE_TOLERANCE_MS - 1), parts)).toBe("expired");
    expect(await verifier.verify(signRequest(SECRET, parts, now + SIGNATURE_TOLERANCE_MS + 1), parts)).toBe("expired");
    expect(await verifier.verify(signRequest(SECRET, parts, now - SIGNATURE_TOLERANCE_MS + 1), parts)).toBeNull();
  });

  it("covers the trace context it was signed with", async () => {
    const traced = { ...parts, traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
    const verifier = new SignatureVerifier(SECRET);
    expect(await verifier.verify(signRequest(SECRET, traced), { ...traced, traceparent: "" })).toBe("invalid");
    expect(await verifier.verify(signRequest(SECRET, traced), traced)).toBeNull();
  });

  it("remembers a signature until it would be refused as expired, then forgets it", async () => {
    let now = 1_800_000_000_000;
    const store = new MemoryReplayStore();
    const verifier = new SignatureVerifier(SECRET, SIGNATURE_TOLERANCE_MS, () => now, store);
    const header = signRequest(SECRET, parts, now);
    expect(await verifier.verify(header, parts)).toBeNull();
    now += SIGNATURE_TOLERANCE_MS;
    expect(await verifier.verify(header, parts)).toBe("replayed");
    now += 1;
    expect(await verifier.verify(header, parts)).toBe("expired");
    // The memory itself forgets a signature once its time has passed.
    const memory = new MemoryReplayStore();
    expect(await memory.firstUse("sig", 10, 0)).toBe(true);
    expect(await memory.firstUse("sig", 10, 10)).toBe(false);
    expect(await memory.firstUse("sig", 10, 11)).toBe(true);
  });

  it("needs a long secret, and one in production", () => {
    expect(() => subgraphSecret({ GATEWAY_SUBGRAPH_SECRET: "short" }, false)).toThrow("at least 32");
    expect(() => subgraphSecret({}, true)).toThrow("required in production");
    expect(subgraphSecret({ GATEWAY_SUBGRAPH_SECRET: SECRET }, true)).toBe(SECRET);
  });
});
