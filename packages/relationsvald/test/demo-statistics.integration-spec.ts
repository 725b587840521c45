import { oreToKronor } from "@arbetsliv/core/values";
import { TestApp, testDatabaseKind } from "@arbetsliv/core/testing";
import {
  Placement,
  ProviderDailyFee,
  ServiceFeeAgreement,
  costLines,
  placementCostsByProvider,
  relationsvaldModule,
} from "../src";
import { READ, STATS, STATS_EXACT, TRUSTED } from "./helpers";

/** The annual report 2021, 4.3.5 Relationsvåld: placements by type. */
const REPORTED: Record<string, [number, number]> = {
  PROTECTED_HOUSING: [42, 25],
  INTERNAL_OUTPATIENT: [19, 20],
  EXTERNAL_OUTPATIENT: [4, 4],
  EMERGENCY_HOUSING: [7, 3],
  SOCIAL_CONTRACT: [3, 0],
  FAMILY_HOME: [0, 1],
};

const kronor = (money: string) => Number(money);

describe(`the demo data and the board's statistics on ${testDatabaseKind()}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start([relationsvaldModule]);
    await relationsvaldModule.seedDemo!(app.ds);
  });
  afterAll(() => app.close());

  it("reproduces the 2021/2020 table of placements by type from the records", async () => {
    const data = await app.ok(
      `query { placementStatisticsByYear(fromYear: 2020, toYear: 2021) { from to byType { type placements persons nights } } }`,
      {
        scopes: [STATS_EXACT],
      },
    );
    const [y2020, y2021] = data.placementStatisticsByYear;
    expect(y2020.from).toBe("2020-01-01");
    for (const [type, [in2021, in2020]] of Object.entries(REPORTED)) {
      expect({ type, n: y2021.byType.find((r: { type: string }) => r.type === type).placements }).toEqual({
        type,
        n: in2021,
      });
      expect({ type, n: y2020.byType.find((r: { type: string }) => r.type === type).placements }).toEqual({
        type,
        n: in2020,
      });
    }
    // Persons include accompanying children, so skyddat boende covers more persons than placements.
    const sb2021 = y2021.byType.find((r: { type: string }) => r.type === "PROTECTED_HOUSING");
    expect(sb2021.persons).toBeGreaterThan(42);
  });

  it("lands the 2021 costs near the reported 17 625 tkr, against the 9 802 tkr budget kept as data", async () => {
    const data = await app.ok(
      `query { placementCostReport(from: "2021-01-01", to: "2021-12-31") { total budget difference placementCost serviceFees
         byMonth { month total budget } byType { type amount } byProvider { providerName total } } }`,
      { scopes: [STATS_EXACT] },
    );
    const r = data.placementCostReport;
    expect(r.budget).toBe("9802000.00");
    expect(kronor(r.total)).toBeGreaterThan(17_625_000 * 0.95);
    expect(kronor(r.total)).toBeLessThan(17_625_000 * 1.05);
    expect(kronor(r.difference)).toBeCloseTo(9_802_000 - kronor(r.total), 2);
    expect(r.byMonth).toHaveLength(12);
    expect(r.byMonth.reduce((s: number, m: { budget: string }) => s + Math.round(kronor(m.budget) * 100), 0)).toBe(
      980_200_000,
    );
    expect(r.byMonth[1].budget).toBe(
      oreToKronor(Math.round((980_200_000 * 59) / 365) - Math.round((980_200_000 * 31) / 365)),
    );
    expect(r.byMonth.reduce((s: number, m: { total: string }) => s + Math.round(kronor(m.total) * 100), 0)).toBe(
      Math.round(kronor(r.total) * 100),
    );
    expect(r.byType.find((t: { type: string }) => t.type === "PROTECTED_HOUSING").amount).not.toBe("0.00");
    expect(r.byType.find((t: { type: string }) => t.type === "INTERNAL_OUTPATIENT").amount).toBe("0.00");
    expect(r.serviceFees).toBe("0.00"); // the IOP with its service fee starts 1 January 2022
  });

  it("counts the Kvinnojouren service fees of 2022 (550 + 150 tkr) exactly, month by month", async () => {
    const data = await app.ok(
      `query { placementCostReport(from: "2022-01-01", to: "2022-12-31") { serviceFees serviceFeeRows { month amount } } }`,
      {
        scopes: [STATS_EXACT],
      },
    );
    expect(data.placementCostReport.serviceFees).toBe("700000.00");
    expect(data.placementCostReport.serviceFeeRows).toHaveLength(12);
    const march = await app.ok(`query { placementCostReport(from: "2022-03-01", to: "2022-03-31") { serviceFees } }`, {
      scopes: [STATS_EXACT],
    });
    const share = (ore: number) => Math.round((ore * 90) / 365) - Math.round((ore * 59) / 365);
    expect(march.placementCostReport.serviceFees).toBe(oreToKronor(share(55_000_000) + share(15_000_000)));
  });

  it("computes in SQL exactly what the pure cost rules give, for any period", async () => {
    const placements = await app.ds.getRepository(Placement).find();
    const fees = await app.ds.getRepository(ProviderDailyFee).find();
    const covers = await app.ds.getRepository(ServiceFeeAgreement).find();
    const expected = (from: string, to: string) =>
      placements
        .flatMap((p) =>
          costLines(
            p,
            fees
              .filter((f) => f.providerId === p.providerId && f.placementType === p.type)
              .map((f) => ({ ...f, dailyFeeOre: f.dailyFee })),
            covers.filter((c) => c.providerId === p.providerId),
            { from, to },
          ),
        )
        .reduce((s, l) => s + l.amountOre, 0);
    for (const [from, to] of [
      ["2020-01-01", "2020-12-31"],
      ["2021-01-01", "2021-12-31"],
      ["2021-06-15", "2021-07-14"],
      ["2022-01-01", "2022-03-31"],
      ["2020-02-29", "2020-02-29"],
    ]) {
      const data = await app.ok(
        `query($from: Date!, $to: Date!) { placementCostReport(from: $from, to: $to) { placementCost } }`,
        {
          scopes: [STATS_EXACT],
          variables: { from, to },
        },
      );
      expect({ from, cost: data.placementCostReport.placementCost }).toEqual({
        from,
        cost: oreToKronor(expected(from, to)),
      });
    }
  });

  it("gives the share of acute placements that ran past two nights (the partner follow-up)", async () => {
    const data = await app.ok(
      `query { placementStatistics(from: "2022-01-01", to: "2022-06-30") { total { acuteStarted acutePastTwoNights acuteShareOverTwoNights } } }`,
      { scopes: [STATS_EXACT] },
    );
    expect(data.placementStatistics.total).toEqual({
      acuteStarted: 6,
      acutePastTwoNights: 3,
      acuteShareOverTwoNights: 0.5,
    });
  });

  it("gives placement days and average length for any period", async () => {
    const data = await app.ok(
      `query { placementStatistics(from: "2021-01-01", to: "2021-12-31") { total { placements nights personNights averageLength ended } } }`,
      {
        scopes: [STATS_EXACT],
      },
    );
    const t = data.placementStatistics.total;
    expect(t.placements).toBe(75);
    expect(t.personNights).toBeGreaterThan(t.nights);
    expect(t.averageLength).toBeGreaterThan(30);
    const half = await app.ok(
      `query { a: placementStatistics(from: "2021-01-01", to: "2021-06-30") { total { nights } } b: placementStatistics(from: "2021-07-01", to: "2021-12-31") { total { nights } } }`,
      {
        scopes: [STATS_EXACT],
      },
    );
    expect(half.a.total.nights + half.b.total.nights).toBe(t.nights);
  });

  it("refuses a reversed period naming the field", async () => {
    const r = await app.call(
      `query { placementStatistics(from: "2021-12-31", to: "2021-01-01") { total { placements } } }`,
      { scopes: [STATS] },
    );
    expect(r.errorCodes).toEqual(["BAD_USER_INPUT"]);
    expect(r.errors?.[0].message).toMatch(/^to:/);
  });

  it("shows the January 2022 invoice from Kvinnojouren against the basis: two person-nights too many", async () => {
    const providers = await app.ok(`query { placementProviders { nodes { id organisationsnummer } } }`, {
      scopes: [STATS],
    });
    const kj = providers.placementProviders.nodes.find(
      (p: { organisationsnummer: string | null }) => p.organisationsnummer === "864501-5200",
    );
    const data = await app.ok(
      `query($id: ID!) { invoiceBasis(providerId: $id, month: "2022-01") { providerName total placementTotal serviceFeeTotal invoicedTotal difference
         lines { month nights persons dailyFee coveredByServiceFee amount } } }`,
      { scopes: TRUSTED, variables: { id: kj.id } },
    );
    const b = data.invoiceBasis;
    expect(b.providerName).toBe("Kvinno- och tjejjouren Borås");
    expect(b.difference).toBe("3500.00");
    expect(b.serviceFeeTotal).toBe(
      oreToKronor(Math.round((55_000_000 * 31) / 365) + Math.round((15_000_000 * 31) / 365)),
    );
    expect(kronor(b.total)).toBeCloseTo(kronor(b.placementTotal) + kronor(b.serviceFeeTotal), 2);
    expect(
      b.lines.some(
        (l: { coveredByServiceFee: boolean; amount: string }) => l.coveredByServiceFee && l.amount === "0.00",
      ),
    ).toBe(true);
    expect(b.lines.every((l: { month: string }) => l.month === "2022-01")).toBe(true);
    expect(
      b.lines
        .filter((l: { coveredByServiceFee: boolean }) => !l.coveredByServiceFee)
        .every((l: { dailyFee: string }) => l.dailyFee === "1750.00"),
    ).toBe(true);
  });

  it("gives the gateway a provider's costs by organisationsnummer without any person data", async () => {
    const summary = await placementCostsByProvider(app.ds, {
      organisationsnummer: "864501-5200",
      from: "2022-01-01",
      to: "2022-12-31",
    });
    expect(summary.registered).toBe(true);
    expect(summary.serviceFeeOre).toBe(70_000_000);
    const report = await app.ok(
      `query { placementCostReport(from: "2022-01-01", to: "2022-12-31") { byProvider { providerName total } } }`,
      { scopes: [READ, STATS_EXACT] },
    );
    const kj = report.placementCostReport.byProvider.find(
      (p: { providerName: string }) => p.providerName === "Kvinno- och tjejjouren Borås",
    );
    expect(oreToKronor(summary.totalOre)).toBe(kj.total);
    expect(Object.keys(summary.lines[0]).sort()).toEqual([
      "amountOre",
      "chargedNights",
      "chargedPersonNights",
      "month",
      "placements",
      "type",
    ]);
    const none = await placementCostsByProvider(app.ds, {
      organisationsnummer: "556701-2348",
      from: "2022-01-01",
      to: "2022-12-31",
    });
    expect(none.registered).toBe(true);
    await expect(
      placementCostsByProvider(app.ds, { organisationsnummer: "864501-5201", from: "2022-01-01", to: "2022-12-31" }),
    ).rejects.toThrow(/organisationsnummer/);
  });

  it("keeps a child placed in protected housing from deletion, and no one else", async () => {
    const [row]: { exempt: unknown; shouldBe: unknown }[] = await app.ds.query(
      `SELECT SUM(CASE WHEN k.retentionExempt = 1 THEN 1 ELSE 0 END) AS exempt,
              (SELECT COUNT(DISTINCT pc.childId) FROM rv_placement_child pc JOIN rv_placement p ON p.id = pc.placementId WHERE p.type = 'PROTECTED_HOUSING') AS shouldBe
         FROM rv_child k`,
    );
    expect(Number(row.exempt)).toBe(Number(row.shouldBe));
    expect(Number(row.exempt)).toBeGreaterThan(0);
  });
});
