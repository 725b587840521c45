import { IdempotencyKey, OutboxEvent } from "@arbetsliv/core";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { Application, donationsfonderModule, payoutMade, roundDecided, roundOpened } from "../src";
import { ADMIN, READ, REGISTER, WRITE, application, pnr, setUpRound, type RoundFixture } from "./fixture";

const PAY = `mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id amount paid payment { paidOn reference } } }`;
const DECIDE = `mutation($id: ID!, $v: Int!, $input: DonationBoardDecisionInput!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: $input) { status version } }`;
const ALLOCATE = `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status version } }`;
const PAYOUTS = `query($id: ID!) { donationPayouts(roundId: $id, first: 50) { nodes { id amount fundId applicationId } } }`;

/** Free text and person data the tests put in; none of it may reach an event. */
const DECISION_REFERENCE = "ALN 2025-05-19 § 12 Hemlig Beslutstext";
const PAYMENT_REFERENCE = "UB-Kalle-Anka-0001";
const applicants = [pnr("1980-02-11", 111), pnr("1975-06-30", 222), pnr("1990-11-05", 333)];

async function events(app: TestApp, type?: string) {
  const rows = await app.ds.manager.find(OutboxEvent, { where: type ? { type } : {}, order: { id: "ASC" } });
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

describe(`donationsfonder events and idempotent creates on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let fx: RoundFixture;
  let payouts: { id: string; amount: string; fundId: string; applicationId: string }[];

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    fx = await setUpRound(app, 2025, { elderly: 0, glasses: 3000, general: 0 });
  });
  afterAll(() => app.close());

  it("records round.opened with the round's id, year, term and dates when the round is opened", async () => {
    const rows = await events(app, roundOpened.type);
    expect(rows.map((r) => [r.subject, r.requiredScope, r.data])).toEqual([
      [
        `DonationRound/${fx.roundId}`,
        "donationsfonder:events",
        {
          roundId: fx.roundId,
          year: 2025,
          term: "ANNUAL",
          applicationOpens: "2025-03-01",
          applicationCloses: "2025-03-31",
          plannedDecisionDate: "2025-05-19",
          plannedPayoutDate: "2025-06-15",
        },
      ],
    ]);
  });

  it("records nothing when opening fails (the year's round exists already)", async () => {
    const before = (await events(app)).length;
    const again = await app.call(
      `mutation { openDonationRounds(input: { year: 2025, priceBaseAmount: "58800", policy: EQUAL, remainderRule: DISTRIBUTE_IN_ORDER }) { id } }`,
      ADMIN,
    );
    expect(again.errorCodes).toEqual(["CONFLICT"]);
    expect(await events(app)).toHaveLength(before);
  });

  describe("idempotent registration", () => {
    it("12 concurrent identical registrations with one key make one application and 12 identical answers", async () => {
      const input = {
        ...application(fx.roundId, applicants[0], { receivedDate: "2025-03-10" }),
        idempotencyKey: "eservice-2025-0001",
      };
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => app.call(REGISTER, { ...WRITE, variables: { input } })),
      );
      expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
      const first = answers[0].data!.registerDonationApplication;
      expect(first.status).toBe("RECEIVED");
      for (const a of answers) expect(a.data!.registerDonationApplication).toEqual(first);
      expect(await app.ds.manager.count(Application, { where: { roundId: Number(fx.roundId) } })).toBe(1);
      expect(await app.ds.manager.count(IdempotencyKey, { where: { idempotencyKey: "eservice-2025-0001" } })).toBe(1);

      const retry = await app.ok(REGISTER, { ...WRITE, variables: { input } });
      expect(retry.registerDonationApplication).toEqual(first);
      expect(await app.ds.manager.count(Application, { where: { roundId: Number(fx.roundId) } })).toBe(1);
    });

    it("the same key with another input is CONFLICT on input.idempotencyKey, and creates nothing", async () => {
      const input = {
        ...application(fx.roundId, applicants[0], { receivedDate: "2025-03-10", amountRequested: "9999" }),
        idempotencyKey: "eservice-2025-0001",
      };
      const r = await app.call(REGISTER, { ...WRITE, variables: { input } });
      expect(r.errorCodes).toEqual(["CONFLICT"]);
      expect(r.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
      expect(r.errors?.[0].message).toMatch(/^input\.idempotencyKey/);
      expect(await app.ds.manager.count(Application, { where: { roundId: Number(fx.roundId) } })).toBe(1);
    });

    it("a malformed key is refused naming input.idempotencyKey", async () => {
      const input = {
        ...application(fx.roundId, applicants[2], { receivedDate: "2025-03-10" }),
        idempotencyKey: "has spaces",
      };
      const r = await app.call(REGISTER, { ...WRITE, variables: { input } });
      expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
      expect(JSON.stringify(r.errors)).toMatch(/idempotencyKey/);
    });

    it("without a key two identical calls make two records (the second refused as a duplicate)", async () => {
      const input = application(fx.roundId, applicants[1], { receivedDate: "2025-03-11" });
      const a = await app.ok(REGISTER, { ...WRITE, variables: { input } });
      const b = await app.ok(REGISTER, { ...WRITE, variables: { input } });
      expect(a.registerDonationApplication.id).not.toBe(b.registerDonationApplication.id);
      expect([a.registerDonationApplication.status, b.registerDonationApplication.status]).toEqual([
        "RECEIVED",
        "REFUSED",
      ]);
      await app.ok(REGISTER, {
        ...WRITE,
        variables: { input: application(fx.roundId, applicants[2], { receivedDate: "2025-03-12" }) },
      });
      expect(await app.ds.manager.count(Application, { where: { roundId: Number(fx.roundId) } })).toBe(4);
    });
  });

  it("records round.decided with the payout count and total when the board decides, and nothing for a refused decision", async () => {
    const allocated = await app.ok(ALLOCATE, { ...WRITE, variables: { id: fx.roundId, v: fx.version } });
    const stale = await app.call(DECIDE, {
      ...WRITE,
      variables: {
        id: fx.roundId,
        v: allocated.allocateDonationRound.version - 1,
        input: { decisionDate: "2025-05-19", reference: DECISION_REFERENCE },
      },
    });
    expect(stale.errorCodes).toEqual(["CONFLICT"]);
    expect(await events(app, roundDecided.type)).toEqual([]);

    await app.ok(DECIDE, {
      ...WRITE,
      variables: {
        id: fx.roundId,
        v: allocated.allocateDonationRound.version,
        input: { decisionDate: "2025-05-19", reference: DECISION_REFERENCE },
      },
    });
    payouts = (await app.ok(PAYOUTS, { ...READ, variables: { id: fx.roundId } })).donationPayouts.nodes;
    expect(payouts).toHaveLength(3);
    const total = payouts.reduce((s, p) => s + Number(p.amount), 0);
    const rows = await events(app, roundDecided.type);
    expect(rows.map((r) => [r.subject, r.data])).toEqual([
      [
        `DonationRound/${fx.roundId}`,
        {
          roundId: fx.roundId,
          year: 2025,
          decisionDate: "2025-05-19",
          scheduledPayoutDate: "2025-06-15",
          payoutCount: payouts.length,
          payoutTotal: total.toFixed(2),
        },
      ],
    ]);
  });

  it("records payout.made once per payout: ids, amount and payment date; a second attempt records nothing", async () => {
    const p = payouts[0];
    await app.ok(PAY, {
      ...WRITE,
      variables: { input: { payoutId: p.id, paidOn: "2025-06-15", reference: PAYMENT_REFERENCE } },
    });
    const again = await app.call(PAY, { ...WRITE, variables: { input: { payoutId: p.id, paidOn: "2025-06-16" } } });
    expect(again.errorCodes).toEqual(["CONFLICT"]);
    const rows = await events(app, payoutMade.type);
    expect(rows.map((r) => [r.subject, r.requiredScope, r.data])).toEqual([
      [
        `DonationPayout/${p.id}`,
        "donationsfonder:events",
        {
          payoutId: p.id,
          roundId: fx.roundId,
          fundId: p.fundId,
          applicationId: p.applicationId,
          amount: p.amount,
          paidOn: "2025-06-15",
        },
      ],
    ]);
  });

  it("rolls the event back with the change: a payout whose transaction fails after the event was written is neither paid nor announced", async () => {
    const p = payouts[2];
    // The access log is written after the event, in the same transaction: without its table the change fails there.
    await app.ds.query("ALTER TABLE access_log RENAME TO access_log_away");
    let failed;
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      failed = await app.call(PAY, { ...WRITE, variables: { input: { payoutId: p.id, paidOn: "2025-06-15" } } });
    } finally {
      await app.ds.query("ALTER TABLE access_log_away RENAME TO access_log");
      quiet.mockRestore();
    }
    expect(failed.errorCodes).toEqual(["INTERNAL_SERVER_ERROR"]);
    expect((await events(app, payoutMade.type)).filter((e) => e.data.payoutId === p.id)).toEqual([]);
    const list = await app.ok(
      `query($id: ID!) { donationPayouts(roundId: $id, paid: true, first: 50) { nodes { id } } }`,
      { ...READ, variables: { id: fx.roundId } },
    );
    expect(list.donationPayouts.nodes.map((n: { id: string }) => n.id)).not.toContain(p.id);
  });

  it("marking paid with an idempotency key: a retry gets the first answer, not CONFLICT, and one event", async () => {
    const p = payouts[1];
    const input = {
      payoutId: p.id,
      paidOn: "2025-06-15",
      reference: PAYMENT_REFERENCE,
      idempotencyKey: `finance-${p.id}`,
    };
    const first = await app.ok(PAY, { ...WRITE, variables: { input } });
    const retry = await app.ok(PAY, { ...WRITE, variables: { input } });
    expect(retry).toEqual(first);
    const other = await app.call(PAY, { ...WRITE, variables: { input: { ...input, paidOn: "2025-06-16" } } });
    expect(other.errorCodes).toEqual(["CONFLICT"]);
    expect(other.errors?.[0].extensions?.field).toBe("input.idempotencyKey");
    expect((await events(app, payoutMade.type)).filter((e) => e.data.payoutId === p.id)).toHaveLength(1);
  });

  it("protected-data sweep: every event type occurred, and no event carries a person or free text", async () => {
    const rows = await events(app);
    const occurred = new Set(rows.map((r) => r.type));
    for (const type of donationsfonderModule.events ?? [])
      expect([type.type, occurred.has(type.type)]).toEqual([type.type, true]);
    expect(rows.length).toBeGreaterThan(0);

    const forbidden = [
      ...applicants,
      ...applicants.map((p) => p.replace(/\D/g, "")),
      ...applicants.map((p) => p.replace(/\D/g, "").slice(-10)),
      DECISION_REFERENCE,
      PAYMENT_REFERENCE,
      "Kalle",
      "Hemlig",
      "Glasögonfonden",
      "handlaggare-anna",
      "GLASSES",
      "95000",
    ];
    for (const row of rows) {
      const text = `${row.subject} ${JSON.stringify(row.data)}`;
      for (const value of forbidden) expect([row.id, text.includes(value)]).toEqual([row.id, false]);
      expect([row.id, /\d{6,8}[-+]?\d{4}/.test(text)]).toEqual([row.id, false]);
      expect(row.requiredScope).toBe("donationsfonder:events");
    }
  });
});
