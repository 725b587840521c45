import { GatewayProcess } from "../process-gateway";
import { organisationsnummer, rawRequest, type RawResponse } from "./helpers";

/**
 * Issue 13 item 2: the cost limit was beaten through an unpaged list in a type cycle
 * (IopPartner.agreements counted as 10 items). A partner with 527 agreements, created through
 * the API, and a query that walks agreement → partner → agreements twice returned 179 MB in
 * 3.5 s while /healthz stalled; one level deeper took 30 s of CPU and 2.8 GB. Against the built
 * gateway in production mode: such queries are refused before execution or answered within
 * bounds, /healthz stays responsive meanwhile, and the process stays alive.
 */
const AGREEMENTS = 527;
/**
 * /healthz must answer within this while the attack runs. Before the fix it stalled 3.4 s (and the
 * process could die); now the bounded answer (~0.5 MB) takes a few hundred ms on a loaded 2-core
 * machine, during which one /healthz may wait for the event loop.
 */
const HEALTHZ_BUDGET_MS = 1_000;

const ATTACK = `query Attack($partnerId: ID!) { iopAgreements(first: 50, filter: { partnerId: $partnerId }) { nodes { id partner { agreements { id partner { agreements { id } } } } } } }`;
const DEEPER = `query Deeper($partnerId: ID!) { iopAgreements(first: 50, filter: { partnerId: $partnerId }) { nodes { id partner { agreements { id partner { agreements { id partner { agreements { id } } } } } } } } }`;

jest.setTimeout(600_000);

let gw: GatewayProcess;
let token: string;
let partnerId: string;
const figures: Record<string, unknown> = {};

function post(query: string, variables: Record<string, unknown> = {}): Promise<RawResponse> {
  return rawRequest(gw.url, {
    body: JSON.stringify({ query, variables }),
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Runs the request while polling /healthz; returns the response and the slowest /healthz answer. */
async function underHealthWatch(
  request: () => Promise<RawResponse>,
): Promise<{ res: RawResponse; ms: number; healthzMaxMs: number; healthzPolls: number }> {
  let done = false;
  let healthzMaxMs = 0;
  let healthzPolls = 0;
  const watch = (async () => {
    while (!done) {
      const t = performance.now();
      try {
        const h = await fetch(`${gw.url}/healthz`);
        await h.text();
        healthzMaxMs = Math.max(healthzMaxMs, performance.now() - t);
      } catch {
        healthzMaxMs = Infinity; // refused or reset: the gateway is down
        return;
      }
      healthzPolls++;
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const started = performance.now();
  const res = await request()
    .catch(
      (e: Error): RawResponse => ({
        status: 0,
        requestId: "",
        headers: new Headers(),
        text: String(e.cause ?? e),
        json: null,
        codes: ["NO_ANSWER"],
      }),
    )
    .finally(() => (done = true));
  const ms = performance.now() - started;
  await watch;
  return { res, ms, healthzMaxMs, healthzPolls };
}

function statementsOf(requestId: string): number | undefined {
  const entry = gw.logEntries().find((e) => e.message === "request" && e.requestId === requestId);
  return entry?.statements as number | undefined;
}

beforeAll(async () => {
  gw = await GatewayProcess.start();
  token = await gw.token(["iop:read", "iop:write"], "cost-attack");
  const budget = await post(`{ iopFundingBudgets { id } }`);
  const fundingBudgetId = (budget.json?.data?.iopFundingBudgets as { id: string }[])[0].id;
  const partner = await post(`mutation P($input: IopPartnerInput!) { createIopPartner(input: $input) { id } }`, {
    input: { name: "Kostnadsprovets förening", organisationsnummer: organisationsnummer("802999888") },
  });
  expect(partner.codes).toEqual([]);
  partnerId = (partner.json!.data!.createIopPartner as { id: string }).id;
  // Through the API, as an attacker would (RATE_LIMIT_PER_MINUTE=0 in this test's gateway), 8 at a time.
  const started = performance.now();
  const create = `mutation A($input: IopCreateAgreementInput!) { createIopAgreement(input: $input) { id } }`;
  for (let i = 0; i < AGREEMENTS; i += 8) {
    const batch = Array.from({ length: Math.min(8, AGREEMENTS - i) }, (_, j) =>
      post(create, { input: { title: `Kostnadsprov ${i + j}`, partnerId, fundingBudgetId, startDate: "2026-01-01" } }),
    );
    for (const r of await Promise.all(batch)) expect(r.codes).toEqual([]);
  }
  figures.createSeconds = Math.round((performance.now() - started) / 100) / 10;
});

afterAll(async () => {
  console.warn(`[figures] cost attack: ${JSON.stringify(figures)}`);
  await gw?.stop();
});

it(`has a partner with ${AGREEMENTS} agreements, created through the API`, async () => {
  const res = await post(
    `query C($partnerId: ID!) { iopAgreements(first: 1, filter: { partnerId: $partnerId }) { totalCount } }`,
    { partnerId },
  );
  expect((res.json?.data?.iopAgreements as { totalCount: number }).totalCount).toBe(AGREEMENTS);
});

it.each([
  ["agreement → partner → agreements, twice", ATTACK],
  ["one level deeper", DEEPER],
])(
  "refuses the cycle through a partner's agreements (%s) before execution, or answers it within bounds, and /healthz stays responsive",
  async (name, query) => {
    const { res, ms, healthzMaxMs, healthzPolls } = await underHealthWatch(() => post(query, { partnerId }));
    const refused = res.codes.includes("QUERY_TOO_COSTLY");
    figures[name] = {
      status: res.status,
      codes: res.codes,
      bytes: res.text.length,
      ms: Math.round(ms),
      healthzMaxMs: Math.round(healthzMaxMs),
      healthzPolls,
    };
    if (refused) {
      expect(res.status).toBe(400);
      expect(statementsOf(res.requestId) ?? 0).toBe(0);
    } else {
      expect(res.status).toBe(200);
      expect(res.codes).toEqual([]);
      // Each nested list is a bounded page: 50 agreements × 25 × 25 ids, a few hundred kB at most.
      expect(res.text.length).toBeLessThan(2_000_000);
      const nodes = (res.json!.data!.iopAgreements as { nodes: { partner: { agreements: unknown[] } }[] }).nodes;
      for (const n of nodes) expect(n.partner.agreements.length).toBeLessThanOrEqual(25);
    }
    expect(healthzMaxMs).toBeLessThan(HEALTHZ_BUDGET_MS);
    expect(gw.alive).toBe(true);
  },
);

it("still answers ordinary requests afterwards", async () => {
  const res = await post(
    `query C($partnerId: ID!) { iopAgreements(first: 2, filter: { partnerId: $partnerId }) { nodes { id } } }`,
    { partnerId },
  );
  expect(res.status).toBe(200);
  expect(res.codes).toEqual([]);
  expect(gw.alive).toBe(true);
});
