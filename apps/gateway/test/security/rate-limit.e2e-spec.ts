import { GatewayProcess } from "../process-gateway";

/**
 * The rate limit is a sliding window: in ANY interval of the window no client gets more than the
 * limit — also not by spending its budget just before a window edge and again just after (a fixed
 * window lets 2 × limit through there: 1 200 in 2.8 s at 600/min). The window is shortened to 3 s
 * here (RATE_LIMIT_WINDOW_MS, for tests) so the run takes seconds, not minutes.
 */
const LIMIT = 20;
const WINDOW_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("sliding-window rate limit of the built gateway (production mode)", () => {
  let gw: GatewayProcess;
  beforeAll(async () => {
    gw = await GatewayProcess.start({
      demoSeed: false,
      env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_WINDOW_MS: String(WINDOW_MS) },
    });
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
  });

  it("accepts at most the limit in any window, even across an edge, lets the whole budget go at once, and tells when to retry", async () => {
    const token = await gw.token([], "rate-edge");
    const refusals: { at: number; retryAfter: number }[] = [];
    const send = async () => {
      const at = Date.now();
      const res = await fetch(`${gw.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: '{"query":"{ __typename }"}',
      });
      await res.text();
      if (res.status === 429) refusals.push({ at, retryAfter: Number(res.headers.get("retry-after")) });
      return res.status;
    };
    const burst = (n: number) => Promise.all(Array.from({ length: n }, send));

    // One request opens a fixed window; the rest of the budget just before its edge, and a full budget just after.
    const t0 = Date.now();
    expect(await send()).toBe(200);
    await sleep(WINDOW_MS - 300 - (Date.now() - t0));
    const beforeEdge = await burst(LIMIT - 1);
    await sleep(t0 + WINDOW_MS + 50 - Date.now());
    const afterEdge = await burst(LIMIT);
    // Then steady traffic for two more windows: the budget comes back as requests leave the window.
    const steady: number[] = [];
    while (Date.now() - t0 < 3.2 * WINDOW_MS) {
      steady.push(await send());
      await sleep(25);
    }

    const accepted = gw
      .logEntries()
      .filter((e) => e.message === "request" && e.subject === "rate-edge" && e.status === 200)
      .map((e) => Date.parse(String(e.time)) - Number(e.durationMs))
      .sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0; i < accepted.length; i++) {
      let j = i;
      while (j < accepted.length && accepted[j] < accepted[i] + WINDOW_MS - 20) j++;
      busiest = Math.max(busiest, j - i);
    }
    const afterEdgeAccepted = afterEdge.filter((s) => s === 200).length;
    console.warn(
      `[figures] rate limit ${LIMIT} per ${WINDOW_MS} ms: before the edge ${beforeEdge.filter((s) => s === 200).length}/${LIMIT - 1} accepted, ` +
        `just after it ${afterEdgeAccepted}/${LIMIT} (a fixed window: ${LIMIT}); steady ${steady.filter((s) => s === 200).length}/${steady.length}; ` +
        `${accepted.length} accepted in ${Date.now() - t0} ms, busiest window ${busiest}; retry-after ${[...new Set(refusals.map((r) => r.retryAfter))].join("/")} s`,
    );
    expect(beforeEdge.every((s) => s === 200)).toBe(true); // the whole budget at once
    expect(afterEdgeAccepted).toBeLessThanOrEqual(1);
    expect(busiest).toBeLessThanOrEqual(LIMIT);
    expect(steady.filter((s) => s === 200).length).toBeGreaterThanOrEqual(LIMIT); // it comes back
    // retry-after is honest: waiting that long gets a request through.
    const firstRefusal = refusals[0];
    expect(firstRefusal.retryAfter).toBeGreaterThanOrEqual(1);
    expect(firstRefusal.retryAfter).toBeLessThanOrEqual(Math.ceil(WINDOW_MS / 1000) + 1);
    expect(
      accepted.some((a) => a > firstRefusal.at && a <= firstRefusal.at + firstRefusal.retryAfter * 1000 + 100),
    ).toBe(true);
  }, 60_000);
});
