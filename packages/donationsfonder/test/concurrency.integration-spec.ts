import { inTransaction } from "@arbetsliv/core/data";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import { Application, PayoutPayment, donationsfonderModule, rebuildDonationSummaries } from "../src";
import { READ, REGISTER, WRITE, application, pnr, register, setUpRound, type RoundFixture } from "./fixture";

describe(`donationsfonder exactly-once rules under concurrency on ${testDatabaseKind()}`, () => {
  let app: TestApp;
  let fx: RoundFixture;

  beforeAll(async () => {
    app = await TestApp.start([donationsfonderModule]);
    fx = await setUpRound(app, 2023, { elderly: 0, glasses: 10_000, general: 0 });
  });
  afterAll(() => app.close());

  it("takes one application per person when ten arrive at once; the rest are kept as duplicates", async () => {
    const person = pnr("1979-12-24", 424);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.call(REGISTER, {
          ...WRITE,
          variables: {
            input: application(fx.roundId, person, { receivedDate: "2023-03-10", amountRequested: String(1000 + i) }),
          },
        }),
      ),
    );
    expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
    const statuses = results.map((r) => r.data!.registerDonationApplication.status).sort();
    expect(statuses).toEqual(["RECEIVED", ...Array(9).fill("REFUSED")]);
    const rows = await app.ds
      .getRepository(Application)
      .find({ where: { roundId: Number(fx.roundId), personnummer: person } });
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.activePersonnummer !== null)).toHaveLength(1);
    expect(rows.filter((r) => r.rejectionReason === "DUPLICATE")).toHaveLength(9);
  });

  it("never lets concurrent adjustments take a fund above what it has", async () => {
    for (let i = 0; i < 9; i++)
      await register(
        app,
        application(fx.roundId, pnr("1960-05-05", 500 + i), {
          receivedDate: `2023-03-${String(11 + i)}`,
          amountRequested: "5000",
        }),
      );
    const round = await app.ok(`query($id: ID!) { donationRound(id: $id) { version } }`, {
      ...READ,
      variables: { id: fx.roundId },
    });
    await app.ok(
      `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { status } }`,
      {
        ...WRITE,
        variables: { id: fx.roundId, v: round.donationRound.version },
      },
    );
    // ten applications share 10 000 kr: 1 000 kr each; each caseworker tries to lift one to 1 500 kr
    const list = await app.ok(
      `query($id: ID!) { donationApplications(roundId: $id, status: ELIGIBLE) { nodes { allocation { id amount version } } } }`,
      {
        ...READ,
        variables: { id: fx.roundId },
      },
    );
    const allocations = list.donationApplications.nodes.map(
      (n: { allocation: { id: string; amount: string; version: number } }) => n.allocation,
    );
    expect(allocations).toHaveLength(10);
    expect(allocations.every((a: { amount: string }) => a.amount === "1000.00")).toBe(true);
    const ADJUST = `mutation($input: AdjustDonationAllocationInput!) { adjustDonationAllocation(input: $input) { amount } }`;
    const results = await Promise.all(
      allocations.map((a: { id: string; version: number }) =>
        app.call(ADJUST, {
          ...WRITE,
          variables: {
            input: {
              allocationId: a.id,
              amount: "1500",
              reason: "Kvitto visar högre kostnad",
              expectedVersion: a.version,
            },
          },
        }),
      ),
    );
    // nothing is left in the fund, so every raise is refused
    expect(results.map((r) => r.errorCodes[0]).every((c) => c === "BAD_USER_INPUT")).toBe(true);
    // lowering two makes room for exactly one raise of 500 kr... attempted by five at once
    await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: allocations[0].id,
          amount: "750",
          reason: "Delvis beviljat",
          expectedVersion: allocations[0].version,
        },
      },
    });
    await app.ok(ADJUST, {
      ...WRITE,
      variables: {
        input: {
          allocationId: allocations[1].id,
          amount: "750",
          reason: "Delvis beviljat",
          expectedVersion: allocations[1].version,
        },
      },
    });
    const raises = await Promise.all(
      allocations.slice(2, 7).map((a: { id: string; version: number }) =>
        app.call(ADJUST, {
          ...WRITE,
          variables: {
            input: {
              allocationId: a.id,
              amount: "1500",
              reason: "Kvitto visar högre kostnad",
              expectedVersion: a.version,
            },
          },
        }),
      ),
    );
    expect(raises.filter((r) => !r.errors).length).toBe(1);
    const after = await app.ok(
      `query($id: ID!) { donationApplications(roundId: $id, status: ELIGIBLE) { nodes { allocation { amount } } } }`,
      { ...READ, variables: { id: fx.roundId } },
    );
    const total = after.donationApplications.nodes.reduce(
      (s: number, n: { allocation: { amount: string } }) => s + Number(n.allocation.amount),
      0,
    );
    expect(total).toBe(10_000);
  });

  it("marks a payout paid exactly once when ten requests race", async () => {
    const round = await app.ok(`query($id: ID!) { donationRound(id: $id) { version } }`, {
      ...READ,
      variables: { id: fx.roundId },
    });
    await app.ok(
      `mutation($id: ID!, $v: Int!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: { decisionDate: "2023-05-19", reference: "ALN 2023-05-19" }) { status } }`,
      {
        ...WRITE,
        variables: { id: fx.roundId, v: round.donationRound.version },
      },
    );
    const payouts = await app.ok(`query($id: ID!) { donationPayouts(roundId: $id) { nodes { id } } }`, {
      ...READ,
      variables: { id: fx.roundId },
    });
    const payoutId = payouts.donationPayouts.nodes[0].id;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.call(`mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id } }`, {
          ...WRITE,
          variables: { input: { payoutId, paidOn: "2023-06-15", reference: `UB-${i}` } },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap((r) => r.errorCodes).sort()).toEqual(Array(11).fill("CONFLICT"));
    expect(await app.ds.getRepository(PayoutPayment).count({ where: { payoutId: Number(payoutId) } })).toBe(1);
  });

  it("keeps the report's summary rows exact when many writers add to the same row at once", async () => {
    const list = await app.ok(`query($id: ID!) { donationPayouts(roundId: $id, paid: false) { nodes { id } } }`, {
      ...READ,
      variables: { id: fx.roundId },
    });
    expect(list.donationPayouts.nodes).toHaveLength(9);
    const results = await Promise.all(
      list.donationPayouts.nodes.map((p: { id: string }) =>
        app.call(`mutation($input: MarkDonationPayoutPaidInput!) { markDonationPayoutPaid(input: $input) { id } }`, {
          ...WRITE,
          variables: { input: { payoutId: p.id, paidOn: "2023-06-16" } },
        }),
      ),
    );
    expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
    const rows = () =>
      app.ds.query(
        "SELECT * FROM donation_round_fund_summary UNION ALL SELECT roundId, 0, applications, 0, 0, 0 FROM donation_round_status_summary ORDER BY 1, 2, 3",
      );
    const maintained = await rows();
    await inTransaction(app.ds, (m) => rebuildDonationSummaries(m));
    expect(maintained).toEqual(await rows());
    const report = await app.ok(
      `{ donationReport(from: "2023-01-01", to: "2023-12-31") { amountPaid rounds { applications refused granted personsReached } } }`,
      {
        scopes: ["donationsfonder:stats"],
      },
    );
    expect(report.donationReport).toEqual({
      amountPaid: "10000.00",
      rounds: [{ applications: 19, refused: 9, granted: 10, personsReached: 10 }],
    });
  });

  it("links the persons of two rounds decided at the same moment into one another's chains", async () => {
    const rounds = [
      await setUpRound(app, 2024, { elderly: 0, glasses: 10_000, general: 0 }),
      await setUpRound(app, 2025, { elderly: 0, glasses: 10_000, general: 0 }),
    ];
    const versions: number[] = [];
    for (const [i, r] of rounds.entries()) {
      const persons = i === 0 ? [500, 501, 502, 503] : [502, 503, 510, 511];
      for (const [k, p] of persons.entries()) {
        await register(
          app,
          application(r.roundId, pnr("1960-05-05", p), {
            receivedDate: `${2024 + i}-03-1${k}`,
            amountRequested: "1000",
          }),
        );
      }
      const done = await app.ok(
        `mutation($id: ID!, $v: Int!) { allocateDonationRound(roundId: $id, expectedVersion: $v) { version } }`,
        { ...WRITE, variables: { id: r.roundId, v: r.version } },
      );
      versions.push(done.allocateDonationRound.version);
    }
    const results = await Promise.all(
      rounds.map((r, i) =>
        app.call(
          `mutation($id: ID!, $v: Int!, $input: DonationBoardDecisionInput!) { recordDonationBoardDecision(roundId: $id, expectedVersion: $v, input: $input) { status } }`,
          {
            ...WRITE,
            variables: {
              id: r.roundId,
              v: versions[i],
              input: { decisionDate: `${2024 + i}-05-19`, reference: `ALN ${2024 + i}` },
            },
          },
        ),
      ),
    );
    expect(results.flatMap((r) => r.errorCodes)).toEqual([]);
    const rows = () =>
      app.ds.query(
        "SELECT roundId, previousRoundId, persons FROM donation_reach_summary ORDER BY roundId, previousRoundId",
      );
    const maintained = await rows();
    await inTransaction(app.ds, (m) => rebuildDonationSummaries(m));
    expect(maintained).toEqual(await rows());
    // 2023: ten persons (the racer and 500–508); 2024: 500–503; 2025: 502, 503 and the new 510, 511
    const report = await app.ok(
      `{ donationReport(from: "2023-01-01", to: "2025-12-31") { personsReachedInRounds distinctPersonsReached } }`,
      { scopes: ["donationsfonder:stats"] },
    );
    expect(report.donationReport).toEqual({ personsReachedInRounds: 10 + 4 + 4, distinctPersonsReached: 12 });
  });
});
