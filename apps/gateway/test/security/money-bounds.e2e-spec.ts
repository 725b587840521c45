import { testDatabaseKind } from "@arbetsliv/core/testing";
import { modules } from "../../src/modules";
import { TestGateway } from "../harness";
import { GatewayProcess } from "../process-gateway";
import { allScopes, rawRequest, type RawResponse } from "./helpers";
import { ProcessDatabase } from "./process-database";

/**
 * Item 7 of issue 13: money inputs have plausibility bounds (a correction cannot exceed what it
 * corrects; each amount has a domain maximum), refused with BAD_USER_INPUT naming the field and
 * the rule, nothing written; and the statistics answer even when the database holds odd sums.
 */
jest.setTimeout(240_000);

const CORRECT = `mutation($input: CorrectAssistancePayoutInput!) { correctAssistancePayout(input: $input) { id amount } }`;
const INDICATORS = `query($from: Date!, $to: Date!) { assistanceIndicators(from: $from, to: $to) { grossPaid netCost months { month grossPaid netCost } } }`;

interface Payout {
  id: string;
  type: string;
  amount: string;
  month: string;
  paymentDate: string;
}

const ore = (kronor: string) => BigInt(kronor.replace(".", ""));

describe(`money bounds against the built gateway in production mode on ${testDatabaseKind()}`, () => {
  let gw: GatewayProcess;
  let db: ProcessDatabase;
  let token: string;

  beforeAll(async () => {
    gw = await GatewayProcess.start();
    db = await ProcessDatabase.open(gw, modules);
    token = await gw.token(allScopes(modules), "money-bounds");
  });
  afterAll(async () => {
    await db?.close();
    await gw?.stop();
  });

  const send = async (query: string, variables: Record<string, unknown> = {}): Promise<RawResponse> =>
    rawRequest(gw.url, { body: JSON.stringify({ query, variables }), headers: { authorization: `Bearer ${token}` } });

  /** An original payout of the demo data (4 620 kr, as in the report, when there is one). */
  async function originalPayout(): Promise<Payout> {
    const r = await send(
      `{ assistanceHouseholds(first: 50) { nodes { payouts { id type amount month paymentDate } } } }`,
    );
    expect(r.codes).toEqual([]);
    const payouts = (r.json!.data!.assistanceHouseholds as { nodes: { payouts: Payout[] }[] }).nodes
      .flatMap((n) => n.payouts)
      .filter((p) => p.type === "ORIGINAL");
    expect(payouts.length).toBeGreaterThan(0);
    return payouts.find((p) => p.amount === "4620.00") ?? payouts[0];
  }

  it("refuses ten corrections of 9 999 999 999 999.99 kr on a payout, naming the field and the rule, and writes nothing; the indicators still answer", async () => {
    const payout = await originalPayout();
    const before = await db.fingerprint();
    for (let i = 0; i < 10; i++) {
      const r = await send(CORRECT, {
        input: { payoutId: payout.id, amount: "9999999999999.99", reason: "Fuzz", paymentDate: payout.paymentDate },
      });
      expect(r.status).toBeLessThan(500);
      expect(r.codes).toEqual(["BAD_USER_INPUT"]);
      expect(r.json?.errors?.[0].extensions).toMatchObject({ field: "input.amount", rule: "max" });
      expect(r.json?.errors?.[0].message).toMatch(/input\.amount: .*at most 1000000\.00 kr/);
    }
    expect(await db.fingerprint()).toBe(before);
    const month = payout.month;
    const r = await send(INDICATORS, { from: `${month}-01`, to: `${month}-28` });
    expect(r.codes).toEqual([]);
  });

  it("refuses a correction larger than the payout it corrects (rule at-most-original), and accepts one within it", async () => {
    const payout = await originalPayout();
    const tooMuch = (ore(payout.amount) + 1n).toString();
    const before = await db.fingerprint();
    const r = await send(CORRECT, {
      input: {
        payoutId: payout.id,
        amount: `${tooMuch.slice(0, -2)}.${tooMuch.slice(-2)}`,
        reason: "Fuzz",
        paymentDate: payout.paymentDate,
      },
    });
    expect(r.codes).toEqual(["BAD_USER_INPUT"]);
    expect(r.json?.errors?.[0].extensions).toMatchObject({ field: "input.amount", rule: "at-most-original" });
    expect(await db.fingerprint()).toBe(before);
    const ok = await send(CORRECT, {
      input: { payoutId: payout.id, amount: "1.00", reason: "Rättelse", paymentDate: payout.paymentDate },
    });
    expect(ok.codes).toEqual([]);
  });

  it("refuses money beyond each domain's maximum with BAD_USER_INPUT naming the field (one per domain)", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        `mutation($v: Money!) { setAssistanceBudget(year: 2021, netCostBudget: $v) { year } }`,
        { v: "9999999999999.99" },
        "netCostBudget",
      ],
      [
        `mutation($v: Money!) { createDonationFund(input: { code: "FUZZ", name: "Fuzz", statutes: "Fuzz", purposes: [CHILDREN_LEISURE], capital: $v, publishedOrder: 1 }) { id } }`,
        { v: "9999999999999.99" },
        "input.capital",
      ],
      [
        `mutation($v: Money!) { addIopAmendment(agreementId: "1", input: { title: "Fuzz", amounts: [{ year: 2021, amount: $v }] }) { id } }`,
        { v: "-9999999999999.99" },
        "input.amounts.0.amount",
      ],
    ];
    for (const [query, variables, field] of cases) {
      const r = await send(query, variables);
      expect({ field, codes: r.codes, at: r.json?.errors?.[0].extensions?.field }).toEqual({
        field,
        codes: ["BAD_USER_INPUT"],
        at: field,
      });
    }
  });
});

describe(`statistics over odd money in the database (in-process, rows written directly) on ${testDatabaseKind()}`, () => {
  let gw: TestGateway;
  let token: string;

  beforeAll(async () => {
    gw = await TestGateway.start();
    token = await gw.token(allScopes(modules), "money-bounds");
  });
  afterAll(() => gw?.stop());

  it("answers assistanceIndicators (no internal error) when payment sums pass 2^53 öre — the sum of ten 9 999 999 999 999.99 kr corrections on a 4 620 kr payout", async () => {
    const period = { from: "2021-03-01", to: "2021-03-31" };
    const before = await gw.gql(INDICATORS, { token, variables: period });
    expect(before.codes).toEqual([]);
    // What the unbounded API used to accept: ten corrections of 999 999 999 999 999 öre, summed into the day's row.
    const huge = 10n * 999_999_999_999_999n + 462_000n;
    await gw.gateway.ds.query(
      `INSERT INTO eb_payment_day (paymentDate, amount) VALUES ('2021-03-15', ${huge}) ${testDatabaseKind() === "mysql" ? "ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)" : "ON CONFLICT (paymentDate) DO UPDATE SET amount = amount + excluded.amount"}`,
    );
    const after = await gw.gql(INDICATORS, { token, variables: period });
    expect(after.status).toBe(200);
    expect(after.codes).toEqual([]);
    const gross = (after.data as { assistanceIndicators: { grossPaid: string | null } }).assistanceIndicators.grossPaid;
    const previous = (before.data as { assistanceIndicators: { grossPaid: string | null } }).assistanceIndicators
      .grossPaid;
    // Every scope includes the exact one: nothing is suppressed.
    expect(gross).not.toBeNull();
    // Beyond 2^53 the database drivers hand the sum over as a double: exact to within its spacing (2 öre up to 2^54).
    const difference = ore(gross!) - (ore(previous!) + huge);
    expect(difference >= -2n && difference <= 2n).toBe(true);
  });
});
